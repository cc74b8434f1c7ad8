using System.Reflection;
using ActorTrader.Hocon.Syntax;

namespace ActorTrader.Hocon.Parsing;

/// <summary>
/// Loads documents and their includes: resolves include names relative to the including document, picks the
/// syntax by extension, merges <c>name.conf</c>/<c>.json</c>/<c>.properties</c> for an include without extension,
/// and detects include cycles (of files and of embedded resources). One loader serves one top-level parse.
/// </summary>
internal sealed class DocumentLoader(HoconParseOptions options)
{
    private static readonly string[] Extensions = [".conf", ".json", ".properties"];

    /// <summary>Documents being parsed, outermost first: a file's full path or a resource's identity, and a short name for messages.</summary>
    private readonly List<(string Identity, string DisplayName)> _stack = [];

    public HoconParseOptions Options { get; } = options;

    public ObjectNode ParseRoot(string text, DocumentOrigin origin, DocumentSyntax syntax) => ParseText(text, origin, syntax, [], 0);

    public ObjectNode ParseRootFile(string fullPath)
    {
        if (!File.Exists(fullPath))
        {
            throw new HoconException($"Config file '{fullPath}' does not exist; check the path", null, fullPath);
        }

        return ParseFileGuarded(fullPath, [], null, 0);
    }

    public ObjectNode ParseRootResource(Assembly assembly, string resourceName)
    {
        var text = ReadResource(assembly, resourceName)
                   ?? throw new HoconException(
                       $"Embedded resource '{resourceName}' not found in {assembly.GetName().Name}; available: {string.Join(", ", assembly.GetManifestResourceNames())}",
                       null, resourceName);
        var origin = new DocumentOrigin(resourceName, Options.BaseDirectory, assembly, resourceName);
        return Guarded(ResourceIdentity(assembly, resourceName), resourceName, null, () => ParseText(text, origin, SyntaxOf(resourceName), [], 0));
    }

    /// <summary>
    /// Loads what an include statement names; an empty object when a non-required include finds nothing.
    /// <paramref name="depth"/> is the nesting of the object the include statement is in.
    /// </summary>
    public ObjectNode Include(IncludeRequest request, DocumentOrigin from, IReadOnlyList<string> prefix, int depth)
    {
        if (request.Kind == IncludeKind.Url)
        {
            throw new HoconException($"include url(\"{request.Name}\") is not supported; download the file and include it with file(...)", request.Position, request.Text);
        }

        var merged = new ObjectNode(request.Position);
        var found = false;
        if (from.Assembly is not null && request.Kind != IncludeKind.File)
        {
            foreach (var resource in ResourceCandidates(from, request.Name))
            {
                var text = ReadResource(from.Assembly, resource);
                if (text is not null)
                {
                    found = true;
                    var origin = new DocumentOrigin(resource, from.Directory, from.Assembly, resource);
                    MergeInto(merged, Guarded(ResourceIdentity(from.Assembly, resource), resource, request,
                        () => ParseText(text, origin, SyntaxOf(resource), prefix, depth)));
                }
            }
        }

        if (!found)
        {
            var baseDirectory = from.Directory ?? Options.BaseDirectory ?? Directory.GetCurrentDirectory();
            foreach (var file in FileCandidates(Path.GetFullPath(Path.Combine(baseDirectory, request.Name))))
            {
                found = true;
                MergeInto(merged, ParseFileGuarded(file, prefix, request, depth));
            }
        }

        if (!found && request.Required)
        {
            throw new HoconException(
                $"Missing required include '{request.Name}': no such file (looked for it and its .conf/.json/.properties variants next to {from.Name}); create it or drop required(...)",
                request.Position, request.Text);
        }

        return merged;
    }

    private ObjectNode ParseFileGuarded(string fullPath, IReadOnlyList<string> prefix, IncludeRequest? request, int depth)
    {
        var origin = new DocumentOrigin(fullPath, Path.GetDirectoryName(fullPath), null);
        return Guarded(fullPath, Path.GetFileName(fullPath), request, () => ParseText(File.ReadAllText(fullPath), origin, SyntaxOf(fullPath), prefix, depth));
    }

    /// <summary>Parses one document unless it is already being parsed further up the include chain.</summary>
    private ObjectNode Guarded(string identity, string displayName, IncludeRequest? request, Func<ObjectNode> parse)
    {
        var open = _stack.FindIndex(entry => string.Equals(entry.Identity, identity, StringComparison.Ordinal));
        if (open >= 0)
        {
            var chain = string.Join(" -> ", _stack.Skip(open).Select(entry => entry.DisplayName).Append(displayName));
            throw new HoconException($"Include cycle: {chain}; remove one of these includes", request?.Position, request?.Text ?? identity);
        }

        _stack.Add((identity, displayName));
        try
        {
            return parse();
        }
        finally
        {
            _stack.RemoveAt(_stack.Count - 1);
        }
    }

    private static string ResourceIdentity(Assembly assembly, string resourceName) => $"resource:{assembly.FullName}:{resourceName}";

    private ObjectNode ParseText(string text, DocumentOrigin origin, DocumentSyntax syntax, IReadOnlyList<string> prefix, int depth) =>
        syntax == DocumentSyntax.Properties
            ? PropertiesParser.Parse(text, origin.Name, depth)
            : HoconParser.Parse(text, origin, this, prefix, depth);

    /// <summary>For a name without a known extension: .properties, then .json, then .conf, so .conf wins (lightbend order).</summary>
    private static List<string> FileCandidates(string fullPath)
    {
        if (Extensions.Contains(Path.GetExtension(fullPath), StringComparer.OrdinalIgnoreCase))
        {
            return File.Exists(fullPath) ? [fullPath] : [];
        }

        var variants = Extensions.Reverse().Select(ext => fullPath + ext).Where(File.Exists).ToList();
        return variants.Count > 0 ? variants : File.Exists(fullPath) ? [fullPath] : [];
    }

    private static IEnumerable<string> ResourceCandidates(DocumentOrigin from, string name)
    {
        var dotted = name.TrimStart('/').Replace('/', '.');
        var names = from.Assembly!.GetManifestResourceNames();
        var folder = FolderOf(from.ResourceName ?? "");
        var wanted = Extensions.Contains(Path.GetExtension(dotted), StringComparer.OrdinalIgnoreCase)
            ? new[] { dotted }
            : Extensions.Reverse().Select(ext => dotted + ext).ToArray();
        foreach (var candidate in wanted)
        {
            var local = folder.Length > 0 ? $"{folder}.{candidate}" : candidate;
            var match = names.FirstOrDefault(n => n == local) ?? names.FirstOrDefault(n => n == candidate);
            if (match is not null)
            {
                yield return match;
            }
        }
    }

    /// <summary>"Ns.hocon.reference.conf" lives in "Ns.hocon": drop the extension and the file name.</summary>
    private static string FolderOf(string resourceName)
    {
        var extension = resourceName.LastIndexOf('.');
        var withoutExtension = extension > 0 ? resourceName[..extension] : resourceName;
        var name = withoutExtension.LastIndexOf('.');
        return name > 0 ? withoutExtension[..name] : "";
    }

    private static string? ReadResource(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static DocumentSyntax SyntaxOf(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".json" => DocumentSyntax.Json,
        ".properties" => DocumentSyntax.Properties,
        _ => DocumentSyntax.Hocon,
    };

    private static void MergeInto(ObjectNode target, ObjectNode source)
    {
        foreach (var key in source.Keys)
        {
            target.Assign(key, source[key]);
        }
    }
}
