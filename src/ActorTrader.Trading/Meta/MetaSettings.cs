using ActorTrader.Hocon;
using ActorTrader.Quant.Portfolio;

namespace ActorTrader.Trading.Meta;

/// <summary>
/// Everything read from <c>actortrader.meta.*</c>: the file every sleeve run directory must hold and the profiles by
/// name. Read with <see cref="Read"/> (settings and problems) or <see cref="FromConfig"/> (throws on any problem).
/// </summary>
/// <param name="SleeveWeightsFile">File name the completeness gate looks for in each sleeve's run directory.</param>
/// <param name="Profiles">Profiles by name (ordinal).</param>
public sealed record MetaSettings(string SleeveWeightsFile, IReadOnlyDictionary<string, MetaProfile> Profiles)
{
    /// <summary>The HOCON section this reads.</summary>
    public const string Section = "actortrader.meta";

    /// <summary>Default of <c>sleeve-weights-file</c>.</summary>
    public const string DefaultSleeveWeightsFile = "weights.json";

    /// <summary>Reads the settings; throws <see cref="MetaSettingsException"/> listing every problem found.</summary>
    public static MetaSettings FromConfig(Config config, OptimizerCatalog? catalog = null)
    {
        var (settings, problems) = Read(config, catalog);
        if (problems.Count > 0) throw new MetaSettingsException(problems);
        return settings;
    }

    /// <summary>
    /// Reads the settings, returning them and the problems found. A profile with problems is left out of
    /// <see cref="Profiles"/>, so a caller that goes on anyway can never run a half-valid profile.
    /// </summary>
    public static (MetaSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(Config config, OptimizerCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new MetaSettingsReader(config, catalog ?? OptimizerCatalog.Default).Read();
    }

    /// <summary>The profile called <paramref name="name"/>; false with a message naming the nearest known profile otherwise.</summary>
    public bool TryGetProfile(string name, out MetaProfile profile, out string error)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Profiles.TryGetValue(name, out profile!))
        {
            error = "";
            return true;
        }
        var known = Profiles.Keys.Order(StringComparer.Ordinal).ToList();
        var hint = ClosestKey.Find(name, known) is { } closest ? $" Did you mean \"{closest}\"?" : "";
        error = known.Count == 0
            ? $"Unknown meta profile \"{name}\": no profiles are configured. Fix: add one under {Section}.profiles (see hocon/reference.conf)."
            : $"Unknown meta profile \"{name}\".{hint} Known profiles: {string.Join(", ", known)}.";
        return false;
    }
}
