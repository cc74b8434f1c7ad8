using System.Globalization;
using ActorTrader.Hocon;
using ActorTrader.Quant.Portfolio;

namespace ActorTrader.Trading.Meta;

/// <summary>
/// Reads <c>actortrader.meta</c>, recording a positioned <see cref="ConfigProblem"/> for each missing, mistyped,
/// unknown or out-of-range value and going on, so one pass reports everything wrong.
/// </summary>
internal sealed class MetaSettingsReader(Config config, OptimizerCatalog catalog)
{
    private const string ProfilesKey = MetaSettings.Section + ".profiles";

    private static readonly string[] ProfileKeys = ["sleeves", "optimizer", "allow-single-sleeve", "sleeve-timeout", "min-overlap"];

    private readonly ConfigProblemLog _log = new(config);

    public (MetaSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read()
    {
        var weightsFile = ReadWeightsFile();
        var profiles = new Dictionary<string, MetaProfile>(StringComparer.Ordinal);
        var names = ProfileNames();
        if (names.Count == 0)
        {
            Report(ProfilesKey, $"{ProfilesKey} defines no profile.", $"Add one, e.g. {ProfilesKey}.default {{ sleeves = [core_equity, trend_short] }}.");
        }
        foreach (var name in names)
        {
            if (ReadProfile(name) is { } profile) profiles.Add(name, profile);
        }
        return (new MetaSettings(weightsFile, profiles), _log.Problems);
    }

    private string ReadWeightsFile()
    {
        const string key = MetaSettings.Section + ".sleeve-weights-file";
        if (!config.HasPath(key)) return MetaSettings.DefaultSleeveWeightsFile;
        var value = Read(key, config.GetString, MetaSettings.DefaultSleeveWeightsFile, "a file name");
        if (value.Trim().Length > 0 && value.IndexOfAny(['/', '\\']) < 0 && value is not ("." or "..")) return value;
        Report(key, $"{key} = \"{value}\" is not a plain file name.", $"Set {key} to the name of the weights file a sleeve writes into its run directory, e.g. \"{MetaSettings.DefaultSleeveWeightsFile}\".");
        return MetaSettings.DefaultSleeveWeightsFile;
    }

    private List<string> ProfileNames()
    {
        if (!config.HasPath(ProfilesKey)) return [];
        var value = config.GetValue(ProfilesKey)!;
        if (!value.IsObject)
        {
            Report(ProfilesKey, $"{ProfilesKey} must be an object of profiles.", $"Write {ProfilesKey} {{ default {{ sleeves = [...] }} }}.");
            return [];
        }
        return [.. value.Keys];
    }

    private MetaProfile? ReadProfile(string name)
    {
        var path = $"{ProfilesKey}.{name}";
        if (!IsPlainName(name))
        {
            Report(ProfilesKey, $"Meta profile name \"{name}\" may only use letters, digits, '-' and '_'.", "Rename the profile (it is typed on the command line: actortrader meta run NAME).");
            return null;
        }
        var value = config.GetValue(path)!;
        if (!value.IsObject)
        {
            Report(path, $"{path} must be an object.", $"Write {path} {{ sleeves = [core_equity, trend_short], optimizer = {MetaProfile.DefaultOptimizer} }}.");
            return null;
        }

        var before = _log.Problems.Count;
        foreach (var key in value.Keys.Where(k => !ProfileKeys.Contains(k, StringComparer.Ordinal)))
        {
            var closest = ClosestKey.Find(key, ProfileKeys);
            Report($"{path}.{key}", $"{path}.{key} is not a meta profile key.",
                $"Did you mean \"{closest}\"? A profile takes {string.Join(", ", ProfileKeys)}.");
        }
        var sleeves = ReadSleeves(path);
        var optimizer = ReadOptimizer(path);
        var allowSingle = Optional($"{path}.allow-single-sleeve", config.GetBoolean, false, "on or off");
        var timeout = Optional($"{path}.sleeve-timeout", config.GetTimeSpan, MetaProfile.DefaultSleeveTimeout, "a duration such as 10m");
        if (timeout <= TimeSpan.Zero)
        {
            Report($"{path}.sleeve-timeout", $"{path}.sleeve-timeout must be a positive duration.", "Set it to how long a sleeve run may take, e.g. 10m.");
        }
        var minOverlap = Optional($"{path}.min-overlap", config.GetInt, MetaProfile.DefaultMinOverlap, "a whole number");
        if (minOverlap < 2)
        {
            Report($"{path}.min-overlap", $"{path}.min-overlap = {minOverlap.ToString(CultureInfo.InvariantCulture)} is below 2; a covariance needs at least 2 common dates.",
                $"Set {path}.min-overlap to at least 2 (default {MetaProfile.DefaultMinOverlap}).");
        }
        if (sleeves.Count == 1 && !allowSingle)
        {
            Report($"{path}.sleeves", $"Meta profile \"{name}\" lists one sleeve ({sleeves[0]}); a meta-portfolio needs at least {MetaProfile.MinimumSleeves}.",
                $"Add a sleeve to {path}.sleeves, or set {path}.allow-single-sleeve = on to run a one-sleeve profile.");
        }
        return _log.Problems.Count == before ? new MetaProfile(name, sleeves, optimizer, allowSingle, timeout, minOverlap) : null;
    }

    private List<string> ReadSleeves(string path)
    {
        var key = path + ".sleeves";
        if (!config.HasPath(key))
        {
            Report(key, $"{key} is missing.", $"List the sleeves to combine, e.g. {key} = [core_equity, trend_short].");
            return [];
        }
        var before = _log.Problems.Count;
        var sleeves = Read<IReadOnlyList<string>>(key, config.GetStringList, [], "a list of sleeve names");
        if (sleeves.Count == 0 && _log.Problems.Count == before)
        {
            Report(key, $"{key} is empty: the meta-portfolio has nothing to allocate across.", $"List at least {MetaProfile.MinimumSleeves} sleeves, e.g. {key} = [core_equity, trend_short].");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sleeve in sleeves)
        {
            if (!IsPlainName(sleeve))
            {
                Report(key, $"{key} names sleeve \"{sleeve}\", which is not a plain name.", "Sleeve names use only letters, digits, '-' and '_' (they name actors and directories).");
            }
            else if (!seen.Add(sleeve))
            {
                Report(key, $"{key} names sleeve \"{sleeve}\" twice.", "Remove the duplicate; each sleeve runs once per meta run.");
            }
        }
        return [.. sleeves];
    }

    private string ReadOptimizer(string path)
    {
        var key = path + ".optimizer";
        var name = Optional(key, config.GetString, MetaProfile.DefaultOptimizer, "an optimiser name");
        if (catalog.TryGet(name, out var optimizer)) return optimizer.Name;
        var closest = ClosestKey.Find(name, catalog.Names);
        Report(key, $"{key} = \"{name}\" is not a known optimiser.",
            $"Did you mean \"{closest}\"? Known optimisers: {string.Join(", ", catalog.Names)} ({MetaProfile.DefaultOptimizer} = risk parity).");
        return MetaProfile.DefaultOptimizer;
    }

    private T Optional<T>(string key, Func<string, T> read, T fallback, string expected) => _log.ReadOptional(key, read, fallback, expected);

    private T Read<T>(string key, Func<string, T> read, T fallback, string expected) => _log.Read(key, read, fallback, expected);

    private void Report(string key, string message, string fix) => _log.Report(key, message, fix);

    /// <summary>Names that are safe as actor names, directory names and command-line words.</summary>
    internal static bool IsPlainName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
