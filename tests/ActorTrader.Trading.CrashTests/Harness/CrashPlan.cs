using ActorTrader.Trading.Host;

namespace ActorTrader.Trading.CrashTests.Harness;

/// <summary>
/// The kills of one series in a random order drawn from a seed: every crash point <see cref="PerCrashPoint"/> times at a
/// random pass (1..<see cref="MaxPass"/>), and kills by the test after a day line for the rest of <see cref="Kills"/>.
/// The seed is printed; ACTORTRADER_CRASH_TEST_SEED replays a series.
/// </summary>
internal static class CrashPlan
{
    public const int Kills = 32;

    public const int PerCrashPoint = 3;

    public const int MaxPass = 3;

    public const int DefaultSeed = 20220901;

    public const string SeedVariable = "ACTORTRADER_CRASH_TEST_SEED";

    public static int Seed() =>
        int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seed)
            ? seed
            : DefaultSeed;

    public static IReadOnlyList<CrashTrial> Create(int seed)
    {
        var random = new Random(seed);
        var kinds = new List<string?>();
        foreach (var point in CrashPoints.Names) kinds.AddRange(Enumerable.Repeat<string?>(point, PerCrashPoint));
        kinds.AddRange(Enumerable.Repeat<string?>(null, Kills - kinds.Count));
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(kinds));
        return [.. kinds.Select((point, i) => new CrashTrial(i + 1, point, point is null ? 1 : random.Next(1, MaxPass + 1)))];
    }
}
