using ActorTrader.Hocon.Syntax;

namespace ActorTrader.Hocon.Resolution;

/// <summary>
/// Resolves substitutions and concatenations of a parsed root, looking forward to final values, looking backward
/// for self-references, and reporting unresolvable references and cycles with their positions.
/// </summary>
internal sealed class Resolver
{
    private readonly ObjectNode _root;
    private readonly HoconParseOptions _options;
    private readonly Dictionary<Node, HoconValue?> _resolved = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Node> _inProgress = new(ReferenceEqualityComparer.Instance);
    private readonly List<SelfReference> _selfReferences = [];
    private readonly List<SubstitutionNode> _chain = [];
    private int _fieldDepth;

    private Resolver(ObjectNode root, HoconParseOptions options)
    {
        _root = root;
        _options = options;
    }

    public static HoconValue Resolve(ObjectNode root, HoconParseOptions options) =>
        new Resolver(root, options).ResolveObject(root, []);

    private HoconValue ResolveObject(ObjectNode obj, IReadOnlyList<string>? path)
    {
        var fields = new List<KeyValuePair<string, HoconValue>>(obj.Keys.Count);
        foreach (var key in obj.Keys)
        {
            if (ResolveField(obj[key], path is null ? null : [.. path, key]) is { } value)
            {
                fields.Add(new(key, value));
            }
        }

        return HoconValue.Object(fields, obj.Position);
    }

    /// <summary>The value of a field; null when it is undefined (an optional substitution that found nothing).</summary>
    private HoconValue? ResolveField(Node node, IReadOnlyList<string>? path)
    {
        if (node is ScalarNode scalar)
        {
            return scalar.ToValue();
        }

        // Values seen through a self-reference depend on where the lookup started, so only context-free ones are kept.
        var cacheable = _selfReferences.Count == 0;
        if (cacheable && _resolved.TryGetValue(node, out var known))
        {
            return known;
        }

        if (!_inProgress.Add(node))
        {
            throw Cycle(node.Position);
        }

        _fieldDepth++;
        HoconValue? value;
        try
        {
            value = node switch
            {
                MergeNode merge => ResolveLayers(merge, merge.Layers.Count, path),
                SubstitutionNode or ConcatenationNode when path is not null =>
                    WithSelfReference(path, new BelowValue(() => null, () => Cycle(node.Position)), () => ResolveNode(node, path)),
                _ => ResolveNode(node, path),
            };
        }
        finally
        {
            _fieldDepth--;
            _inProgress.Remove(node);
        }

        if (cacheable)
        {
            _resolved[node] = value;
        }

        return value;
    }

    /// <summary>Resolves the top definition first; earlier ones matter only when it is an object (merge) or a self-reference.</summary>
    private HoconValue? ResolveLayers(MergeNode merge, int count, IReadOnlyList<string>? path)
    {
        var top = merge.Layers[count - 1];
        var below = new BelowValue(
            () => count > 1 ? ResolveLayers(merge, count - 1, path) : null,
            () => Cycle(merge.Layers[count - 1].Position));
        var value = top is SubstitutionNode or ConcatenationNode && path is not null
            ? WithSelfReference(path, below, () => ResolveNode(top, path))
            : ResolveNode(top, path);
        if (value is null)
        {
            return below.Value;
        }

        return value.IsObject && below.Value is { IsObject: true } earlier ? HoconValue.MergeObjects(value, earlier) : value;
    }

    private HoconValue? WithSelfReference(IReadOnlyList<string> path, BelowValue below, Func<HoconValue?> resolve)
    {
        _selfReferences.Add(new SelfReference(path, below, _fieldDepth));
        try
        {
            return resolve();
        }
        finally
        {
            _selfReferences.RemoveAt(_selfReferences.Count - 1);
        }
    }

    private HoconValue? ResolveNode(Node node, IReadOnlyList<string>? path) => node switch
    {
        ScalarNode scalar => scalar.ToValue(),
        ObjectNode obj => ResolveObject(obj, path),
        ArrayNode array => HoconValue.Array(array.Items.Select(item => ResolveNode(item, null)).OfType<HoconValue>().ToList(), array.Position),
        SubstitutionNode substitution => ResolveSubstitution(substitution),
        ConcatenationNode concatenation => ResolveConcatenation(concatenation, path),
        MergeNode merge => ResolveLayers(merge, merge.Layers.Count, path),
        _ => throw new InvalidOperationException($"Unknown node {node.GetType().Name}"),
    };

    private HoconValue? ResolveSubstitution(SubstitutionNode substitution)
    {
        if (_chain.Contains(substitution))
        {
            throw Cycle(substitution.Position);
        }

        _chain.Add(substitution);
        try
        {
            if (substitution.IncludePrefix.Count > 0 && Lookup([.. substitution.IncludePrefix, .. substitution.Path]) is { } fixedUp)
            {
                return fixedUp;
            }

            if (Lookup(substitution.Path) is { } found)
            {
                return found;
            }

            var name = string.Join('.', substitution.Path);
            if (_options.UseEnvironment && EnvironmentValue(name) is { } variable)
            {
                return HoconValue.String(variable, substitution.Position);
            }

            if (substitution.Optional)
            {
                return null;
            }

            var environmentNote = _options.UseEnvironment ? $" and no environment variable '{name}'" : "";
            throw new HoconException(
                $"Unresolved substitution {substitution.Text}: no value at '{HoconPath.Format(substitution.Path)}'{environmentNote}; define it, or write ${{?{HoconPath.Format(substitution.Path)}}} to make it optional",
                substitution.Position,
                substitution.Text);
        }
        catch (SubstitutionCycleException) when (substitution.Optional)
        {
            // Spec: a cycle through an optional substitution is treated as undefined.
            return null;
        }
        finally
        {
            _chain.RemoveAt(_chain.Count - 1);
        }
    }

    private string? EnvironmentValue(string name) =>
        _options.Environment is { } given
            ? given.TryGetValue(name, out var value) ? value : null
            : System.Environment.GetEnvironmentVariable(name);

    private HoconValue? Lookup(IReadOnlyList<string> path)
    {
        for (var i = _selfReferences.Count - 1; i >= 0; i--)
        {
            var self = _selfReferences[i];
            if (!self.Covers(path))
            {
                continue;
            }

            var earlier = self.Below.Value;
            if (earlier is null && self.Depth != _fieldDepth)
            {
                // Reached back through other fields with nothing earlier to fall back on: a true cycle.
                throw Cycle(_chain.Count > 0 ? _chain[^1].Position : null);
            }

            return Navigate(earlier, path, self.Path.Count);
        }

        Node current = _root;
        for (var i = 0; i < path.Count; i++)
        {
            if (current is not ObjectNode obj || !obj.TryGet(path[i], out var child))
            {
                return null;
            }

            if (i < path.Count - 1 && child is ObjectNode)
            {
                current = child;
                continue;
            }

            return Navigate(ResolveField(child, path.Take(i + 1).ToList()), path, i + 1);
        }

        return null;
    }

    private static HoconValue? Navigate(HoconValue? value, IReadOnlyList<string> path, int from)
    {
        for (var i = from; i < path.Count && value is not null; i++)
        {
            value = value.IsObject ? value[path[i]] : null;
        }

        return value;
    }

    private HoconValue? ResolveConcatenation(ConcatenationNode concatenation, IReadOnlyList<string>? path)
    {
        var parts = new List<(HoconValue Value, bool IsWhitespace)>();
        foreach (var part in concatenation.Parts)
        {
            if (part is ScalarNode { IsWhitespace: true } whitespace)
            {
                parts.Add((whitespace.ToValue(), true));
            }
            else if (ResolveNode(part, path) is { } value)
            {
                parts.Add((value, false));
            }
        }

        var values = parts.Where(p => !p.IsWhitespace).Select(p => p.Value).ToList();
        if (values.Count == 0)
        {
            return null;
        }

        if (values.All(v => v.IsObject))
        {
            return values.Skip(1).Aggregate(values[0], (merged, next) => HoconValue.MergeObjects(next, merged));
        }

        if (values.All(v => v.IsArray))
        {
            return HoconValue.Array(values.SelectMany(v => v.Items).ToList(), values[0].Position ?? concatenation.Position);
        }

        if (values.Count == 1 && parts.Count == 1)
        {
            return values[0];
        }

        if (values.FirstOrDefault(v => v.IsObject || v.IsArray) is { } misfit)
        {
            var other = values.First(v => v.Kind != misfit.Kind);
            throw new HoconException(
                $"Cannot concatenate {misfit.Describe()} with {other.Describe()}: objects join only objects and arrays only arrays; put them in separate fields or quote the text",
                misfit.Position ?? concatenation.Position,
                misfit.Kind.ToString().ToLowerInvariant());
        }

        return HoconValue.String(string.Concat(parts.Select(p => p.Value.AsString())), concatenation.Position);
    }

    private SubstitutionCycleException Cycle(HoconPosition? at)
    {
        var chain = _chain.Count == 0 ? "" : ": " + string.Join(" -> ", _chain.Select(s => $"{s.Text} ({s.Position})"));
        var token = _chain.Count > 0 ? _chain[^1].Text : null;
        return new SubstitutionCycleException(
            $"Substitution cycle{chain} refers back to itself; break the loop by giving one of these a literal value",
            _chain.Count > 0 ? _chain[^1].Position : at,
            token);
    }
}
