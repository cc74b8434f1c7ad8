namespace ActorTrader.Hocon.Syntax;

/// <summary>
/// Several definitions of one field that cannot be merged before substitutions are resolved (lightbend's
/// "delayed merge"). Layers are bottom (earliest) first; a self-reference in a layer sees the layers below it.
/// </summary>
internal sealed class MergeNode(IReadOnlyList<Node> layers) : Node(layers[^1].Position)
{
    public IReadOnlyList<Node> Layers { get; } = layers;

    public static MergeNode Stack(Node existing, IReadOnlyList<Node> newer)
    {
        var layers = existing is MergeNode merge ? new List<Node>(merge.Layers) : [existing];
        layers.AddRange(newer);
        return new MergeNode(layers);
    }
}
