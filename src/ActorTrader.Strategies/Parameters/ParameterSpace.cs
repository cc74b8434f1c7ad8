namespace ActorTrader.Strategies.Parameters;

/// <summary>
/// A strategy's genome schema: its parameters with kinds, ranges and defaults. Research samples and mutates within it;
/// HOCON overrides are checked against it.
/// </summary>
public sealed class ParameterSpace
{
    private readonly Dictionary<string, ParameterRange> _byName;

    public ParameterSpace(IEnumerable<ParameterRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        Ranges = [.. ranges];
        _byName = new Dictionary<string, ParameterRange>(StringComparer.Ordinal);
        foreach (var r in Ranges)
        {
            if (!_byName.TryAdd(r.Name, r)) throw new ArgumentException($"Parameter {r.Name} is declared twice.", nameof(ranges));
        }
    }

    public IReadOnlyList<ParameterRange> Ranges { get; }

    public ParameterRange? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Every parameter at its default.</summary>
    public ParameterSet Defaults() => new(Ranges.Select(r => KeyValuePair.Create(r.Name, r.Default)));

    /// <summary>Problems with <paramref name="set"/>: unknown names, missing names, values out of range (empty when valid).</summary>
    public IReadOnlyList<string> Problems(ParameterSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var problems = new List<string>();
        foreach (var name in set.Keys.Where(k => !_byName.ContainsKey(k)))
            problems.Add($"unknown parameter {name}; known: {string.Join(", ", Ranges.Select(r => r.Name))}.");
        foreach (var r in Ranges)
        {
            if (!set.TryGetValue(r.Name, out var v)) problems.Add($"parameter {r.Name} is missing.");
            else if (r.Problem(v) is { } p) problems.Add(p);
        }
        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem of <paramref name="set"/>.</summary>
    public void Validate(ParameterSet set, string strategy)
    {
        var problems = Problems(set);
        if (problems.Count > 0)
            throw new ArgumentException($"Parameters of {strategy} are invalid: {string.Join(" ", problems)}", nameof(set));
    }

    /// <summary>Defaults overlaid with <paramref name="overrides"/>, each override checked.</summary>
    public ParameterSet WithOverrides(IReadOnlyDictionary<string, double> overrides, string strategy)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var set = Defaults();
        foreach (var (k, v) in overrides) set = set.With(k, v);
        Validate(set, strategy);
        return set;
    }
}
