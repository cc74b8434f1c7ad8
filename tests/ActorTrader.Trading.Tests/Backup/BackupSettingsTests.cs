using ActorTrader.Hocon;
using ActorTrader.Hosting.Configuration;
using ActorTrader.Trading.Backup;

namespace ActorTrader.Trading.Tests.Backup;

public sealed class BackupSettingsTests
{
    private const string DataDir = "/srv/actortrader/data";

    private static (BackupSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(string backup) =>
        BackupSettings.Read(ConfigurationFactory.ParseString(
            $"actortrader.trading.backup {{ {backup} }}", new HoconParseOptions { SourceName = "node.conf", UseEnvironment = false }), DataDir);

    [Fact]
    public void Reference_conf_keeps_seven_backups_under_the_data_directory()
    {
        var (settings, problems) = BackupSettings.Read(ReferenceConfig.Load(new Dictionary<string, string?>()), DataDir);

        Assert.Empty(problems);
        Assert.Equal(new BackupSettings(Path.Combine(DataDir, "backups"), 7), settings);
    }

    [Fact]
    public void An_absolute_directory_is_kept()
    {
        var (settings, problems) = Read("dir = \"/mnt/backup/actortrader\", keep = 30");

        Assert.Empty(problems);
        Assert.Equal(new BackupSettings("/mnt/backup/actortrader", 30), settings);
    }

    [Fact]
    public void Keeping_fewer_than_one_backup_is_a_problem()
    {
        var (settings, problems) = Read("keep = 0");

        Assert.Equal("actortrader.trading.backup.keep", Assert.Single(problems).Key);
        Assert.Equal(BackupSettings.DefaultKeep, settings.Keep);
    }

    [Fact]
    public void An_empty_directory_is_a_problem()
    {
        var (_, problems) = Read("dir = \"\"");

        Assert.Equal("actortrader.trading.backup.dir", Assert.Single(problems).Key);
    }
}
