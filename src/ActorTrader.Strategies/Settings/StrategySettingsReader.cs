using System.Globalization;
using ActorTrader.Hocon;
using ActorTrader.Strategies.Catalog;
using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Strategies.Settings;

/// <summary>
/// Reads the strategies section key by key, recording a positioned <see cref="ConfigProblem"/> for each bad or unknown
/// entry and keeping the default in its place, so every problem is reported at once.
/// </summary>
internal sealed class StrategySettingsReader(Config config, StrategyCatalog catalog, string section)
{
    private static readonly string[] BlockKeys = ["allocation", "enabled", "parameters"];

    private readonly List<ConfigProblem> _problems = [];

    public IReadOnlyList<ConfigProblem> Problems => _problems;

    public StrategySettings ReadAll()
    {
        var settings = catalog.All.ToDictionary(s => s.Name, StrategySetting.DefaultFor, StringComparer.Ordinal);
        var root = config.GetValue(section);
        if (root is null || root.IsNull) return new StrategySettings(settings.Values);
        if (!root.IsObject)
        {
            Report(section, $"{section} must be an object with one block per strategy but is {Kind(root)}.",
                $"Write {section} {{ mean_reversion {{ enabled = true, allocation = 0.1 }} }}, like hocon/reference.conf.");
            return new StrategySettings(settings.Values);
        }
        foreach (var name in root.Keys)
        {
            var path = section + "." + HoconPath.FormatKey(name);
            if (!catalog.TryGet(name, out var strategy))
            {
                var hint = catalog.Suggest(name);
                Report(path, UnknownStrategyException.Describe(name, hint, catalog.Names),
                    hint is null ? "Remove the block." : $"Rename the block to {hint}, or remove it.");
                continue;
            }
            settings[name] = ReadStrategy(path, strategy, settings[name]);
        }
        return new StrategySettings(settings.Values);
    }

    private StrategySetting ReadStrategy(string path, IStrategy strategy, StrategySetting defaults)
    {
        var block = config.GetValue(path)!;
        if (block.IsNull) return defaults;
        if (!block.IsObject)
        {
            Report(path, $"{path} must be an object {{ enabled, allocation, parameters }} but is {Kind(block)}.",
                $"Write {path} {{ enabled = {Text(defaults.Enabled)}, allocation = {Text(defaults.Allocation)} }}.");
            return defaults;
        }
        foreach (var key in block.Keys.Where(k => !BlockKeys.Contains(k, StringComparer.Ordinal)))
        {
            var hint = ClosestKey.Find(key, BlockKeys);
            Report($"{path}.{HoconPath.FormatKey(key)}", $"{path}.{key} is not a strategy setting; did you mean {hint}?",
                $"Use {string.Join(", ", BlockKeys)}; parameters go inside {path}.parameters {{ }}.");
        }
        var enabled = ReadEnabled(path + ".enabled", defaults.Enabled);
        var allocation = ReadAllocation(path + ".allocation", defaults.Allocation);
        var parameters = ReadParameters(path + ".parameters", strategy, defaults.Parameters);
        return defaults with { Enabled = enabled, Allocation = allocation, Parameters = parameters };
    }

    private bool ReadEnabled(string path, bool fallback)
    {
        if (!config.HasPath(path)) return fallback;
        try
        {
            return config.GetBoolean(path);
        }
        catch (HoconException e)
        {
            Report(path, ConfigProblem.Describe(e) + ".", $"Set {path} = true or false (default {Text(fallback)}).");
            return fallback;
        }
    }

    private double ReadAllocation(string path, double fallback)
    {
        if (!config.HasPath(path)) return fallback;
        double value;
        try
        {
            value = config.GetDouble(path);
        }
        catch (HoconException e)
        {
            Report(path, ConfigProblem.Describe(e) + ".", $"Set {path} to a share of the sleeve's capital between 0 and 1 (default {Text(fallback)}).");
            return fallback;
        }
        if (value is >= 0 and <= 1) return value;
        Report(path, $"{path} = {Text(value)} is outside 0..1.", $"Set {path} to a share of the sleeve's capital between 0 and 1 (default {Text(fallback)}).");
        return fallback;
    }

    private ParameterSet ReadParameters(string path, IStrategy strategy, ParameterSet defaults)
    {
        var block = config.GetValue(path);
        if (block is null || block.IsNull) return defaults;
        var space = strategy.Parameters;
        if (!block.IsObject)
        {
            Report(path, $"{path} must be an object of parameter values but is {Kind(block)}.",
                $"Write {path} {{ {space.Ranges[0].Name} = {Text(space.Ranges[0], space.Ranges[0].Default)} }}; see hocon/reference.conf for every parameter.");
            return defaults;
        }
        var set = defaults;
        foreach (var name in block.Keys)
        {
            var key = $"{path}.{HoconPath.FormatKey(name)}";
            if (space.Find(name) is not { } range)
            {
                var hint = ClosestKey.Find(name, space.Ranges.Select(r => r.Name));
                Report(key, $"{strategy.Name} has no parameter {name}" + (hint is null ? "." : $"; did you mean {hint}?"),
                    $"Use one of {string.Join(", ", space.Ranges.Select(r => r.Name))}.");
                continue;
            }
            if (ReadValue(key, range) is { } value) set = set.With(name, value);
        }
        return set;
    }

    private double? ReadValue(string key, ParameterRange range)
    {
        var fix = Fix(key, range);
        try
        {
            var value = range.Kind switch
            {
                ParameterKind.Boolean => config.GetBoolean(key) ? 1.0 : 0.0,
                ParameterKind.Choice => ChoiceIndex(key, range),
                _ => config.GetDouble(key),
            };
            if (value is not { } v) return null;
            if (range.Problem(v) is null) return v;
            var what = !double.IsFinite(v) ? "is not a finite number"
                : v < range.Min || v > range.Max ? $"is outside its range [{Text(range.Min)}, {Text(range.Max)}]"
                : "must be a whole number";
            Report(key, $"{key} = {Text(v)} {what}.", fix);
            return null;
        }
        catch (HoconException e)
        {
            Report(key, ConfigProblem.Describe(e) + ".", fix);
            return null;
        }
    }

    private double? ChoiceIndex(string key, ParameterRange range)
    {
        var text = config.GetString(key).Trim();
        for (var i = 0; i < range.Choices.Count; i++)
        {
            if (string.Equals(range.Choices[i], text, StringComparison.OrdinalIgnoreCase)) return i;
        }
        var hint = ClosestKey.Find(text, range.Choices);
        Report(key, $"{key} = \"{text}\" is not one of {string.Join(", ", range.Choices)}" + (hint is null ? "." : $"; did you mean {hint}?"), Fix(key, range));
        return null;
    }

    private static string Fix(string key, ParameterRange range) => range.Kind switch
    {
        ParameterKind.Boolean => $"Set {key} = true or false (default {Text(range, range.Default)}).",
        ParameterKind.Choice => $"Set {key} to one of {string.Join(", ", range.Choices.Select(c => "\"" + c + "\""))} (default \"{Text(range, range.Default)}\").",
        ParameterKind.Whole => $"Set {key} to a whole number within [{Text(range.Min)}, {Text(range.Max)}] (default {Text(range.Default)}).",
        _ => $"Set {key} to a number within [{Text(range.Min)}, {Text(range.Max)}] (default {Text(range.Default)}).",
    };

    private static string Kind(HoconValue value) => "a " + value.Kind.ToString().ToLowerInvariant();

    private void Report(string key, string message, string fix) => _problems.Add(ConfigProblem.At(config, key, message, fix));

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Text(bool value) => value ? "true" : "false";

    /// <summary>A parameter value as it is written in HOCON: number, true/false, or the choice name.</summary>
    internal static string Text(ParameterRange range, double value) => range.Kind switch
    {
        ParameterKind.Boolean => Text(value != 0),
        ParameterKind.Choice => range.Choices[(int)value],
        _ => Text(value),
    };
}
