namespace ActorTrader.Research.Discovery;

/// <summary>Text names of <see cref="ComparisonOperator"/>.</summary>
public static class ComparisonOperators
{
    public static IReadOnlyList<ComparisonOperator> All { get; } = Enum.GetValues<ComparisonOperator>();

    public static string Name(this ComparisonOperator op) => op switch
    {
        ComparisonOperator.GreaterThan => "gt",
        ComparisonOperator.LessThan => "lt",
        ComparisonOperator.CrossesAbove => "crosses_above",
        ComparisonOperator.CrossesBelow => "crosses_below",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown comparison operator."),
    };

    /// <summary>The operator whose text name is <paramref name="name"/>, or null.</summary>
    public static ComparisonOperator? FromName(string name) => All.Cast<ComparisonOperator?>().FirstOrDefault(o => o!.Value.Name() == name);
}
