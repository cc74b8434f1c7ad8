using System.Globalization;

namespace ActorTrader.Trading.CrashTests.Harness;

/// <summary>
/// One planned kill of the series. With a <see cref="CrashPoint"/> the node kills itself (SIGKILL) at the
/// <see cref="Pass"/>-th pass of that point; without one the test sends SIGKILL as soon as the node printed
/// <see cref="Pass"/> replay day lines, which lands somewhere in the following day's work.
/// </summary>
internal sealed record CrashTrial(int Number, string? CrashPoint, int Pass)
{
    /// <summary>The value of ACTORTRADER_CRASH_POINT, or null for a kill by the test.</summary>
    public string? Setting => CrashPoint is null ? null : string.Create(CultureInfo.InvariantCulture, $"{CrashPoint}:{Pass}");

    public string Kind => CrashPoint ?? "after-day-line";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"trial {Number} ({(CrashPoint is null ? "SIGKILL after a day line" : $"crash point {Setting}")})");
}
