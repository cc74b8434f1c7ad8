using ActorTrader.Research.Randomness;

namespace ActorTrader.Research.Discovery;

/// <summary>
/// Random rules for the GP search: Koza's grow and full methods and ramped half-and-half, typed so comparisons relate
/// like scales (<see cref="IndicatorScale"/>). Every draw comes from the given <see cref="ResearchRandom"/>. Trees never
/// have more than <see cref="DiscoverySettings.MaxSize"/> condition nodes: where a node budget is too small for a binary
/// node a negation (full) or a comparison (grow) is used instead, so growth stays bounded at any depth.
/// </summary>
public sealed class RuleGenerator
{
    public RuleGenerator(DiscoverySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        Settings = settings;
    }

    public DiscoverySettings Settings { get; }

    /// <summary>Ramped half-and-half: entry and exit each of a uniform depth in [2, initial max depth], half grown, half full.</summary>
    public TradingRule Rule(ResearchRandom rng) => new(Ramped(rng), Ramped(rng));

    /// <summary>A tree of depth at most <paramref name="maxDepth"/> (≥ 2) and at most max-size nodes: each node below the limit is a leaf with the leaf probability.</summary>
    public Condition Grow(int maxDepth, ResearchRandom rng) => Grow(maxDepth, Settings.MaxSize, rng);

    /// <summary>A grown tree of at most <paramref name="budget"/> (≥ 1) condition nodes.</summary>
    public Condition Grow(int maxDepth, int budget, ResearchRandom rng)
    {
        CheckDepth(maxDepth);
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, 1);
        ArgumentNullException.ThrowIfNull(rng);
        // No draw is spent on a budget that leaves no choice, so an ample budget draws exactly as an unbounded tree would.
        if (maxDepth == 2 || budget < 2 || rng.NextDouble() < Settings.LeafProbability) return Comparison(rng);
        return Logical(maxDepth, budget, rng, (depth, left, r) => Grow(depth, left, r), minimum: _ => 1);
    }

    /// <summary>A tree whose every branch reaches exactly <paramref name="depth"/> (≥ 2), within max-size nodes.</summary>
    public Condition Full(int depth, ResearchRandom rng)
    {
        CheckDepth(depth);
        ArgumentNullException.ThrowIfNull(rng);
        if (MinimumFullSize(depth) > Settings.MaxSize)
            throw new ArgumentOutOfRangeException(nameof(depth), depth, $"A tree of depth {depth} needs at least {MinimumFullSize(depth)} nodes, above max-size {Settings.MaxSize}.");
        return Full(depth, Settings.MaxSize, rng);
    }

    private Condition Full(int depth, int budget, ResearchRandom rng) =>
        depth == 2 ? Comparison(rng) : Logical(depth, budget, rng, Full, MinimumFullSize);

    /// <summary>The fewest nodes a tree reaching exactly <paramref name="depth"/> can have: a chain of negations over a comparison.</summary>
    private static int MinimumFullSize(int depth) => depth - 1;

    /// <summary>A random comparison: any indicator on the left; on the right a price feature for prices, else a constant of the left's scale or a feature of that scale.</summary>
    public Comparison Comparison(ResearchRandom rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var op = ComparisonOperators.All[rng.NextInt(ComparisonOperators.All.Count)];
        var left = Indicator(Indicators.All[rng.NextInt(Indicators.All.Count)], rng);
        return new Comparison(op, left, RightOperand(left, rng));
    }

    /// <summary>An operand that can be compared with <paramref name="left"/>.</summary>
    public Operand RightOperand(Indicator left, ResearchRandom rng)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(rng);
        var constants = Settings.ConstantsOf(left.Scale);
        if (constants is not null && rng.NextDouble() < Settings.ConstantProbability) return new Constant(constants.Draw(rng));
        var kinds = Indicators.InScale(left.Scale);
        var right = Indicator(kinds[rng.NextInt(kinds.Count)], rng);
        // Comparing a series with itself is constantly false; a few redraws avoid it when the scale allows another.
        for (var attempt = 0; attempt < 8 && right == left; attempt++) right = Indicator(kinds[rng.NextInt(kinds.Count)], rng);
        return right;
    }

    /// <summary>An indicator of <paramref name="kind"/> with a window from the settings (none for close).</summary>
    public Indicator Indicator(IndicatorKind kind, ResearchRandom rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return kind.HasWindow() ? new Indicator(kind, Settings.Windows[rng.NextInt(Settings.Windows.Count)]) : new Indicator(kind);
    }

    private Condition Ramped(ResearchRandom rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var depth = 2 + rng.NextInt(Settings.InitialMaxDepth - 1);
        return rng.NextDouble() < 0.5 ? Grow(depth, rng) : Full(depth, rng);
    }

    /// <summary>
    /// An and/or/not node over children of <paramref name="depth"/> − 1 built by <paramref name="child"/> within
    /// <paramref name="budget"/> nodes in all; <paramref name="minimum"/> is the fewest nodes a child needs. When two
    /// children do not fit, the node is a negation.
    /// </summary>
    private static Condition Logical(int depth, int budget, ResearchRandom rng, Func<int, int, ResearchRandom, Condition> child, Func<int, int> minimum)
    {
        // and : or : not = 2 : 2 : 1, so binary nodes dominate but negation appears.
        var kind = rng.NextInt(5);
        var smallest = minimum(depth - 1);
        if (kind < 4 && 1 + 2 * smallest <= budget)
        {
            var left = child(depth - 1, budget - 1 - smallest, rng);
            var right = child(depth - 1, budget - 1 - left.Size, rng);
            return kind < 2 ? new AndCondition(left, right) : new OrCondition(left, right);
        }
        return new NotCondition(child(depth - 1, budget - 1, rng));
    }

    private static void CheckDepth(int depth)
    {
        if (depth < 2) throw new ArgumentOutOfRangeException(nameof(depth), depth, "A condition tree has depth at least 2 (a comparison over two operands).");
    }
}
