using ActorTrader.Trading.CrashTests.Harness;
using ActorTrader.Trading.Host.Replay;

namespace ActorTrader.Trading.CrashTests;

/// <summary>The harness reads the node's replay day lines; their format belongs to the replay recorder.</summary>
public sealed class NodeRunTests
{
    [Fact]
    public void A_line_of_the_replay_recorder_is_a_day_line()
    {
        var line = ReplayRecorder.Line(new DateOnly(2022, 9, 15), 3, 68, 100_123.45m, -12.5m, 4, 4);

        Assert.True(NodeRun.IsDayLine(line), line);
    }

    [Fact]
    public void The_final_line_of_a_replay_is_not_a_day_line()
    {
        Assert.False(NodeRun.IsDayLine("Replay finished: 68/68 days 2022-09-15..2022-12-20, NAV 100327.44 (+0.33%), orders 195, fills 222"));
    }
}
