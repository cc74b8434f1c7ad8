namespace ActorTrader.Research.Discovery;

/// <summary>A numeric leaf of a rule: an <see cref="Indicator"/> or a <see cref="Constant"/>. Depth 1.</summary>
public abstract record Operand
{
    private protected Operand()
    {
    }

    /// <summary>The canonical text, as <see cref="RuleParser"/> reads it.</summary>
    public abstract override string ToString();
}
