namespace ActorTrader.Research.Discovery;

/// <summary>A leaf condition: an indicator compared with an indicator or a constant, e.g. <c>crosses_above(close, sma(50))</c>.</summary>
public sealed record Comparison : Condition
{
    public Comparison(ComparisonOperator @operator, Indicator left, Operand right)
        : base(2, 1)
    {
        if (!Enum.IsDefined(@operator)) throw new ArgumentOutOfRangeException(nameof(@operator), @operator, "Unknown comparison operator.");
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        Operator = @operator;
        Left = left;
        Right = right;
    }

    public ComparisonOperator Operator { get; }

    public Indicator Left { get; }

    public Operand Right { get; }

    public override string ToString() => $"{Operator.Name()}({Left}, {Right})";
}
