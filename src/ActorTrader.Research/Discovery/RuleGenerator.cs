using ActorTrader.Research.Randomness;

namespace ActorTrader.Research.Discovery;

/// <summary>
/// Random rules for the GP search: Koza's grow and full methods and ramped half-and-half, typed so comparisons relate
/// like scales (<see cref="IndicatorScale"/>). Every draw comes from the given <see cref="ResearchRandom"/>.
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

    /// <summary>A tree of depth at most <paramref name="maxDepth"/> (≥ 2): each node below the limit is a leaf with the leaf probability.</summary>
    public Condition Grow(int maxDepth, ResearchRandom rng)
    {
        CheckDepth(maxDepth);
        ArgumentNullException.ThrowIfNull(rng);
        if (maxDepth == 2 || rng.NextDouble() < Settings.LeafProbability) return Comparison(rng);
        return Logical(maxDepth, rng, Grow);
    }

    /// <summary>A tree whose every branch reaches exactly <paramref name="depth"/> (≥ 2).</summary>
    public Condition Full(int depth, ResearchRandom rng)
    {
        CheckDepth(depth);
        ArgumentNullException.ThrowIfNull(rng);
        return depth == 2 ? Comparison(rng) : Logical(depth, rng, Full);
    }

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

    private static Condition Logical(int depth, ResearchRandom rng, Func<int, ResearchRandom, Condition> child)
    {
        // and : or : not = 2 : 2 : 1, so binary nodes dominate but negation appears.
        return rng.NextInt(5) switch
        {
            0 or 1 => new AndCondition(child(depth - 1, rng), child(depth - 1, rng)),
            2 or 3 => new OrCondition(child(depth - 1, rng), child(depth - 1, rng)),
            _ => new NotCondition(child(depth - 1, rng)),
        };
    }

    private static void CheckDepth(int depth)
    {
        if (depth < 2) throw new ArgumentOutOfRangeException(nameof(depth), depth, "A condition tree has depth at least 2 (a comparison over two operands).");
    }
}
