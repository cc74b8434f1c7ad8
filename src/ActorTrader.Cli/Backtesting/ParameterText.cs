using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Cli.Backtesting;

/// <summary>Parameter values as HOCON writes them — numbers, true/false, choice names — so reports read like the configuration.</summary>
internal static class ParameterText
{
    public static string Value(ParameterRange range, double value)
    {
        ArgumentNullException.ThrowIfNull(range);
        return range.Kind switch
        {
            ParameterKind.Boolean => value != 0 ? "true" : "false",
            ParameterKind.Choice when value >= 0 && value < range.Choices.Count && value == Math.Floor(value) => range.Choices[(int)value],
            _ => TextFormat.Number(value),
        };
    }

    /// <summary><c>name=value</c> pairs in name order: <c>allow_short=false, entry_z=2, trigger=either</c>.</summary>
    public static string Describe(ParameterSpace space, ParameterSet values)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(values);
        return string.Join(", ", values.Select(kv => kv.Key + "=" + (space.Find(kv.Key) is { } range ? Value(range, kv.Value) : TextFormat.Number(kv.Value))));
    }
}
