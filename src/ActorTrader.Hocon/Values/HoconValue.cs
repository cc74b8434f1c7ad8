using System.Globalization;
using ActorTrader.Hocon.Rendering;

namespace ActorTrader.Hocon;

/// <summary>
/// A resolved HOCON value: object, array, string, number, boolean or null, with the position where it was defined.
/// Immutable.
/// </summary>
public sealed class HoconValue
{
    private static readonly IReadOnlyList<string> NoKeys = [];
    private static readonly IReadOnlyList<HoconValue> NoItems = [];
    private static readonly IReadOnlyDictionary<string, HoconValue> NoFields = new Dictionary<string, HoconValue>();

    private readonly string? _text;
    private readonly IReadOnlyDictionary<string, HoconValue> _fields;

    private HoconValue(
        HoconValueKind kind,
        string? text,
        IReadOnlyList<string> keys,
        IReadOnlyDictionary<string, HoconValue> fields,
        IReadOnlyList<HoconValue> items,
        HoconPosition? position)
    {
        Kind = kind;
        _text = text;
        Keys = keys;
        _fields = fields;
        Items = items;
        Position = position;
        Depth = kind is HoconValueKind.Object or HoconValueKind.Array
            ? 1 + Math.Max(fields.Values.Select(v => v.Depth).DefaultIfEmpty().Max(), items.Select(v => v.Depth).DefaultIfEmpty().Max())
            : 0;
    }

    /// <summary>The value's JSON type.</summary>
    public HoconValueKind Kind { get; }

    /// <summary>Where the value was defined, when known.</summary>
    public HoconPosition? Position { get; }

    /// <summary>Keys of an object in definition order; empty for other kinds.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>Elements of an array; empty for other kinds.</summary>
    public IReadOnlyList<HoconValue> Items { get; }

    /// <summary>Levels of objects and arrays: 0 for scalars, 1 for a container of scalars.</summary>
    internal int Depth { get; }

    /// <summary>True for objects.</summary>
    public bool IsObject => Kind == HoconValueKind.Object;

    /// <summary>True for arrays.</summary>
    public bool IsArray => Kind == HoconValueKind.Array;

    /// <summary>True for <c>null</c>.</summary>
    public bool IsNull => Kind == HoconValueKind.Null;

    /// <summary>True for strings, numbers and booleans.</summary>
    public bool IsScalar => Kind is HoconValueKind.String or HoconValueKind.Number or HoconValueKind.Boolean;

    /// <summary>The field of an object, or null when absent (or when this is not an object).</summary>
    public HoconValue? this[string key] => _fields.TryGetValue(key, out var value) ? value : null;

    /// <summary>Looks up a direct field of an object.</summary>
    public bool TryGetField(string key, out HoconValue value)
    {
        if (_fields.TryGetValue(key, out var found))
        {
            value = found;
            return true;
        }

        value = Null(null);
        return false;
    }

    /// <summary>
    /// The scalar as text: a string's content, a number's source text, "true"/"false", or "null".
    /// Throws for objects and arrays.
    /// </summary>
    public string AsString() => _text ?? throw new HoconException(
        $"A {Kind.ToString().ToUpperInvariant()} value cannot be read as a string", Position);

    /// <summary>The number (or numeric string) as a double; throws when not numeric.</summary>
    public double AsDouble() =>
        IsScalar && double.TryParse(_text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new HoconException($"Expected a number but found {Describe()}", Position, _text);

    /// <summary>The number (or numeric string) as an exact decimal of its source text; throws when not numeric.</summary>
    public decimal AsDecimal() =>
        IsScalar && decimal.TryParse(_text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new HoconException($"Expected a decimal number but found {Describe()}", Position, _text);

    /// <summary>Renders the value as HOCON text.</summary>
    public override string ToString() => HoconWriter.Write(this);

    internal string Describe() => Kind switch
    {
        HoconValueKind.Object => "an object",
        HoconValueKind.Array => "an array",
        HoconValueKind.Null => "null",
        HoconValueKind.String => $"the string \"{_text}\"",
        _ => $"{Kind.ToString().ToLowerInvariant()} {_text}",
    };

    internal static HoconValue String(string text, HoconPosition? position) =>
        new(HoconValueKind.String, text, NoKeys, NoFields, NoItems, position);

    internal static HoconValue Number(string text, HoconPosition? position) =>
        new(HoconValueKind.Number, text, NoKeys, NoFields, NoItems, position);

    internal static HoconValue Boolean(bool value, HoconPosition? position) =>
        new(HoconValueKind.Boolean, value ? "true" : "false", NoKeys, NoFields, NoItems, position);

    internal static HoconValue Null(HoconPosition? position) =>
        new(HoconValueKind.Null, "null", NoKeys, NoFields, NoItems, position);

    internal static HoconValue Array(IReadOnlyList<HoconValue> items, HoconPosition? position) =>
        new(HoconValueKind.Array, null, NoKeys, NoFields, items, position);

    internal static HoconValue Object(IReadOnlyList<KeyValuePair<string, HoconValue>> fields, HoconPosition? position)
    {
        var keys = new List<string>(fields.Count);
        var map = new Dictionary<string, HoconValue>(fields.Count, StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            if (!map.ContainsKey(key))
            {
                keys.Add(key);
            }

            map[key] = value;
        }

        return new HoconValue(HoconValueKind.Object, null, keys, map, NoItems, position);
    }

    internal static HoconValue EmptyObject { get; } = Object([], null);

    /// <summary>Merges two objects as duplicate keys do: <paramref name="top"/> wins, nested objects merge recursively.</summary>
    internal static HoconValue MergeObjects(HoconValue top, HoconValue bottom)
    {
        var fields = new List<KeyValuePair<string, HoconValue>>(bottom.Keys.Count + top.Keys.Count);
        foreach (var key in bottom.Keys)
        {
            var below = bottom._fields[key];
            fields.Add(new(key, top._fields.TryGetValue(key, out var above) ? MergeField(above, below) : below));
        }

        foreach (var key in top.Keys)
        {
            if (!bottom._fields.ContainsKey(key))
            {
                fields.Add(new(key, top._fields[key]));
            }
        }

        return Object(fields, top.Position ?? bottom.Position);
    }

    private static HoconValue MergeField(HoconValue above, HoconValue below) =>
        above.IsObject && below.IsObject ? MergeObjects(above, below) : above;
}
