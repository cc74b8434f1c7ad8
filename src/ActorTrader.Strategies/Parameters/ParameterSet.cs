using System.Collections;
using System.Globalization;

namespace ActorTrader.Strategies.Parameters;

/// <summary>
/// Parameter values by name: an immutable, ordinal-sorted map with value equality, so the same genome always prints,
/// hashes and serialises the same way.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710", Justification = "A genome is called a parameter set everywhere in research.")]
public sealed class ParameterSet : IReadOnlyDictionary<string, double>, IEquatable<ParameterSet>
{
    private readonly SortedDictionary<string, double> _values;

    public ParameterSet(IEnumerable<KeyValuePair<string, double>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (!_values.TryAdd(name, value)) throw new ArgumentException($"Parameter {name} is given twice.", nameof(values));
        }
    }

    public static ParameterSet Empty { get; } = new([]);

    public double this[string key] => _values.TryGetValue(key, out var v)
        ? v
        : throw new KeyNotFoundException($"Parameter \"{key}\" is not set; known: {string.Join(", ", _values.Keys)}.");

    public IEnumerable<string> Keys => _values.Keys;

    public IEnumerable<double> Values => _values.Values;

    public int Count => _values.Count;

    public bool ContainsKey(string key) => _values.ContainsKey(key);

    public bool TryGetValue(string key, out double value) => _values.TryGetValue(key, out value);

    /// <summary>A copy with <paramref name="name"/> set to <paramref name="value"/>.</summary>
    public ParameterSet With(string name, double value)
    {
        var copy = new SortedDictionary<string, double>(_values, StringComparer.Ordinal) { [name] = value };
        return new ParameterSet(copy);
    }

    public IEnumerator<KeyValuePair<string, double>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(ParameterSet? other) =>
        other is not null && other.Count == Count && _values.All(kv => other.TryGetValue(kv.Key, out var v) && v.Equals(kv.Value));

    public override bool Equals(object? obj) => Equals(obj as ParameterSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (k, v) in _values) { hash.Add(k); hash.Add(v); }
        return hash.ToHashCode();
    }

    /// <summary><c>name=value</c> pairs in name order, invariant culture, round-trip precision.</summary>
    public override string ToString() =>
        string.Join(", ", _values.Select(kv => kv.Key + "=" + kv.Value.ToString("R", CultureInfo.InvariantCulture)));
}
