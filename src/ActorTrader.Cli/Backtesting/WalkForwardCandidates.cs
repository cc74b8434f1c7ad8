using ActorTrader.Strategies;
using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Cli.Backtesting;

/// <summary>
/// The parameter sets a command-line walk-forward chooses among in each window: the configured set first (so a tie keeps
/// it), then seeded draws from the strategy's parameter space — uniform within each range, whole for whole, flag and
/// choice parameters, reals rounded to six decimals. The same seed gives the same candidates.
/// </summary>
internal static class WalkForwardCandidates
{
    /// <summary>Candidates per walk-forward: the configured set and four draws.</summary>
    public const int DefaultCount = 5;

    public static IReadOnlyList<ParameterSet> For(IStrategy strategy, ParameterSet configured, int seed, int count = DefaultCount)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(configured);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var random = new Random(seed);
        var candidates = new List<ParameterSet> { configured };
        // Small spaces (one flag) hold fewer distinct sets than asked for; the attempts bound the search.
        for (var attempt = 0; candidates.Count < count && attempt < count * 20; attempt++)
        {
            var draw = new ParameterSet(strategy.Parameters.Ranges.Select(r => KeyValuePair.Create(r.Name, Draw(r, random))));
            if (!candidates.Contains(draw)) candidates.Add(draw);
        }
        return candidates;
    }

    private static double Draw(ParameterRange range, Random random) =>
        range.Kind == ParameterKind.Real
            ? range.Clamp(Math.Round(range.Min + random.NextDouble() * (range.Max - range.Min), 6, MidpointRounding.AwayFromZero))
            : random.Next((int)range.Min, (int)range.Max + 1);
}
