using System.Globalization;
using ActorTrader.Hocon;

namespace ActorTrader.Data.Settings;

/// <summary>Reads typed values, recording a positioned problem for each missing, mistyped or out-of-range one and going on with a fallback.</summary>
internal sealed class DataSettingsReader(Config config)
{
    private readonly ConfigProblemLog _log = new(config);

    public IReadOnlyList<ConfigProblem> Problems => _log.Problems;

    public void Report(string key, string message, string fix) => _log.Report(key, message, fix);

    public string String(string key, string fallback)
    {
        var value = Read(key, config.GetString, fallback, "a string");
        if (value.Trim().Length > 0) return value;
        Report(key, $"{key} is empty.", $"Set {key} to a value (see its default in hocon/reference.conf).");
        return fallback;
    }

    public int Int(string key, int fallback, int min, int max)
    {
        var value = Read(key, config.GetInt, fallback, "a whole number");
        if (value >= min && value <= max) return value;
        Report(key, $"{key} = {value} is out of range {min}..{max}.", $"Set {key} to a whole number from {min} to {max}.");
        return fallback;
    }

    public double Double(string key, double fallback, double min, double max)
    {
        var value = Read(key, config.GetDouble, fallback, "a number");
        if (value >= min && value <= max && double.IsFinite(value)) return value;
        Report(key, $"{key} = {value.ToString(CultureInfo.InvariantCulture)} is out of range {min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)}.",
            $"Set {key} to a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");
        return fallback;
    }

    public decimal PositiveDecimal(string key, decimal fallback)
    {
        var value = Read(key, config.GetDecimal, fallback, "a number");
        if (value > 0) return value;
        Report(key, $"{key} = {value.ToString(CultureInfo.InvariantCulture)} must be greater than 0.", $"Set {key} to a positive number, e.g. {fallback.ToString(CultureInfo.InvariantCulture)}.");
        return fallback;
    }

    public TimeSpan PositiveDuration(string key, TimeSpan fallback)
    {
        var value = Read(key, config.GetTimeSpan, fallback, "a duration such as 1s or 500ms");
        if (value > TimeSpan.Zero) return value;
        Report(key, $"{key} must be a positive duration.", $"Set {key} to a duration such as 1s or 500ms.");
        return fallback;
    }

    private T Read<T>(string key, Func<string, T> read, T fallback, string expected) => _log.Read(key, read, fallback, expected);
}
