using ActorTrader.Hocon;
using ActorTrader.Trading.Day;
using ActorTrader.Trading.Tests.Sleeves;

namespace ActorTrader.Trading.Tests.Day;

public sealed class TradingDaySettingsTests
{
    private static (TradingDaySettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(string hocon) =>
        TradingDaySettings.Read(ConfigurationFactory.ParseString(hocon, new HoconParseOptions { SourceName = "node.conf" }));

    [Fact]
    public void The_reference_settings_read_without_problems_and_equal_the_code_defaults()
    {
        var (settings, problems) = TradingDaySettings.Read(SleeveTestFiles.Reference);

        Assert.Empty(problems);
        var d = TradingDaySettings.Default;
        Assert.Equal((d.PreMarket, d.RebalanceAt, d.PostMarketDelay, d.PhaseTimeout, d.Replay), (settings.PreMarket, settings.RebalanceAt, settings.PostMarketDelay, settings.PhaseTimeout, settings.Replay));
        Assert.Equal(d.ScheduledRuns.Select(r => (r.At, string.Join(",", r.Strategies), r.RebalanceAfter)),
            settings.ScheduledRuns.Select(r => (r.At, string.Join(",", r.Strategies), r.RebalanceAfter)));
        Assert.Equal((d.Rebalance.EquityLot, d.Rebalance.FractionalLot, d.Rebalance.MinNotional, d.Rebalance.WeightTolerance, d.Rebalance.LongOnly),
            (settings.Rebalance.EquityLot, settings.Rebalance.FractionalLot, settings.Rebalance.MinNotional, settings.Rebalance.WeightTolerance, settings.Rebalance.LongOnly));
    }

    [Fact]
    public void A_time_that_is_not_HH_mm_is_reported_at_its_position_with_the_key_and_the_fix()
    {
        var (settings, problems) = Read("actortrader.trading.day {\n  pre-market = \"8am\"\n}");

        var problem = Assert.Single(problems);
        Assert.Equal(("actortrader.trading.day.pre-market", "node.conf", 2), (problem.Key, problem.Position!.Source, problem.Position.Line));
        Assert.Contains("\"8am\" is not an exchange-local time \"HH:mm\"", problem.Message, StringComparison.Ordinal);
        Assert.Contains("\"08:00\"", problem.Fix, StringComparison.Ordinal);
        Assert.Equal(new TimeOnly(8, 0), settings.PreMarket);
    }

    [Fact]
    public void A_scheduled_run_with_a_bad_time_is_reported_at_the_run()
    {
        var (settings, problems) = Read("actortrader.trading.day.scheduled-runs = [\n  { at = \"10:00\", strategies = [a] }\n  { at = \"25:00\", strategies = [b] }\n]");

        var problem = Assert.Single(problems);
        Assert.Equal(("actortrader.trading.day.scheduled-runs[1].at", 3), (problem.Key, problem.Position!.Line));
        Assert.Equal([new TimeOnly(10, 0)], settings.ScheduledRuns.Select(r => r.At));
    }

    [Fact]
    public void Scheduled_runs_are_sorted_by_time_and_keep_their_rebalance_flag()
    {
        var (settings, problems) = Read("actortrader.trading.day.scheduled-runs = [ { at = \"11:00\", strategies = [b], rebalance = on }, { at = \"09:31\", strategies = [a] } ]");

        Assert.Empty(problems);
        Assert.Equal([(new TimeOnly(9, 31), false), (new TimeOnly(11, 0), true)], settings.ScheduledRuns.Select(r => (r.At, r.RebalanceAfter)));
    }

    [Fact]
    public void Two_runs_at_the_same_time_are_reported()
    {
        var (_, problems) = Read("actortrader.trading.day.scheduled-runs = [ { at = \"10:00\", strategies = [a] }, { at = \"10:00\", strategies = [b] } ]");

        Assert.Contains("already the time of another run", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rebalance_time_of_off_means_no_timed_rebalance()
    {
        var (settings, problems) = Read("actortrader.trading.day.rebalance.at = off");

        Assert.Empty(problems);
        Assert.Null(settings.RebalanceAt);
    }

    [Fact]
    public void A_rebalance_after_the_close_is_reported()
    {
        var (settings, problems) = Read("actortrader.trading.day.rebalance.at = \"16:30\"");

        Assert.Equal("actortrader.trading.day.rebalance.at", Assert.Single(problems).Key);
        Assert.Equal(new TimeOnly(15, 45), settings.RebalanceAt);
    }

    [Fact]
    public void A_fractionable_entry_that_is_not_a_symbol_is_reported()
    {
        var (settings, problems) = Read("actortrader.trading.day.rebalance.fractionable = [\"NASDAQ:AAPL\", \"AAPL\"]");

        Assert.Equal("actortrader.trading.day.rebalance.fractionable", Assert.Single(problems).Key);
        Assert.Single(settings.Rebalance.Fractionable);
    }
}
