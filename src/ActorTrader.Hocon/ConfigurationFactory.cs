using System.Reflection;
using ActorTrader.Hocon.Parsing;
using ActorTrader.Hocon.Resolution;
using ActorTrader.Hocon.Syntax;

namespace ActorTrader.Hocon;

/// <summary>Entry points, as in Akka.NET: parse HOCON text, files and embedded resources into a <see cref="Config"/>.</summary>
public static class ConfigurationFactory
{
    /// <summary>A config with no keys.</summary>
    public static Config Empty => Config.Empty;

    /// <summary>Parses HOCON text; relative includes resolve against <see cref="HoconParseOptions.BaseDirectory"/>.</summary>
    public static Config ParseString(string hocon, HoconParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(hocon);
        options ??= HoconParseOptions.Default;
        var origin = new DocumentOrigin(options.SourceName ?? "hocon", options.BaseDirectory ?? Directory.GetCurrentDirectory(), null);
        return Finish(new DocumentLoader(options).ParseRoot(hocon, origin, DocumentSyntax.Hocon), options);
    }

    /// <summary>Parses a file (.conf, .json or .properties by extension); relative includes resolve against the file's directory.</summary>
    public static Config ParseFile(string path, HoconParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= HoconParseOptions.Default;
        return Finish(new DocumentLoader(options).ParseRootFile(Path.GetFullPath(path)), options);
    }

    /// <summary>
    /// Parses an embedded resource. Includes in it are looked up first as resources of the same assembly
    /// (path separators as dots, next to the including resource), then as files under <see cref="HoconParseOptions.BaseDirectory"/>.
    /// </summary>
    public static Config FromResource(Assembly assembly, string resourceName, HoconParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(resourceName);
        options ??= HoconParseOptions.Default;
        return Finish(new DocumentLoader(options).ParseRootResource(assembly, resourceName), options);
    }

    private static Config Finish(ObjectNode root, HoconParseOptions options) =>
        options.ResolveSubstitutions ? new Config(Resolver.Resolve(root, options)) : new Config(root, options);
}
