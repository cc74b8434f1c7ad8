using ActorTrader.Research.Genetics;
using ActorTrader.Research.Randomness;
using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Research.Bandit;

/// <summary>
/// A persisted (market regime, parameter region) → reward table that biases sampling toward historically profitable
/// regions. Regions are the cells of a <see cref="ParameterGrid"/>. <see cref="Sample"/> explores with probability
/// <see cref="BanditSettings.ExploreShare"/> (a uniform draw from the whole space, which is also how unseen regions are
/// found) and otherwise exploits by Gaussian Thompson sampling over the regime's recorded regions — each region's mean
/// reward plus its standard error times a standard normal draw, the highest wins — then draws uniformly inside the
/// winning region. Deterministic for a generator state; regions are visited in ordinal key order. Not thread-safe.
/// </summary>
public sealed class ParameterBandit
{
    private readonly SortedDictionary<(string Regime, string Region), BanditCell> _cells = new(CellOrder.Instance);

    public ParameterBandit(ParameterSpace space, BanditSettings settings)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        Settings = settings;
        Grid = new ParameterGrid(space, settings.BinsPerParameter);
    }

    public BanditSettings Settings { get; }

    public ParameterGrid Grid { get; }

    /// <summary>The table, ordered by regime then region.</summary>
    public BanditState State => new([.. _cells.Values]);

    /// <summary>A bandit over <paramref name="space"/> holding the journaled table <paramref name="state"/>; cells of another grid are refused.</summary>
    public static ParameterBandit FromState(BanditState state, ParameterSpace space, BanditSettings settings)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(state.Cells, nameof(state));
        var bandit = new ParameterBandit(space, settings);
        foreach (var cell in state.Cells)
        {
            ArgumentNullException.ThrowIfNull(cell, nameof(state));
            ArgumentException.ThrowIfNullOrWhiteSpace(cell.Regime, nameof(state));
            bandit.Grid.Parse(cell.Region);
            if (cell.Count < 1 || !double.IsFinite(cell.Sum) || !double.IsFinite(cell.SumOfSquares) || cell.SumOfSquares < 0)
                throw new ArgumentException($"Bandit cell {cell} is damaged (count below 1 or non-finite sums).", nameof(state));
            if (!bandit._cells.TryAdd((cell.Regime, cell.Region), cell))
                throw new ArgumentException($"Bandit state lists regime {cell.Regime}, region {cell.Region} twice; the journal entry is damaged.", nameof(state));
        }
        return bandit;
    }

    /// <summary>The region key of <paramref name="parameters"/>.</summary>
    public string RegionOf(ParameterSet parameters) => Grid.RegionOf(parameters);

    /// <summary>The cells recorded for <paramref name="regime"/>, in region order.</summary>
    public IReadOnlyList<BanditCell> CellsOf(string regime)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(regime);
        return [.. _cells.Values.Where(c => c.Regime == regime)];
    }

    /// <summary>Adds <paramref name="reward"/> (clipped to the configured bounds) to the region of <paramref name="genome"/> in <paramref name="regime"/>.</summary>
    public void Record(string regime, Genome genome, double reward)
    {
        ArgumentNullException.ThrowIfNull(genome);
        Record(regime, genome.Parameters, reward);
    }

    /// <summary>Adds <paramref name="reward"/> (clipped to the configured bounds) to the region of <paramref name="parameters"/> in <paramref name="regime"/>.</summary>
    public void Record(string regime, ParameterSet parameters, double reward)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(regime);
        ArgumentNullException.ThrowIfNull(parameters);
        if (double.IsNaN(reward))
            throw new ArgumentOutOfRangeException(nameof(reward), reward, $"Reward for {parameters} in regime {regime} is NaN; record only scored genomes.");
        var r = Math.Clamp(reward, Settings.RewardMin, Settings.RewardMax);
        var key = (regime, Grid.RegionOf(parameters));
        _cells[key] = _cells.TryGetValue(key, out var cell)
            ? cell with { Count = cell.Count + 1, Sum = cell.Sum + r, SumOfSquares = cell.SumOfSquares + r * r }
            : new BanditCell(regime, key.Item2, 1, r, r * r);
    }

    /// <summary>A parameter set for <paramref name="regime"/>: uniform with the explore share (or when the regime has no records), else from the Thompson-chosen region.</summary>
    public ParameterSet Sample(string regime, ResearchRandom rng)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(regime);
        ArgumentNullException.ThrowIfNull(rng);
        var explore = rng.NextDouble() < Settings.ExploreShare;
        var cells = explore ? [] : CellsOf(regime);
        if (cells.Count == 0) return GeneticOperators.RandomSet(Grid.Space, rng);
        BanditCell? best = null;
        var bestDraw = double.NegativeInfinity;
        foreach (var cell in cells)
        {
            var draw = cell.Mean + StandardError(cell) * rng.NextGaussian();
            if (best is null || draw > bestDraw)
            {
                best = cell;
                bestDraw = draw;
            }
        }
        return Grid.SampleIn(best!.Region, rng);
    }

    private double StandardError(BanditCell cell)
    {
        var n = cell.Count;
        if (n < 2) return Settings.PriorStd;
        var mean = cell.Sum / n;
        var variance = Math.Max(0, (cell.SumOfSquares - n * mean * mean) / (n - 1));
        return Math.Sqrt(variance / n);
    }

    private sealed class CellOrder : IComparer<(string Regime, string Region)>
    {
        public static readonly CellOrder Instance = new();

        public int Compare((string Regime, string Region) x, (string Regime, string Region) y)
        {
            var c = string.CompareOrdinal(x.Regime, y.Regime);
            return c != 0 ? c : string.CompareOrdinal(x.Region, y.Region);
        }
    }
}
