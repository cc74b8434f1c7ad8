using ActorTrader.Hocon.Rendering;
using ActorTrader.Hocon.Resolution;
using ActorTrader.Hocon.Syntax;

namespace ActorTrader.Hocon;

/// <summary>
/// A parsed HOCON configuration with Akka.NET's <c>Config</c> API: typed getters by path, fallbacks, sub-configs.
/// Immutable. Getters with a default return it when the path is missing or null; the others throw
/// <see cref="HoconException"/> naming the path (and the value's position for wrong types).
/// </summary>
public sealed partial class Config
{
    private readonly HoconValue? _root;
    private readonly ObjectNode? _unresolved;
    private readonly HoconParseOptions _options;

    internal Config(HoconValue root)
    {
        _root = root.IsObject ? root : throw new ArgumentException("A config root must be an object", nameof(root));
        _options = HoconParseOptions.Default;
    }

    internal Config(ObjectNode unresolved, HoconParseOptions options)
    {
        _unresolved = unresolved;
        _options = options;
    }

    internal static Config Empty { get; } = new(HoconValue.EmptyObject);

    /// <summary>True when the root object has no keys.</summary>
    public bool IsEmpty => _root is not null ? _root.Keys.Count == 0 : _unresolved!.Keys.Count == 0;

    /// <summary>False when parsed with <see cref="HoconParseOptions.ResolveSubstitutions"/> off and not yet <see cref="Resolve"/>d.</summary>
    public bool IsResolved => _root is not null;

    /// <summary>Direct child keys of the root object, in definition order.</summary>
    public IReadOnlyList<string> Keys => _root is not null ? _root.Keys : _unresolved!.Keys;

    /// <summary>The resolved root object.</summary>
    public HoconValue Root => _root ?? throw new HoconException(
        "This configuration has unresolved substitutions; call Config.Resolve() (after any WithFallback) before reading values");

    /// <summary>
    /// Resolves substitutions of a config parsed with <see cref="HoconParseOptions.ResolveSubstitutions"/> off,
    /// typically after combining it with its fallbacks. Returns this config when it is already resolved.
    /// </summary>
    public Config Resolve(HoconParseOptions? options = null) =>
        _root is not null ? this : new Config(Resolver.Resolve(_unresolved!, options ?? _options));

    /// <summary>True when the path exists and is not null.</summary>
    public bool HasPath(string path) => Find(path) is { IsNull: false };

    /// <summary>The value at the path (a null value is returned as a <see cref="HoconValueKind.Null"/> value), or null when missing.</summary>
    public HoconValue? GetValue(string path) => Find(path);

    /// <summary>Where the value at the path was defined, or null when missing.</summary>
    public HoconPosition? GetPosition(string path) => Find(path)?.Position;

    /// <summary>The object at the path as a config; <see cref="ConfigurationFactory.Empty"/> when missing or null.</summary>
    public Config GetConfig(string path)
    {
        var value = Find(path);
        if (value is null || value.IsNull)
        {
            return Empty;
        }

        return value.IsObject ? new Config(value) : throw WrongType(path, value, "an object");
    }

    /// <summary>
    /// Combines two configs: this one wins, objects merge recursively, and a non-object in this config hides the
    /// fallback's value. When either side is unresolved the result is unresolved: call <see cref="Resolve"/> after.
    /// </summary>
    public Config WithFallback(Config fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        if (_root is not null && fallback._root is not null)
        {
            return new Config(HoconValue.MergeObjects(_root, fallback._root));
        }

        var merged = new ObjectNode(new HoconPosition("merged", 1, 1));
        foreach (var side in new[] { fallback, this })
        {
            var node = side.AsNode();
            foreach (var key in node.Keys)
            {
                merged.Assign(key, NodeCopy.Of(node[key]));
            }
        }

        return new Config(merged, _unresolved is not null ? _options : fallback._options);
    }

    /// <summary>Every leaf path ("a.b.c"); arrays and nulls are leaves, empty objects have none. Keys holding dots come back quoted.</summary>
    public IEnumerable<string> LeafPaths()
    {
        var keys = new List<string>();
        return Leaves(Root, keys);

        static IEnumerable<string> Leaves(HoconValue obj, List<string> prefix)
        {
            foreach (var key in obj.Keys)
            {
                var child = obj[key]!;
                prefix.Add(key);
                if (child.IsObject)
                {
                    foreach (var path in Leaves(child, prefix))
                    {
                        yield return path;
                    }
                }
                else
                {
                    yield return HoconPath.Format(prefix);
                }

                prefix.RemoveAt(prefix.Count - 1);
            }
        }
    }

    /// <summary>The resolved config as plain JSON: numbers as numbers, booleans, null, strings.</summary>
    public string ToJson(bool indented = true) => JsonRenderer.Write(Root, indented);

    /// <summary>A HOCON rendering of the resolved config.</summary>
    public override string ToString() => _root is not null ? HoconWriter.Write(_root) : "<unresolved config; call Resolve()>";

    private ObjectNode AsNode() => _unresolved ?? (ObjectNode)NodeCopy.FromValue(_root!);

    private HoconValue? Find(string path)
    {
        var current = Root;
        foreach (var key in HoconPath.Parse(path))
        {
            if (!current.IsObject || !current.TryGetField(key, out var child))
            {
                return null;
            }

            current = child;
        }

        return current;
    }
}
