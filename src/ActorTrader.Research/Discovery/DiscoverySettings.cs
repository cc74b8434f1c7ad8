using System.Globalization;

namespace ActorTrader.Research.Discovery;

/// <summary>
/// The rule search (GP discovery): whether the discovery population runs and its size, then the shape of the search —
/// depth and size limits, windows, constant grids and variation probabilities. Problems name the HOCON keys (kebab-case)
/// under <c>actortrader.research.discovery</c>. Selection, crossover probability, the adaptive mutation rate (here the
/// probability that a child is mutated), elitism, stagnation and novelty are the research settings every population shares.
/// </summary>
public sealed record DiscoverySettings
{
    public static DiscoverySettings Default { get; } = new();

    /// <summary>Whether the research supervisor runs the discovery population beside the strategies' populations.</summary>
    public bool Enabled { get; init; }

    /// <summary>Rules per generation of the discovery population.</summary>
    public int PopulationSize { get; init; } = 50;

    /// <summary>Deepest entry or exit tree (a single comparison has depth 2); no operator produces a deeper one.</summary>
    public int MaxDepth { get; init; } = 6;

    /// <summary>
    /// Most condition nodes (and, or, not, comparisons) in an entry or exit tree; no operator produces a larger one. Depth
    /// alone does not bound a tree (a full tree of depth d has up to 2^(d−1) − 1 nodes), and subtree crossover enumerates
    /// node pairs, so this keeps generation and variation cheap at any max-depth.
    /// </summary>
    public int MaxSize { get; init; } = 64;

    /// <summary>Deepest tree of a freshly generated rule (ramped half-and-half from 2 to this).</summary>
    public int InitialMaxDepth { get; init; } = 4;

    /// <summary>The windows generated indicators use.</summary>
    public IReadOnlyList<int> Windows { get; init; } = [5, 10, 14, 20, 50, 100, 200];

    /// <summary>Probability that a grown node (below the depth limit) is a comparison rather than and/or/not.</summary>
    public double LeafProbability { get; init; } = 0.3;

    /// <summary>Probability that a non-price comparison has a constant on its right rather than another indicator.</summary>
    public double ConstantProbability { get; init; } = 0.8;

    /// <summary>Probability that a mutation is a point mutation (operator, window, constant) rather than a new subtree.</summary>
    public double PointMutationProbability { get; init; } = 0.5;

    /// <summary>Grid of RSI thresholds.</summary>
    public ConstantRange OscillatorConstants { get; init; } = new(5, 95, 1);

    /// <summary>Grid of n-bar return thresholds.</summary>
    public ConstantRange ReturnConstants { get; init; } = new(-0.1, 0.1, 0.005);

    /// <summary>Grid of per-bar volatility thresholds.</summary>
    public ConstantRange VolatilityConstants { get; init; } = new(0.002, 0.05, 0.002);

    /// <summary>Grid of z-score thresholds.</summary>
    public ConstantRange ZScoreConstants { get; init; } = new(-3, 3, 0.1);

    /// <summary>The constant grid of <paramref name="scale"/>; null for price scale (prices are compared with prices).</summary>
    public ConstantRange? ConstantsOf(IndicatorScale scale) => scale switch
    {
        IndicatorScale.Oscillator => OscillatorConstants,
        IndicatorScale.Return => ReturnConstants,
        IndicatorScale.Volatility => VolatilityConstants,
        IndicatorScale.ZScore => ZScoreConstants,
        _ => null,
    };

    /// <summary>The largest max-size accepted.</summary>
    public const int MaxSizeLimit = 10_000;

    /// <summary>Condition nodes of a full binary tree of <paramref name="depth"/> (comparisons at the last level but one).</summary>
    public static long FullSize(int depth) => depth <= 2 ? 1 : depth >= 40 ? long.MaxValue : (1L << (depth - 1)) - 1;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        if (PopulationSize < 2) problems.Add(string.Create(CultureInfo.InvariantCulture, $"population-size is {PopulationSize}; it must be at least 2."));
        if (MaxDepth is < 2 or > RuleParser.MaxNesting) problems.Add($"max-depth is {MaxDepth}; it must be in [2, {RuleParser.MaxNesting}].");
        if (InitialMaxDepth < 2 || InitialMaxDepth > MaxDepth) problems.Add($"initial-max-depth is {InitialMaxDepth}; it must be in [2, max-depth {MaxDepth}].");
        if (MaxSize is < 1 or > MaxSizeLimit) problems.Add($"max-size is {MaxSize}; it must be in [1, {MaxSizeLimit}].");
        else if (MaxDepth >= 2 && MaxSize < MaxDepth - 1)
            problems.Add($"max-size is {MaxSize}, below max-depth {MaxDepth} − 1; a tree that deep needs at least {MaxDepth - 1} nodes. Raise max-size or lower max-depth.");
        else if (InitialMaxDepth >= 2 && FullSize(InitialMaxDepth) > MaxSize)
            problems.Add($"initial-max-depth {InitialMaxDepth} generates full trees of {FullSize(InitialMaxDepth)} nodes, above max-size {MaxSize}. Lower initial-max-depth or raise max-size.");
        if (Windows is not { Count: > 0 }) problems.Add("windows is empty; give at least one window, e.g. [5, 20, 50].");
        else
        {
            foreach (var w in Windows.Where(w => w is < Indicator.MinWindow or > Indicator.MaxWindow))
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"windows contains {w}; every window must be in [{Indicator.MinWindow}, {Indicator.MaxWindow}]."));
        }
        if (!(LeafProbability is >= 0 and <= 1)) problems.Add($"leaf-probability is {F(LeafProbability)}; it must be in [0, 1].");
        if (!(ConstantProbability is >= 0 and <= 1)) problems.Add($"constant-probability is {F(ConstantProbability)}; it must be in [0, 1].");
        if (!(PointMutationProbability is >= 0 and <= 1)) problems.Add($"point-mutation-probability is {F(PointMutationProbability)}; it must be in [0, 1].");
        foreach (var (name, range) in new[] { ("oscillator-constants", OscillatorConstants), ("return-constants", ReturnConstants), ("volatility-constants", VolatilityConstants), ("zscore-constants", ZScoreConstants) })
        {
            if (range is null) problems.Add($"{name} is missing.");
            else if (range.Problem(name) is { } p) problems.Add(p);
        }
        return problems;
    }

    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
            throw new ArgumentException($"Discovery settings are invalid: {string.Join(" ", problems)} Fix them under actortrader.research.discovery.");
    }
}
