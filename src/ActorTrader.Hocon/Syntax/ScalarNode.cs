namespace ActorTrader.Hocon.Syntax;

/// <summary>
/// A string, number, boolean or null literal. <see cref="IsWhitespace"/> marks the unquoted whitespace kept
/// between the parts of a value concatenation (significant for strings, ignored between objects and arrays).
/// </summary>
internal sealed class ScalarNode(HoconPosition position, HoconValueKind kind, string text, bool isWhitespace = false) : Node(position)
{
    public HoconValueKind Kind { get; } = kind;

    public string Text { get; } = text;

    public bool IsWhitespace { get; } = isWhitespace;

    public override bool IsPlainNonObject => true;

    public HoconValue ToValue() => Kind switch
    {
        HoconValueKind.Number => HoconValue.Number(Text, Position),
        HoconValueKind.Boolean => HoconValue.Boolean(Text == "true", Position),
        HoconValueKind.Null => HoconValue.Null(Position),
        _ => HoconValue.String(Text, Position),
    };
}
