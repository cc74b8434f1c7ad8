using ActorTrader.Trading.Sleeves;

namespace ActorTrader.Trading.Meta;

/// <summary>What the meta collected for one sleeve: its outcome, or why there is none (timed out, crashed, stopped).</summary>
internal sealed record SleeveResult(string Sleeve, SleeveOutcome? Outcome, string? MissingReason)
{
    public static SleeveResult Answered(string sleeve, SleeveOutcome outcome) => new(sleeve, outcome, null);

    public static SleeveResult Missing(string sleeve, string reason) => new(sleeve, null, reason);
}
