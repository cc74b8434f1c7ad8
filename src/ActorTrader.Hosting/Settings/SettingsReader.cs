using System.Globalization;
using ActorTrader.Hocon;

namespace ActorTrader.Hosting.Settings;

/// <summary>
/// Reads typed values from a <see cref="Config"/>, recording a positioned <see cref="ConfigProblem"/> for each
/// missing, mistyped or out-of-range value instead of stopping at the first, and returning a fallback so
/// reading can go on.
/// </summary>
internal sealed class SettingsReader(Config config)
{
    private readonly ConfigProblemLog _log = new(config);

    public Config Config { get; } = config;

    public IReadOnlyList<ConfigProblem> Problems => _log.Problems;

    public void Report(string key, string message, string fix) => _log.Report(key, message, fix);

    public string String(string key, bool allowEmpty = false)
    {
        var value = Read(key, Config.GetString, string.Empty, "a string");
        if (!allowEmpty && value.Length == 0 && Config.HasPath(key))
            Report(key, $"{key} is empty.", $"Set {key} to a value (see its default in hocon/reference.conf).");
        return value;
    }

    /// <summary>A string that may be absent or empty (credentials from the environment); null then.</summary>
    public string? OptionalString(string key)
    {
        if (!Config.HasPath(key)) return null;
        var value = Read(key, Config.GetString, string.Empty, "a string");
        return value.Length == 0 ? null : value;
    }

    public int Int(string key, int min, int max)
    {
        var value = Read(key, Config.GetInt, min, "an integer");
        if (value < min || value > max)
        {
            Report(key, $"{key} = {value} is out of range {min}..{max}.", $"Set {key} to a whole number from {min} to {max}.");
            return min;
        }
        return value;
    }

    public bool Boolean(string key) => Read(key, Config.GetBoolean, false, "a boolean (true/false, on/off)");

    public TimeSpan PositiveDuration(string key)
    {
        var value = Read(key, Config.GetTimeSpan, TimeSpan.FromSeconds(1), "a duration such as 5s or 200ms");
        if (value <= TimeSpan.Zero)
        {
            Report(key, $"{key} = {value.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s must be positive.", $"Set {key} to a positive duration such as 5s.");
            return TimeSpan.FromSeconds(1);
        }
        return value;
    }

    /// <summary>A decimal in (<paramref name="exclusiveMin"/>, <paramref name="inclusiveMax"/>].</summary>
    public decimal Fraction(string key, decimal exclusiveMin, decimal inclusiveMax, string meaning)
    {
        var value = Read(key, Config.GetDecimal, inclusiveMax, "a number");
        if (value <= exclusiveMin || value > inclusiveMax)
        {
            var shown = value.ToString(CultureInfo.InvariantCulture);
            var rule = $"greater than {exclusiveMin.ToString(CultureInfo.InvariantCulture)} and at most {inclusiveMax.ToString(CultureInfo.InvariantCulture)}";
            Report(key, $"{key} = {shown} is out of range: {meaning} must be {rule}.", $"Set {key} to a value {rule}, e.g. the default in hocon/reference.conf.");
            return inclusiveMax;
        }
        return value;
    }

    public IReadOnlyList<string> StringList(string key) => Read(key, k => (IReadOnlyList<string>)[.. Config.GetStringList(k)], [], "a list of strings such as [trader, research]");

    private T Read<T>(string key, Func<string, T> read, T fallback, string expected) => _log.Read(key, read, fallback, expected);
}
