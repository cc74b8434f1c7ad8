namespace ActorTrader.Strategies.Catalog;

/// <summary>A strategy name that is not in the catalog; the message suggests the closest known name and lists them all.</summary>
public sealed class UnknownStrategyException : ArgumentException
{
    public UnknownStrategyException(string name, string? suggestion, IReadOnlyList<string> known)
        : base(Describe(name, suggestion, known))
    {
        Name = name;
        Suggestion = suggestion;
        Known = known;
    }

    public string Name { get; }

    /// <summary>The nearest known name by edit distance, or null when the catalog is empty.</summary>
    public string? Suggestion { get; }

    public IReadOnlyList<string> Known { get; }

    /// <summary><c>Unknown strategy "x"; did you mean y? Known: a, b, c.</c></summary>
    public static string Describe(string name, string? suggestion, IReadOnlyList<string> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        return $"Unknown strategy \"{name}\"" + (suggestion is null ? "" : $"; did you mean {suggestion}?") + $" Known: {string.Join(", ", known)}.";
    }
}
