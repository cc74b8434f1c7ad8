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
        Assert.False(killSwitch.IsEngaged);

        File.WriteAllText(killSwitch.FilePath, string.Empty);

        Assert.True(killSwitch.IsEngaged);
    }

    [Fact]
    public void The_reason_is_the_first_line_of_the_HALT_file()
    {
        var killSwitch = new KillSwitch(_dir.File("HALT"));
        File.WriteAllText(killSwitch.FilePath, "exchange outage\nmore detail");

        Assert.Equal($"HALT file {killSwitch.FilePath}: exchange outage", killSwitch.Reason());
    }

    [Fact]
    public void An_empty_HALT_file_still_gives_a_reason_naming_it()
    {
        var killSwitch = new KillSwitch(_dir.File("HALT"));
        File.WriteAllText(killSwitch.FilePath, string.Empty);

        Assert.Equal($"HALT file {killSwitch.FilePath} present", killSwitch.Reason());
    }
}
