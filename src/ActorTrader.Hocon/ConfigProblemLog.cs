namespace ActorTrader.Hocon;

/// <summary>
/// What every settings reader shares: it records a positioned <see cref="ConfigProblem"/> for each missing or mistyped
/// key and goes on with a fallback, so one config-check run reports every problem at once instead of the first.
/// </summary>
public sealed class ConfigProblemLog(Config config)
{
    private readonly List<ConfigProblem> _problems = [];

    public Config Config { get; } = config ?? throw new ArgumentNullException(nameof(config));

    public IReadOnlyList<ConfigProblem> Problems => _problems;

    /// <summary>Records a problem at <paramref name="key"/>'s position.</summary>
    public void Report(string key, string message, string fix) => _problems.Add(ConfigProblem.At(Config, key, message, fix));

    /// <summary>
    /// The value at <paramref name="key"/> read by <paramref name="read"/>; when it is missing or cannot be read as
    /// <paramref name="expected"/> (e.g. "a number"), a problem is recorded and <paramref name="fallback"/> returned.
    /// </summary>
    public T Read<T>(string key, Func<string, T> read, T fallback, string expected)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (!Config.HasPath(key))
        {
            Report(key, $"{key} is missing.", $"Add {key} (its default is in hocon/reference.conf).");
            return fallback;
        }
        try
        {
            return read(key);
        }
        catch (Exception e) when (e is HoconException or FormatException or OverflowException)
        {
            Report(key, $"{key} must be {expected}: {(e is HoconException hocon ? ConfigProblem.Describe(hocon) : e.Message)}", $"Set {key} to {expected}.");
            return fallback;
        }
    }

    /// <summary>Like <see cref="Read{T}"/>, but a missing key is not a problem: it takes <paramref name="fallback"/>.</summary>
    public T ReadOptional<T>(string key, Func<string, T> read, T fallback, string expected) =>
        Config.HasPath(key) ? Read(key, read, fallback, expected) : fallback;
}
