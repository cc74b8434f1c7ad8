using ActorTrader.Domain.Accounting;
using ActorTrader.Strategies.Availability;
using ActorTrader.Strategies.Catalog;
using ActorTrader.Strategies.Settings;

namespace ActorTrader.Strategies.Tests.Availability;

public sealed class StrategyAvailabilityTests
{
    private static StrategyAvailability Check(string name, AccountKind account, bool fundamentals = true, Func<StrategySetting, StrategySetting>? change = null)
    {
        var strategy = StrategyCatalog.Default.Get(name);
        var settings = StrategySetting.DefaultFor(strategy) with { Enabled = true };
        return StrategyAvailability.Check(strategy, change?.Invoke(settings) ?? settings, account, fundamentals);
    }

    [Fact]
    public void Pairs_on_a_cash_account_is_refused_because_it_needs_to_short()
    {
        var result = Check("pairs", AccountKind.Cash);

        Assert.False(result.IsEnabled);
        Assert.Equal(
            "pairs needs a margin account to short; this account is cash. Fix: set the broker account to a margin account or disable pairs " +
            "(actortrader.strategies.pairs.enabled = false).",
            result.Reason);
    }

    [Fact]
    public void Pairs_on_a_margin_account_is_enabled()
    {
        Assert.True(Check("pairs", AccountKind.Margin).IsEnabled);
    }

    [Fact]
    public void Trend_following_shorting_on_a_cash_account_is_refused_naming_the_parameter_that_shorts()
    {
        var result = Check("trend_following", AccountKind.Cash,
            change: s => s with { Parameters = s.Parameters.With("direction", 2) });

        Assert.False(result.IsEnabled);
        Assert.StartsWith("trend_following with direction = both needs a margin account to short; this account is cash. " +
                          "Fix: set actortrader.strategies.trend_following.parameters.direction = long", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_only_trend_following_runs_on_a_cash_account()
    {
        Assert.True(Check("trend_following", AccountKind.Cash).IsEnabled);
    }

    [Fact]
    public void Mean_reversion_with_shorts_on_a_cash_account_is_refused()
    {
        var result = Check("mean_reversion", AccountKind.Cash, change: s => s with { Parameters = s.Parameters.With("allow_short", 1) });

        Assert.Contains("allow_short = true needs a margin account", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Quality_smallcap_value_without_fundamentals_is_disabled_and_says_why()
    {
        var result = Check("quality_smallcap_value", AccountKind.Margin, fundamentals: false);

        Assert.False(result.IsEnabled);
        Assert.Contains("no fundamental inputs in the catalog", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Quality_smallcap_value_with_fundamentals_is_enabled()
    {
        Assert.True(Check("quality_smallcap_value", AccountKind.Cash, fundamentals: true).IsEnabled);
    }

    [Fact]
    public void A_strategy_disabled_in_the_settings_says_so()
    {
        var result = Check("gap_fill", AccountKind.Margin, change: s => s with { Enabled = false });

        Assert.Equal("gap_fill is disabled in the configuration (actortrader.strategies.gap_fill.enabled = false).", result.Reason);
    }
}
