using System.Globalization;
using ActorTrader.Hocon;

namespace ActorTrader.Trading.Sleeves;

/// <summary>
/// The node-wide sleeve settings (<c>actortrader.sleeves</c>): where sleeve files live (resolved against the working
/// directory) and how failing strategies are restarted. The per-sleeve defaults under <c>defaults</c> are read with each
/// sleeve file by <see cref="Definition.SleeveDefinitionReader"/>.
/// </summary>
public sealed record SleeveSettings(string Directory, StrategyBackoff Backoff)
{
    public const string Section = "actortrader.sleeves";

    /// <summary>Reads the settings; bad values are reported (positioned, with the fix) and replaced by their defaults.</summary>
    public static (SleeveSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(Config config, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrEmpty(workingDirectory);
        var log = new ConfigProblemLog(config);
        var d = StrategyBackoff.Default;
        var dir = Get($"{Section}.dir", "hocon/sleeves", config.GetString, "a directory path");
        var min = Get($"{Section}.strategy-backoff.min", d.MinBackoff, config.GetTimeSpan, "a duration such as 1s");
        var max = Get($"{Section}.strategy-backoff.max", d.MaxBackoff, config.GetTimeSpan, "a duration such as 30s");
        var random = Get($"{Section}.strategy-backoff.random-factor", d.RandomFactor, config.GetDouble, "a number from 0 to 1");
        var restarts = Get($"{Section}.strategy-backoff.max-restarts", d.MaxRestarts, config.GetInt, "a whole number of restarts");
        if (min <= TimeSpan.Zero)
        {
            Report($"{Section}.strategy-backoff.min", $"{Section}.strategy-backoff.min must be positive.", "Set it to e.g. 1s.");
            min = d.MinBackoff;
        }
        if (max < min)
        {
            Report($"{Section}.strategy-backoff.max", $"{Section}.strategy-backoff.max ({max}) is shorter than min ({min}).", "Set max to at least min.");
            max = min;
        }
        if (random is < 0 or > 1)
        {
            Report($"{Section}.strategy-backoff.random-factor", $"{Section}.strategy-backoff.random-factor = {random.ToString(CultureInfo.InvariantCulture)} is outside 0..1.", "Use a value from 0 to 1, e.g. 0.2.");
            random = d.RandomFactor;
        }
        if (restarts < 0)
        {
            Report($"{Section}.strategy-backoff.max-restarts", $"{Section}.strategy-backoff.max-restarts = {restarts} is negative.", "Use 0 or more, e.g. 3.");
            restarts = d.MaxRestarts;
        }
        var settings = new SleeveSettings(Path.GetFullPath(dir, workingDirectory), new StrategyBackoff(min, max, random, restarts));
        return (settings, log.Problems);

        T Get<T>(string key, T fallback, Func<string, T> read, string expected) => log.ReadOptional(key, read, fallback, expected);

        void Report(string key, string message, string fix) => log.Report(key, message, fix);
    }
}
