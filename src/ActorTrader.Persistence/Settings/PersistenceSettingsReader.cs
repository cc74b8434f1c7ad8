using System.Globalization;
using ActorTrader.Hocon;

namespace ActorTrader.Persistence;

/// <summary>
/// Reads typed values under <c>actortrader.persistence</c>: a missing key takes its default (the section is optional),
/// a mistyped or out-of-range one is recorded as a positioned <see cref="ConfigProblem"/> and replaced by the default so
/// reading goes on and every problem is reported at once.
/// </summary>
internal sealed class PersistenceSettingsReader(Config config)
{
    public const string Section = "actortrader.persistence.";

    private readonly List<ConfigProblem> _problems = [];

    public IReadOnlyList<ConfigProblem> Problems => _problems;

    /// <summary>Records a problem with <c>actortrader.persistence.<paramref name="key"/></c>, at <paramref name="positionKey"/>'s position when given.</summary>
    public void Report(string key, string message, string fix, string? positionKey = null) =>
        _problems.Add(new ConfigProblem(Section + key, config.GetPosition(Section + (positionKey ?? key)), message, fix));

    public string Text(string key, string fallback) => Read(key, fallback, config.GetString, "a string");

    public int Count(string key, int fallback, int min)
    {
        var value = Read(key, fallback, config.GetInt, "a whole number");
        if (value >= min) return value;
        Report(key, $"{Section}{key} = {value} is out of range: it must be {min} or more.", $"Set {Section}{key} to a whole number of at least {min} (default {fallback}).");
        return fallback;
    }

    public TimeSpan Duration(string key, TimeSpan fallback)
    {
        var value = Read(key, fallback, config.GetTimeSpan, "a duration such as 5s or 500ms");
        if (value > TimeSpan.Zero) return value;
        Report(key, $"{Section}{key} = {value.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s is not positive.",
            $"Set {Section}{key} to a positive duration such as {fallback.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s (the default).");
        return fallback;
    }

    private T Read<T>(string key, T fallback, Func<string, T> get, string expected)
    {
        var path = Section + key;
        if (!config.HasPath(path)) return fallback;
        try
        {
            return get(path);
        }
        catch (HoconException e)
        {
            Report(key, $"{path} must be {expected}: {ConfigProblem.Describe(e)}", $"Set {path} to {expected}, like its default in hocon/reference.conf.");
            return fallback;
        }
    }
}
