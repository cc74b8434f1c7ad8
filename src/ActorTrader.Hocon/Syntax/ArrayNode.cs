namespace ActorTrader.Hocon.Syntax;

/// <summary>An array literal.</summary>
internal sealed class ArrayNode(HoconPosition position, IReadOnlyList<Node> items) : Node(position)
{
    public IReadOnlyList<Node> Items { get; } = items;

    public override bool IsPlainNonObject => true;
}
