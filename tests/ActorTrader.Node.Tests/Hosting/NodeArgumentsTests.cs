using ActorTrader.Node.Hosting;

namespace ActorTrader.Node.Tests.Hosting;

public sealed class NodeArgumentsTests
{
    [Fact]
    public void Without_a_mode_the_node_runs_no_trading_core()
    {
        Assert.Equal(TradingMode.Off, NodeArguments.Parse(["--config", "x.conf"]).Mode);
    }

    [Fact]
    public void A_replay_takes_its_days_and_first_date()
    {
        var arguments = NodeArguments.Parse(["--replay", "--days", "5", "--start=2022-10-03"]);

        Assert.Equal(TradingMode.Replay, arguments.Mode);
        Assert.Equal(5, arguments.Days);
        Assert.Equal(new DateOnly(2022, 10, 3), arguments.Start);
    }

    [Fact]
    public void The_live_clock_mode_is_chosen_with_its_flag()
    {
        Assert.Equal(TradingMode.LiveClock, NodeArguments.Parse(["--live-clock"]).Mode);
    }

    [Theory]
    [InlineData("--replay", "--live-clock")]
    [InlineData("--days", "5")]
    [InlineData("--replay", "--days", "0")]
    [InlineData("--replay", "--start", "2022-13-01")]
    public void A_bad_combination_is_refused_with_the_usage(params string[] args)
    {
        var error = Assert.Throws<ArgumentException>(() => NodeArguments.Parse(args));

        Assert.Contains(NodeArguments.Usage, error.Message, StringComparison.Ordinal);
    }
}
