namespace ActorTrader.Hocon.Syntax;

/// <summary>Values written next to each other on one line: strings join, arrays append, objects merge.</summary>
internal sealed class ConcatenationNode(HoconPosition position, IReadOnlyList<Node> parts) : Node(position)
{
    public IReadOnlyList<Node> Parts { get; } = parts;
}
