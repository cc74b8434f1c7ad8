using System.Text.Json;
using System.Text.RegularExpressions;

namespace ActorTrader.Hosting.Configuration;

/// <summary>One <c>key = value</c> override from the environment or <c>--set</c>, rendered as a line of HOCON.</summary>
/// <param name="Path">The HOCON path it sets, e.g. <c>actortrader.management.port</c>.</param>
/// <param name="Value">The raw value as the operator typed it.</param>
/// <param name="Origin">Where it came from, used as the source name in positions: <c>env ACTORTRADER__X</c>, <c>--set</c>.</param>
public sealed partial record ConfigOverride(string Path, string Value, string Origin)
{
    /// <summary>Prefix of environment variables that override keys under <c>actortrader.</c>.</summary>
    public const string EnvironmentPrefix = "ACTORTRADER__";

    /// <summary>
    /// Overrides from the environment, sorted by name: <c>ACTORTRADER__NODE__DATA_DIR=x</c> sets
    /// <c>actortrader.node.data-dir</c> (segments split on <c>__</c>, lower-cased, <c>_</c> becomes <c>-</c> except under <c>strategies</c>, whose
    /// strategy and parameter names are snake_case: <c>ACTORTRADER__STRATEGIES__MEAN_REVERSION__PARAMETERS__Z_WINDOW</c>).
    /// </summary>
    public static IReadOnlyList<ConfigOverride> FromEnvironment(IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment
            .Where(e => e.Key.StartsWith(EnvironmentPrefix, StringComparison.Ordinal) && e.Key.Length > EnvironmentPrefix.Length && e.Value is not null)
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new ConfigOverride(PathFromVariable(e.Key), e.Value!, $"env {e.Key}"))
            .ToList();
    }

    /// <summary>Parses a <c>key=value</c> argument; throws <see cref="ArgumentException"/> naming the argument and the fix.</summary>
    public static ConfigOverride FromSetArgument(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || string.IsNullOrWhiteSpace(argument[..equals]))
            throw new ArgumentException($"--set \"{argument}\" is not key=value. Fix: write it as --set actortrader.management.port=8765.", nameof(argument));
        var key = argument[..equals].Trim();
        // Nothing outside actortrader.* is read, so such a key would be ignored without a word.
        if (!key.StartsWith("actortrader.", StringComparison.Ordinal))
            throw new ArgumentException($"--set \"{argument}\" sets {key}, which is not under actortrader. and would be ignored. Fix: write the full path, e.g. --set actortrader.{key}={argument[(equals + 1)..].Trim()}.", nameof(argument));
        return new ConfigOverride(key, argument[(equals + 1)..].Trim(), $"--set {key}");
    }

    internal static string PathFromVariable(string variable)
    {
        var segments = variable[EnvironmentPrefix.Length..]
            .Split("__", StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.ToLowerInvariant())
            .ToArray();
        // Strategy and parameter names are snake_case (mean_reversion.parameters.z_window); every other key is kebab-case.
        var snakeCase = segments.Length > 0 && segments[0] == StrategiesSection;
        return "actortrader." + string.Join('.', segments.Select(s => snakeCase ? s : s.Replace('_', '-')));
    }

    private const string StrategiesSection = "strategies";

    /// <summary>The override as one line of HOCON; values that are not plain tokens, lists or objects become quoted strings.</summary>
    public string ToHocon()
    {
        var value = Value.Length > 0 && (Value[0] is '[' or '{' or '"' || PlainToken().IsMatch(Value))
            ? Value
            : JsonSerializer.Serialize(Value);
        return $"{Path} = {value}";
    }

    // Numbers, booleans, durations and simple words are left for HOCON to type.
    [GeneratedRegex(@"^[A-Za-z0-9_.+-]+$")]
    private static partial Regex PlainToken();
}
