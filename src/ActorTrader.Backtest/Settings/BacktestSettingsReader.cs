using System.Globalization;
using ActorTrader.Hocon;

namespace ActorTrader.Backtest.Settings;

/// <summary>Reads typed values, recording a positioned problem for each missing, mistyped or out-of-range one and going on with its default.</summary>
internal sealed class BacktestSettingsReader(Config config)
{
    private readonly ConfigProblemLog _log = new(config);

    public IReadOnlyList<ConfigProblem> Problems => _log.Problems;

    public void Report(string key, string message, string fix) => _log.Report(key, message, fix);

    public string Choice(string key, string fallback, IReadOnlyList<string> choices)
    {
        var value = Read(key, config.GetString, fallback, "a string").Trim().ToLowerInvariant();
        if (choices.Contains(value)) return value;
        var hint = ClosestKey.Find(value, choices);
        Report(key, $"{key} = \"{value}\" is not one of {string.Join(", ", choices)}.", $"Set {key} to one of {string.Join(", ", choices)}{(hint is null ? "" : $" (did you mean {hint}?)")}.");
        return fallback;
    }

    public string String(string key, string fallback) => Read(key, config.GetString, fallback, "a string");

    public int Int(string key, int fallback, int min, int max)
    {
        var value = Read(key, config.GetInt, fallback, "a whole number");
        if (value >= min && value <= max) return value;
        Report(key, $"{key} = {value} is out of range {min}..{max}.", $"Set {key} to a whole number from {min} to {max}.");
        return fallback;
    }

    public double Double(string key, double fallback, double min, double max, bool minExclusive = false)
    {
        var value = Read(key, config.GetDouble, fallback, "a number");
        if (double.IsFinite(value) && (minExclusive ? value > min : value >= min) && value <= max) return value;
        var range = $"{(minExclusive ? "above " : "from ")}{Text(min)} to {Text(max)}";
        Report(key, $"{key} = {Text(value)} is out of range ({range}).", $"Set {key} to a number {range}.");
        return fallback;
    }

    public decimal PositiveDecimal(string key, decimal fallback)
    {
        var value = Read(key, config.GetDecimal, fallback, "a number");
        if (value > 0) return value;
        Report(key, $"{key} = {value.ToString(CultureInfo.InvariantCulture)} must be greater than 0.", $"Set {key} to a positive number, e.g. {fallback.ToString(CultureInfo.InvariantCulture)}.");
        return fallback;
    }

    public bool Boolean(string key, bool fallback) => Read(key, config.GetBoolean, fallback, "on or off");

    private T Read<T>(string key, Func<string, T> read, T fallback, string expected) => _log.Read(key, read, fallback, expected);

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
