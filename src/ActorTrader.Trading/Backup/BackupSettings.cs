using ActorTrader.Hocon;

namespace ActorTrader.Trading.Backup;

/// <summary>Journal backups (<c>actortrader.trading.backup</c>): where they go and how many are kept.</summary>
/// <param name="Directory">Absolute directory that holds one sub-directory per backup (<c>yyyyMMdd-HHmmss</c>, UTC).</param>
/// <param name="Keep">Newest backups kept; older ones are deleted after each successful backup. At least 1.</param>
public sealed record BackupSettings(string Directory, int Keep)
{
    public const string Section = "actortrader.trading.backup";

    /// <summary>The default of <c>dir</c>, relative to node.data-dir.</summary>
    public const string DefaultDirectory = "backups";

    public const int DefaultKeep = 7;

    /// <summary>Reads the settings; a relative <c>dir</c> is resolved against <paramref name="dataDirectory"/> (node.data-dir). Bad values are reported and replaced by their defaults.</summary>
    public static (BackupSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(Config config, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        var log = new ConfigProblemLog(config);
        var dir = log.ReadOptional($"{Section}.dir", config.GetString, DefaultDirectory, "a directory path");
        var keep = log.ReadOptional($"{Section}.keep", config.GetInt, DefaultKeep, "a whole number of backups");
        if (string.IsNullOrWhiteSpace(dir))
        {
            log.Report($"{Section}.dir", $"{Section}.dir is empty.", $"Set it to a directory, e.g. \"{DefaultDirectory}\" (under node.data-dir).");
            dir = DefaultDirectory;
        }
        if (keep < 1)
        {
            log.Report($"{Section}.keep", $"{Section}.keep = {keep} must be at least 1 (the backup just written is always kept).", $"Set it to e.g. {DefaultKeep}.");
            keep = DefaultKeep;
        }
        return (new BackupSettings(Path.GetFullPath(dir, Path.GetFullPath(dataDirectory)), keep), log.Problems);
    }
}
