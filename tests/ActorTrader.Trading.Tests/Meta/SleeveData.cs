using ActorTrader.Data.Runs;
using ActorTrader.Domain.Instruments;
using ActorTrader.Trading.Sleeves;

namespace ActorTrader.Trading.Tests.Meta;

/// <summary>
/// Builds sleeve outcomes for tests: a run directory (under a temporary root) holding the weights file, daily UTC
/// dates, seeded random returns and signed asset weights. Each piece can be spoiled on purpose.
/// </summary>
internal sealed class SleeveData(string root)
{
    public static readonly DateTimeOffset FirstDate = new(2024, 1, 2, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<DateTimeOffset> Dates(int count, int offset = 0) =>
        [.. Enumerable.Range(offset, count).Select(i => FirstDate.AddDays(i))];

    /// <summary>Seeded random returns, up to ±1% × seed a day: a larger seed is a more volatile sleeve.</summary>
    public static IReadOnlyList<double> Returns(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => ((random.NextDouble() - 0.5) * 0.02 + 0.0002) * seed)];
    }

    /// <summary>A succeeded outcome whose directory exists and holds weights.json, and whose sign test ran and passed.</summary>
    public SleeveOutcome Healthy(string sleeve, RunSleeve command, int seed, IReadOnlyDictionary<Symbol, double> weights, int bars = 120, int offset = 0)
    {
        var directory = Path.Combine(root, "sleeve-runs", sleeve);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "weights.json"), "{}");
        return new SleeveOutcome(sleeve, command.RunId ?? RunId.Create(FirstDate, "000000"), directory, Succeeded: true, FailureStage: null, FailureReason: null,
            Dates(bars, offset), Returns(bars, seed), weights, SignTestPassed: true, Excluded: [])
        {
            SignTestRan = true, // a succeeded sleeve went through synthesis
        };
    }

    public static Dictionary<Symbol, double> Weights(params (string Symbol, double Weight)[] weights) =>
        weights.ToDictionary(w => Symbol.Parse(w.Symbol), w => w.Weight);
}
