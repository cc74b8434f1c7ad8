namespace ActorTrader.Research.Discovery;

/// <summary>True when either side is: <c>or(a, b)</c>.</summary>
public sealed record OrCondition : Condition
{
    public OrCondition(Condition left, Condition right)
        : base(1 + Math.Max(Checked(left).Depth, Checked(right).Depth), 1 + left.Size + right.Size)
    {
        Left = left;
        Right = right;
    }

    public Condition Left { get; }

    public Condition Right { get; }

    public override string ToString() => $"or({Left}, {Right})";

    private static Condition Checked(Condition c) => c ?? throw new ArgumentNullException(nameof(c), "An or-condition needs two conditions.");
}
