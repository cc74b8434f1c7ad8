using ActorTrader.Hosting.Control;

namespace ActorTrader.Hosting.Tests.Control;

public sealed class KillSwitchTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_switch_is_engaged_only_while_the_HALT_file_exists()
    {
        var killSwitch = new KillSwitch(_dir.File("HALT"));
        Assert.Null(killSwitch.EngagedReason());

        File.WriteAllText(killSwitch.FilePath, string.Empty);

        Assert.NotNull(killSwitch.EngagedReason());
    }

    [Fact]
    public void A_missing_kill_switch_directory_means_not_engaged()
    {
        Assert.Null(new KillSwitch(Path.Combine(_dir.File("never-created"), "HALT")).EngagedReason());
    }

    [Fact]
    public void The_reason_is_the_first_line_of_the_HALT_file()
    {
        var killSwitch = new KillSwitch(_dir.File("HALT"));
        File.WriteAllText(killSwitch.FilePath, "exchange outage\nmore detail");

        Assert.Equal($"HALT file {killSwitch.FilePath}: exchange outage", killSwitch.EngagedReason());
    }

    [Fact]
    public void An_empty_HALT_file_still_gives_a_reason_naming_it()
    {
        var killSwitch = new KillSwitch(_dir.File("HALT"));
        File.WriteAllText(killSwitch.FilePath, string.Empty);

        Assert.Equal($"HALT file {killSwitch.FilePath} present", killSwitch.EngagedReason());
    }

    [Fact]
    public void A_kill_switch_directory_that_cannot_be_searched_counts_as_engaged()
    {
        // A symbolic-link loop fails every lookup (ELOOP), as an unsearchable directory does, even for root.
        var loop = _dir.File("loop");
        File.CreateSymbolicLink(loop, loop);
        var killSwitch = new KillSwitch(Path.Combine(loop, "HALT"));

        Assert.False(File.Exists(killSwitch.FilePath));
        Assert.Contains("cannot be ruled out", killSwitch.EngagedReason(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_HALT_directory_instead_of_a_file_counts_as_engaged()
    {
        var killSwitch = new KillSwitch(_dir.File("HALT"));
        Directory.CreateDirectory(killSwitch.FilePath);

        Assert.NotNull(killSwitch.EngagedReason());
    }
}
