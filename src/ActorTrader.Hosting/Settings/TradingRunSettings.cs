using ActorTrader.Hocon;

namespace ActorTrader.Hosting.Settings;

/// <summary>
/// <c>actortrader.trading.run</c>: how the node runs its trading core. <see cref="Profile"/> is the meta profile whose
/// sleeves' target schedules the trading day rebalances towards; a replay keeps its journal and paper account in
/// <see cref="ReplayDir"/> (so it never mixes with the live node's), and a finished replay's state is moved into
/// <see cref="ArchiveDir"/> when the next one starts.
/// </summary>
/// <param name="Profile">Meta profile name (actortrader.meta.profiles).</param>
/// <param name="ReplayDir">Absolute directory of a replay's journal and paper account.</param>
/// <param name="ArchiveDir">Absolute directory finished replays are moved into.</param>
public sealed record TradingRunSettings(string Profile, string ReplayDir, string ArchiveDir)
{
    /// <summary>Wall time a replay waits after each day (0: none), so an operator can watch it on the dashboard.</summary>
    public TimeSpan ReplayPace { get; init; }

    /// <summary>Whether the node keeps serving (API, dashboard) after a replay ended, until it is stopped.</summary>
    public bool ReplayStay { get; init; }

    public const string Section = "actortrader.trading.run";

    /// <summary>Reads the section; relative directories are resolved against <paramref name="dataDir"/>.</summary>
    public static (TradingRunSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(Config config, string dataDir)
    {
        ArgumentNullException.ThrowIfNull(config);
        var log = new ConfigProblemLog(config);
        var profile = Text("profile", "default");
        var replay = Text("replay-dir", "replay");
        var archive = Text("archive-dir", "replay-archive");
        var pace = log.ReadOptional($"{Section}.replay-pace", config.GetTimeSpan, TimeSpan.Zero, "a duration such as 1s");
        if (pace < TimeSpan.Zero || pace > TimeSpan.FromHours(1))
        {
            log.Report($"{Section}.replay-pace", $"{Section}.replay-pace = {pace} is outside 0s..1h.", "Set it to 0s (as fast as possible) or a short pause such as 1s.");
            pace = TimeSpan.Zero;
        }
        var stay = log.ReadOptional($"{Section}.replay-stay", config.GetBoolean, false, "on or off");
        var settings = new TradingRunSettings(profile, Path.GetFullPath(replay, dataDir), Path.GetFullPath(archive, dataDir)) { ReplayPace = pace, ReplayStay = stay };
        return (settings, log.Problems);

        string Text(string key, string fallback)
        {
            var value = log.ReadOptional($"{Section}.{key}", config.GetString, fallback, "a string").Trim();
            if (value.Length > 0) return value;
            log.Report($"{Section}.{key}", $"{Section}.{key} is empty.", $"Set it, e.g. to \"{fallback}\".");
            return fallback;
        }
    }
}
