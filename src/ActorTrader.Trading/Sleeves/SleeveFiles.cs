using ActorTrader.Actors;
using ActorTrader.Hocon;
using ActorTrader.Quant.Portfolio;
using ActorTrader.Strategies.Catalog;
using ActorTrader.Trading.Sleeves.Definition;

namespace ActorTrader.Trading.Sleeves;

/// <summary>
/// The sleeve files of a node: <c>&lt;dir&gt;/&lt;name&gt;.conf</c>, read over the node configuration's
/// <c>actortrader.sleeves.defaults</c> and <c>actortrader.strategies</c>. Gives the meta-portfolio its sleeve factory.
/// </summary>
public sealed class SleeveFiles
{
    private readonly Config _node;
    private readonly StrategyCatalog _strategies;
    private readonly OptimizerCatalog _optimizers;

    public SleeveFiles(string directory, Config node, StrategyCatalog? strategies = null, OptimizerCatalog? optimizers = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(node);
        Directory = Path.GetFullPath(directory);
        _node = node;
        _strategies = strategies ?? StrategyCatalog.Default;
        _optimizers = optimizers ?? OptimizerCatalog.Default;
    }

    public string Directory { get; }

    /// <summary>Names of the sleeve files present, in ordinal order.</summary>
    public IReadOnlyList<string> Names =>
        System.IO.Directory.Exists(Directory)
            ? [.. System.IO.Directory.EnumerateFiles(Directory, "*.conf").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)]
            : [];

    public string PathOf(string name) => Path.Combine(Directory, name + ".conf");

    /// <summary>Reads sleeve <paramref name="name"/>; a name without a file is a problem suggesting the closest one.</summary>
    public SleeveReadResult Read(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var path = PathOf(name);
        if (!File.Exists(path))
        {
            var names = Names;
            var hint = ClosestKey.Find(name, names);
            return new SleeveReadResult(path, null, [new ConfigProblem(null, null,
                $"There is no sleeve \"{name}\" ({path} does not exist){(hint is null ? "" : $"; did you mean {hint}?")}",
                names.Count == 0 ? $"Create {path} (see hocon/sleeves/README.md)." : $"Use one of {string.Join(", ", names)}, or create {path}.")]);
        }
        return SleeveDefinitionReader.ReadFile(path, _node, _strategies, _optimizers);
    }

    /// <summary>
    /// The factory the meta-portfolio creates sleeves with: Props of <see cref="SleeveActor"/> for a sleeve name. A sleeve
    /// whose file is missing or has problems throws <see cref="SleeveDefinitionException"/> listing them.
    /// </summary>
    public Func<string, Props> PropsFactory(SleeveServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return name => SleeveActor.Props(Read(name).Require(), services);
    }
}
