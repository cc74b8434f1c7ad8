using System.Text.Json;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Catalog;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Settings;

namespace ActorTrader.Cli.Backtesting;

/// <summary>
/// <c>actortrader strategies</c>: every catalogued strategy with its description, whether it is enabled and its allocation
/// in the configuration, its requirements, and each parameter's kind, range, default and configured value.
/// </summary>
internal static class StrategyListing
{
    public static IEnumerable<string> Lines(StrategySettings settings, StrategyCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var strategy in (catalog ?? StrategyCatalog.Default).All)
        {
            var setting = settings.Get(strategy.Name);
            var r = strategy.Requirements;
            yield return $"{strategy.Name}  [{(setting.Enabled ? "enabled" : "disabled")}, allocation {TextFormat.Number(setting.Allocation)}]";
            yield return $"  {strategy.Description}";
            yield return $"  needs: {Requirements(r)}";
            var width = strategy.Parameters.Ranges.Max(p => p.Name.Length);
            foreach (var p in strategy.Parameters.Ranges)
            {
                var configured = setting.Parameters[p.Name];
                var changed = !configured.Equals(p.Default) ? $"  (configured {Value(p, configured)})" : "";
                yield return $"    {p.Name.PadRight(width)}  {Kind(p),-7}  {Range(p),-36}  default {Value(p, p.Default)}{changed}";
            }
            yield return "";
        }
    }

    public static string Json(StrategySettings settings, StrategyCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return CliJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("strategies");
            foreach (var strategy in (catalog ?? StrategyCatalog.Default).All) Strategy(w, strategy, settings.Get(strategy.Name));
            w.WriteEndArray();
            w.WriteEndObject();
        }, indented: false);
    }

    private static void Strategy(Utf8JsonWriter w, IStrategy strategy, StrategySetting setting)
    {
        var r = strategy.Requirements;
        w.WriteStartObject();
        w.WriteString("name", strategy.Name);
        w.WriteString("description", strategy.Description);
        w.WriteBoolean("enabled", setting.Enabled);
        w.Number("allocation", setting.Allocation);
        w.WriteStartObject("requirements");
        w.WriteString("timeframe", r.Timeframe.Name);
        w.WriteNumber("minimum_history", r.MinimumHistory);
        w.WriteBoolean("needs_margin", r.NeedsMargin);
        w.WriteBoolean("needs_fundamentals", r.NeedsFundamentals);
        w.WriteBoolean("can_short", r.CanShort);
        w.WriteEndObject();
        w.WriteStartArray("parameters");
        foreach (var p in strategy.Parameters.Ranges)
        {
            w.WriteStartObject();
            w.WriteString("name", p.Name);
            w.WriteString("kind", Kind(p));
            w.WriteString("description", p.Description);
            if (p.Kind == ParameterKind.Choice)
            {
                w.Strings("choices", p.Choices);
            }
            else if (p.Kind != ParameterKind.Boolean)
            {
                w.Number("min", p.Min);
                w.Number("max", p.Max);
            }
            JsonValue(w, "default", p, p.Default);
            JsonValue(w, "value", p, setting.Parameters[p.Name]);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void JsonValue(Utf8JsonWriter w, string name, ParameterRange p, double value)
    {
        switch (p.Kind)
        {
            case ParameterKind.Boolean: w.WriteBoolean(name, value != 0); break;
            case ParameterKind.Choice: w.WriteString(name, p.Choices[(int)value]); break;
            default: w.Number(name, value); break;
        }
    }

    private static string Requirements(StrategyRequirements r)
    {
        var needs = new List<string> { $"{r.Timeframe.Name} bars", $"{TextFormat.Integer(r.MinimumHistory)} bars of history" };
        if (r.NeedsMargin) needs.Add("a margin account (shorts)");
        else if (r.CanShort) needs.Add("a margin account when its parameters ask for shorts");
        if (r.NeedsFundamentals) needs.Add("fundamental inputs");
        return string.Join(", ", needs);
    }

    private static string Kind(ParameterRange p) => p.Kind switch
    {
        ParameterKind.Real => "real",
        ParameterKind.Whole => "whole",
        ParameterKind.Boolean => "boolean",
        _ => "choice",
    };

    private static string Range(ParameterRange p) => p.Kind switch
    {
        ParameterKind.Boolean => "true | false",
        ParameterKind.Choice => string.Join(" | ", p.Choices),
        _ => $"[{TextFormat.Number(p.Min)}, {TextFormat.Number(p.Max)}]",
    };

    private static string Value(ParameterRange p, double value) => ParameterText.Value(p, value);
}
