namespace ActorTrader.Hocon.Syntax;

/// <summary>
/// <c>${path}</c> or <c>${?path}</c>. <see cref="IncludePrefix"/> is the path of the include statement that brought
/// this substitution in: it is looked up there first, then at the root (HOCON "include semantics: substitution").
/// </summary>
internal sealed class SubstitutionNode(
    HoconPosition position,
    IReadOnlyList<string> path,
    bool optional,
    IReadOnlyList<string> includePrefix,
    string text) : Node(position)
{
    public IReadOnlyList<string> Path { get; } = path;

    public bool Optional { get; } = optional;

    public IReadOnlyList<string> IncludePrefix { get; } = includePrefix;

    /// <summary>The substitution as written, e.g. <c>${?a.b}</c>.</summary>
    public string Text { get; } = text;
}
