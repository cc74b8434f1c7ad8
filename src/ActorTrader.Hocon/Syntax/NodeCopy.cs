namespace ActorTrader.Hocon.Syntax;

/// <summary>Copies for merging configs: <see cref="ObjectNode.Assign"/> merges into objects in place, so merged trees must not share them.</summary>
internal static class NodeCopy
{
    public static Node Of(Node node)
    {
        if (node is not ObjectNode obj)
        {
            return node;
        }

        var copy = new ObjectNode(obj.Position);
        foreach (var key in obj.Keys)
        {
            copy.Assign(key, Of(obj[key]));
        }

        return copy;
    }

    public static Node FromValue(HoconValue value)
    {
        var position = value.Position ?? new HoconPosition("config", 1, 1);
        switch (value.Kind)
        {
            case HoconValueKind.Object:
                var obj = new ObjectNode(position);
                foreach (var key in value.Keys)
                {
                    obj.Assign(key, FromValue(value[key]!));
                }

                return obj;
            case HoconValueKind.Array:
                return new ArrayNode(position, value.Items.Select(FromValue).ToList());
            default:
                return new ScalarNode(position, value.Kind, value.AsString());
        }
    }
}
