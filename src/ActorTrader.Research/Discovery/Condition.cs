namespace ActorTrader.Research.Discovery;

/// <summary>
/// A boolean node of a rule tree: <see cref="Comparison"/> at the leaves, combined by <see cref="AndCondition"/>,
/// <see cref="OrCondition"/> and <see cref="NotCondition"/>. Immutable with value equality. <see cref="Depth"/> counts
/// nodes on the longest root-to-leaf path including the operands, so a single comparison has depth 2.
/// </summary>
public abstract record Condition
{
    private protected Condition(int depth, int size)
    {
        Depth = depth;
        Size = size;
    }

    public int Depth { get; }

    /// <summary>Number of condition nodes (operands not counted).</summary>
    public int Size { get; }

    /// <summary>The canonical text, as <see cref="RuleParser.ParseCondition"/> reads it.</summary>
    public abstract override string ToString();
}
