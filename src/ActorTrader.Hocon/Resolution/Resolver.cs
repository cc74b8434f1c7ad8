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
    private int _nodeDepth;
    private int _nodesEvaluated;

    /// <summary>
    /// The lowest index in <see cref="_selfReferences"/> that the value being resolved has looked through (or -1 when
    /// it met a cycle). A field whose value used no self-reference pushed outside it is context-free and is cached,
    /// which keeps chains and repeated references linear instead of exponential.
    /// </summary>
    private int _lowestSelfReferenceUsed = int.MaxValue;

    private Resolver(ObjectNode root, HoconParseOptions options)
    {
        _root = root;
        _options = options;
    }

    public static HoconValue Resolve(ObjectNode root, HoconParseOptions options) => Resolve(root, options, out _);

    /// <summary>Resolves, also reporting how many non-scalar nodes were evaluated (the work done, for tests).</summary>
    public static HoconValue Resolve(ObjectNode root, HoconParseOptions options, out int nodesEvaluated)
    {
        var resolver = new Resolver(root, options);
        var value = resolver.ResolveObject(root, []);
        nodesEvaluated = resolver._nodesEvaluated;
        return value;
    }

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

        if (_resolved.TryGetValue(node, out var known))
        {
            return known;
        }

        if (!_inProgress.Add(node))
        {
            throw Cycle(node.Position);
        }

        // Values seen through a self-reference pushed outside this field depend on where the lookup started, so only
        // values that used none of those are kept.
        var outerSelfReferences = _selfReferences.Count;
        var outerLowest = _lowestSelfReferenceUsed;
        _lowestSelfReferenceUsed = int.MaxValue;
        _fieldDepth++;
        HoconValue? value;
        bool cacheable;
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
            cacheable = _lowestSelfReferenceUsed >= outerSelfReferences;
            _lowestSelfReferenceUsed = Math.Min(outerLowest, _lowestSelfReferenceUsed);
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

    /// <summary>Every recursion of the resolver passes through here, so this is where nesting is bounded.</summary>
    private HoconValue? ResolveNode(Node node, IReadOnlyList<string>? path)
    {
        if (node is ScalarNode scalar)
        {
            return scalar.ToValue();
        }

        _nodesEvaluated++;
        if (++_nodeDepth > HoconLimits.MaxResolutionDepth)
        {
            throw new HoconException(
                $"Resolving this value follows more than {HoconLimits.MaxResolutionDepth} nested values and substitutions; shorten the chain of substitutions or flatten the structure",
                node.Position, (node as SubstitutionNode)?.Text);
        }

        try
        {
            var value = node switch
            {
                ObjectNode obj => ResolveObject(obj, path),
                ArrayNode array => HoconValue.Array(array.Items.Select(item => ResolveNode(item, null)).OfType<HoconValue>().ToList(), array.Position),
                SubstitutionNode substitution => ResolveSubstitution(substitution),
                ConcatenationNode concatenation => ResolveConcatenation(concatenation, path),
                MergeNode merge => ResolveLayers(merge, merge.Layers.Count, path),
                _ => throw new InvalidOperationException($"Unknown node {node.GetType().Name}"),
            };
            return value is { Depth: > HoconLimits.MaxDepth }
                ? throw new HoconException(
                    $"Substitutions build objects and arrays nested deeper than {HoconLimits.MaxDepth} levels here; flatten the structure",
                    node.Position, (node as SubstitutionNode)?.Text)
                : value;
        }
        finally
        {
            _nodeDepth--;
        }
    }

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
            // Spec: a cycle through an optional substitution is treated as undefined. Whether there was a cycle depends
            // on what is being resolved around it, so nothing enclosing this may be cached.
            _lowestSelfReferenceUsed = -1;
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

            _lowestSelfReferenceUsed = Math.Min(_lowestSelfReferenceUsed, i);
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
