using ActorTrader.Node.Cluster;

namespace ActorTrader.Node.Tests.Hosting;

/// <summary>The management API's wait for a control-log command to be applied on this node.</summary>
public sealed class AppliedControlCommandsTests
{
    [Fact]
    public async Task A_wait_completes_when_its_command_or_a_later_one_was_applied()
    {
        var applied = new AppliedControlCommands();
        var waiting = applied.WaitAsync(3, TimeSpan.FromMinutes(1), CancellationToken.None);
        applied.Applied(2);
        Assert.False(waiting.IsCompleted);

        applied.Applied(4);

        Assert.True(await waiting);
        Assert.Equal(4, applied.LastApplied);
        Assert.True(await applied.WaitAsync(1, TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task A_wait_for_a_command_not_applied_in_time_answers_false()
    {
        var applied = new AppliedControlCommands();
        applied.Applied(5);

        Assert.False(await applied.WaitAsync(6, TimeSpan.FromMilliseconds(1), CancellationToken.None));
        Assert.Equal(5, applied.LastApplied);
    }
}
