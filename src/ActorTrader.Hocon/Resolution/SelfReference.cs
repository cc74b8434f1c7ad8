namespace ActorTrader.Hocon.Resolution;

/// <summary>
/// While a field whose value is a substitution or concatenation is being resolved, lookups of its own path see
/// the field's earlier definitions (<see cref="Below"/>) instead of the field itself (spec, "self-referential
/// substitutions"). <see cref="Depth"/> tells a direct self-reference from one reached through other fields.
/// </summary>
internal sealed class SelfReference(IReadOnlyList<string> path, BelowValue below, int depth)
{
    public IReadOnlyList<string> Path { get; } = path;

    public BelowValue Below { get; } = below;

    public int Depth { get; } = depth;

    public bool Covers(IReadOnlyList<string> lookup)
    {
        if (lookup.Count < Path.Count)
        {
            return false;
        }

        for (var i = 0; i < Path.Count; i++)
        {
            if (!string.Equals(lookup[i], Path[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
