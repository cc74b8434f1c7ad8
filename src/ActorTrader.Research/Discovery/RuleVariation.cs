using ActorTrader.Research.Randomness;

namespace ActorTrader.Research.Discovery;

/// <summary>
/// Variation of discovered rules: subtree crossover and point / subtree mutation. No operator returns a tree deeper than
/// <see cref="DiscoverySettings.MaxDepth"/> or larger than <see cref="DiscoverySettings.MaxSize"/>; inputs beyond either
/// are refused. Deterministic for a generator state. The size limit also bounds the work: crossover weighs every pair of
/// nodes, at most max-size² of them.
/// </summary>
public sealed class RuleVariation
{
    private readonly RuleGenerator _generator;

    public RuleVariation(DiscoverySettings settings)
    {
        _generator = new RuleGenerator(settings);
    }

    public DiscoverySettings Settings => _generator.Settings;

    /// <summary>Crossover of one side (entry or exit, chosen at random) of two rules; the other side is inherited unchanged.</summary>
    public (TradingRule First, TradingRule Second) Crossover(TradingRule a, TradingRule b, ResearchRandom rng)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(rng);
        if (rng.NextDouble() < 0.5)
        {
            var (x, y) = Crossover(a.Entry, b.Entry, rng);
            return (new TradingRule(x, a.Exit), new TradingRule(y, b.Exit));
        }
        var (p, q) = Crossover(a.Exit, b.Exit, rng);
        return (new TradingRule(a.Entry, p), new TradingRule(b.Entry, q));
    }

    /// <summary>
    /// Subtree crossover: a node of <paramref name="a"/> and a node of <paramref name="b"/> are swapped, the pair drawn
    /// uniformly among the pairs whose swap keeps both children within the depth and size limits (swapping the roots
    /// always does).
    /// </summary>
    public (Condition First, Condition Second) Crossover(Condition a, Condition b, ResearchRandom rng)
    {
        CheckDepth(a, nameof(a));
        CheckDepth(b, nameof(b));
        ArgumentNullException.ThrowIfNull(rng);
        var nodesA = ConditionTree.Nodes(a);
        var nodesB = ConditionTree.Nodes(b);
        var pairs = new List<(int A, int B)>();
        for (var i = 0; i < nodesA.Count; i++)
        {
            for (var j = 0; j < nodesB.Count; j++)
            {
                var (x, y) = (nodesA[i].Node, nodesB[j].Node);
                if (nodesA[i].Level - 1 + y.Depth <= Settings.MaxDepth && nodesB[j].Level - 1 + x.Depth <= Settings.MaxDepth &&
                    a.Size - x.Size + y.Size <= Settings.MaxSize && b.Size - y.Size + x.Size <= Settings.MaxSize)
                    pairs.Add((i, j));
            }
        }
        var (pa, pb) = pairs[rng.NextInt(pairs.Count)];
        return (ConditionTree.Replace(a, pa, nodesB[pb].Node), ConditionTree.Replace(b, pb, nodesA[pa].Node));
    }

    /// <summary>A mutation of one side (entry or exit, chosen at random).</summary>
    public TradingRule Mutate(TradingRule rule, ResearchRandom rng)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(rng);
        return rng.NextDouble() < 0.5 ? new TradingRule(Mutate(rule.Entry, rng), rule.Exit) : new TradingRule(rule.Entry, Mutate(rule.Exit, rng));
    }

    /// <summary>A point mutation with the configured probability, otherwise a subtree mutation.</summary>
    public Condition Mutate(Condition tree, ResearchRandom rng)
    {
        CheckDepth(tree, nameof(tree));
        ArgumentNullException.ThrowIfNull(rng);
        return rng.NextDouble() < Settings.PointMutationProbability ? PointMutation(tree, rng) : SubtreeMutation(tree, rng);
    }

    /// <summary>
    /// One node changed in place, shape and depth kept: and ↔ or, or in a comparison its operator, its left indicator
    /// (window, or kind within the scale) or its right operand (a new constant of the left's scale, or an indicator change).
    /// </summary>
    public Condition PointMutation(Condition tree, ResearchRandom rng)
    {
        CheckDepth(tree, nameof(tree));
        ArgumentNullException.ThrowIfNull(rng);
        var nodes = ConditionTree.Nodes(tree);
        var sites = Enumerable.Range(0, nodes.Count).Where(i => nodes[i].Node is not NotCondition).ToArray();
        var site = sites[rng.NextInt(sites.Length)];
        Condition changed = nodes[site].Node switch
        {
            AndCondition a => new OrCondition(a.Left, a.Right),
            OrCondition o => new AndCondition(o.Left, o.Right),
            Comparison c => MutateComparison(c, rng),
            var other => other,
        };
        return ConditionTree.Replace(tree, site, changed);
    }

    /// <summary>A node replaced by a freshly grown tree that fits in the depth left at its level and the nodes left by the rest of the tree.</summary>
    public Condition SubtreeMutation(Condition tree, ResearchRandom rng)
    {
        CheckDepth(tree, nameof(tree));
        ArgumentNullException.ThrowIfNull(rng);
        var nodes = ConditionTree.Nodes(tree);
        var site = rng.NextInt(nodes.Count);
        var budget = Settings.MaxSize - (tree.Size - nodes[site].Node.Size);
        return ConditionTree.Replace(tree, site, _generator.Grow(Settings.MaxDepth - nodes[site].Level + 1, budget, rng));
    }

    private Comparison MutateComparison(Comparison c, ResearchRandom rng)
    {
        switch (rng.NextInt(3))
        {
            case 0:
            {
                var others = ComparisonOperators.All.Where(o => o != c.Operator).ToArray();
                return new Comparison(others[rng.NextInt(others.Length)], c.Left, c.Right);
            }
            case 1:
                // The left indicator stays in its scale, so a constant on the right keeps its meaning.
                return new Comparison(c.Operator, MutateIndicator(c.Left, rng), c.Right);
            default:
            {
                var right = c.Right switch
                {
                    Indicator indicator => MutateIndicator(indicator, rng),
                    _ when Settings.ConstantsOf(c.Left.Scale) is { } grid => new Constant(grid.Draw(rng)),
                    _ => _generator.RightOperand(c.Left, rng),
                };
                return new Comparison(c.Operator, c.Left, right);
            }
        }
    }

    /// <summary>Another window, or (when the scale has several kinds, half the time) another kind of the same scale.</summary>
    private Indicator MutateIndicator(Indicator indicator, ResearchRandom rng)
    {
        var kinds = Indicators.InScale(indicator.Scale);
        if (!indicator.Kind.HasWindow() || (kinds.Count > 1 && rng.NextDouble() < 0.5))
        {
            var others = kinds.Where(k => k != indicator.Kind).ToArray();
            return others.Length == 0 ? indicator : _generator.Indicator(others[rng.NextInt(others.Length)], rng);
        }
        var windows = Settings.Windows.Where(w => w != indicator.Window).ToArray();
        return windows.Length == 0 ? indicator : new Indicator(indicator.Kind, windows[rng.NextInt(windows.Length)]);
    }

    private void CheckDepth(Condition tree, string name)
    {
        ArgumentNullException.ThrowIfNull(tree, name);
        if (tree.Depth > Settings.MaxDepth)
            throw new ArgumentException($"Condition {tree} has depth {tree.Depth}, above the max depth {Settings.MaxDepth}; raise actortrader.research.discovery.max-depth or prune it.", name);
        if (tree.Size > Settings.MaxSize)
            throw new ArgumentException($"Condition {tree} has {tree.Size} nodes, above the max size {Settings.MaxSize}; raise actortrader.research.discovery.max-size or prune it.", name);
    }
}
