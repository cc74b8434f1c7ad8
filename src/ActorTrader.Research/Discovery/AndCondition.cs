namespace ActorTrader.Research.Discovery;

/// <summary>True when both sides are: <c>and(a, b)</c>.</summary>
public sealed record AndCondition : Condition
{
    public AndCondition(Condition left, Condition right)
        : base(1 + Math.Max(Checked(left).Depth, Checked(right).Depth), 1 + left.Size + right.Size)
    {
        Left = left;
        Right = right;
    }

    public Condition Left { get; }

    public Condition Right { get; }

    public override string ToString() => $"and({Left}, {Right})";

    private static Condition Checked(Condition c) => c ?? throw new ArgumentNullException(nameof(c), "An and-condition needs two conditions.");
}
