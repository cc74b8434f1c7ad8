using ActorTrader.Hocon;

namespace ActorTrader.Hosting.Configuration;

/// <summary>The embedded hocon/reference.conf: every key the system reads, with its default.</summary>
public static class ReferenceConfig
{
    /// <summary>Name of the embedded resource and the source name in positions.</summary>
    public const string ResourceName = "reference.conf";

    /// <summary>Keys whose default comes from an optional environment substitution, so may be absent.</summary>
    public static IReadOnlyList<string> OptionalKeys { get; } =
    [
        "actortrader.broker.alpaca.key-id",
        "actortrader.broker.alpaca.secret-key",
        "actortrader.persistence.postgresql.connection-string",
    ];

    /// <summary>Parses the embedded reference.conf with the given environment for its <c>${?VAR}</c> substitutions.</summary>
    public static Config Load(IReadOnlyDictionary<string, string?> environment) =>
        ConfigurationFactory.FromResource(typeof(ReferenceConfig).Assembly, ResourceName, new HoconParseOptions
        {
            Environment = ToEnvironment(environment),
            SourceName = ResourceName,
        });

    /// <summary>The text of the embedded reference.conf.</summary>
    public static string ReadText()
    {
        using var stream = typeof(ReferenceConfig).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(ReferenceConfig).Assembly.GetName().Name}; rebuild ActorTrader.Hosting.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Every key a configuration may set: the reference's leaf paths plus the optional ones.</summary>
    public static IReadOnlySet<string> KnownKeys(Config reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var keys = new HashSet<string>(reference.LeafPaths(), StringComparer.Ordinal);
        keys.UnionWith(OptionalKeys);
        return keys;
    }

    internal static Dictionary<string, string> ToEnvironment(IReadOnlyDictionary<string, string?> environment)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in environment)
        {
            if (value is not null) result[name] = value;
        }
        return result;
    }
}
