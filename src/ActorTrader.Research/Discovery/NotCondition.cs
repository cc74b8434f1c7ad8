namespace ActorTrader.Research.Discovery;

/// <summary>True when its operand is false: <c>not(a)</c>. During an operand's warm-up (false) the negation is true.</summary>
public sealed record NotCondition : Condition
{
    public NotCondition(Condition operand)
        : base(1 + Checked(operand).Depth, 1 + operand.Size)
    {
        Operand = operand;
    }

    public Condition Operand { get; }

    public override string ToString() => $"not({Operand})";

    private static Condition Checked(Condition c) => c ?? throw new ArgumentNullException(nameof(c), "A not-condition needs a condition.");
}
