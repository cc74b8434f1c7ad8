namespace ActorTrader.Hocon.Syntax;

/// <summary>An object literal; duplicate keys are merged into it as they are parsed (see <see cref="Assign"/>).</summary>
internal sealed class ObjectNode(HoconPosition position) : Node(position)
{
    private readonly Dictionary<string, Node> _fields = new(StringComparer.Ordinal);
    private readonly List<string> _keys = [];

    public IReadOnlyList<string> Keys => _keys;

    public Node this[string key] => _fields[key];

    public bool TryGet(string key, out Node value) => _fields.TryGetValue(key, out value!);

    /// <summary>
    /// Applies the duplicate-key rules: a later object merges into an earlier object, a later plain non-object
    /// replaces, and anything that needs resolution (substitution, concatenation) is stacked on the earlier value
    /// so self-references can see it.
    /// </summary>
    public void Assign(string key, Node value)
    {
        if (!_fields.TryGetValue(key, out var existing))
        {
            _keys.Add(key);
            _fields[key] = value;
            return;
        }

        switch (value)
        {
            case ObjectNode newer when existing is ObjectNode older:
                foreach (var childKey in newer.Keys)
                {
                    older.Assign(childKey, newer[childKey]);
                }

                break;
            case ObjectNode when existing.IsPlainNonObject:
                _fields[key] = value;
                break;
            case { IsPlainNonObject: true }:
                _fields[key] = value;
                break;
            case MergeNode stack:
                _fields[key] = MergeNode.Stack(existing, stack.Layers);
                break;
            default:
                _fields[key] = MergeNode.Stack(existing, [value]);
                break;
        }
    }
}
