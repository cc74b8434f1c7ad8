using ActorTrader.Domain.Instruments;
using ActorTrader.Hocon;
using ActorTrader.Hosting.Configuration;
using ActorTrader.Trading.Risk;
using ActorTrader.Trading.Risk.Actions;
using ActorTrader.Trading.Risk.Monitoring;

namespace ActorTrader.Trading.Tests.Risk;

/// <summary><c>actortrader.risk</c> read through the problem log: defaults, overrides and every problem with its fix.</summary>
public sealed class RiskSettingsTests
{
    private static (RiskSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(string risk) =>
        RiskSettings.Read(ConfigurationFactory.ParseString($"actortrader.risk {{\n{risk}\n}}", new HoconParseOptions { SourceName = "node.conf" }));

    /// <summary>The settings with their lists taken out, so record equality compares the scalars.</summary>
    private static RiskSettings WithoutLists(RiskSettings s) =>
        s with { CircuitBreakers = Array.Empty<CircuitBreaker>(), AllowList = Array.Empty<Symbol>(), DenyList = Array.Empty<Symbol>() };

    [Fact]
    public void Reference_conf_gives_the_default_settings()
    {
        var (settings, problems) = RiskSettings.Read(ReferenceConfig.Load(new Dictionary<string, string?>()));

        Assert.Empty(problems);
        Assert.Equal(WithoutLists(RiskSettings.Default), WithoutLists(settings));
        Assert.Equal(RiskSettings.Default.CircuitBreakers, settings.CircuitBreakers);
        Assert.Empty(settings.AllowList);
        Assert.Empty(settings.DenyList);
    }

    [Fact]
    public void Keys_left_out_take_the_defaults()
    {
        var (settings, problems) = Read("");

        Assert.Empty(problems);
        Assert.Equal(0.02m, settings.MaxOrderWeight);
        Assert.Equal(RiskSettings.Default.CircuitBreakers, settings.CircuitBreakers);
    }

    [Fact]
    public void Configured_limits_lists_and_breakers_are_read()
    {
        var (settings, problems) = Read("""
            max-order-weight = 0.05
            max-trades-per-day = 20
            deny-list = ["nasdaq:tsla"]
            allow-when-market-closed = on
            new-day-resume = reducing
            circuit-breakers.drawdown { tighten-stops = 0, halt = 0.25 }
            """);

        Assert.Empty(problems);
        Assert.Equal(0.05m, settings.MaxOrderWeight);
        Assert.Equal(20, settings.MaxTradesPerDay);
        Assert.Equal([Symbol.Parse("NASDAQ:TSLA")], settings.DenyList);
        Assert.True(settings.AllowWhenMarketClosed);
        Assert.Equal(NewDayResume.Reducing, settings.NewDayResume);
        Assert.Equal(
            ["drawdown.reduce-positions", "drawdown.close-all-positions", "drawdown.halt"],
            settings.CircuitBreakers.Where(b => b.Measure == RiskMeasure.Drawdown).Select(b => b.Name));
        Assert.Contains(new CircuitBreaker(RiskMeasure.Drawdown, 0.25m, RiskAction.Halt), settings.CircuitBreakers);
    }

    [Fact]
    public void An_out_of_range_weight_is_reported_at_its_line_with_the_range_and_falls_back_to_the_default()
    {
        var (settings, problems) = Read("max-position-weight = -0.05");

        var problem = Assert.Single(problems);
        Assert.Equal("actortrader.risk.max-position-weight", problem.Key);
        Assert.Equal(2, problem.Position?.Line);
        Assert.Equal("actortrader.risk.max-position-weight = -0.05 is out of range: the largest weight of one position must be greater than 0 and at most 1.", problem.Message);
        Assert.Equal("Set actortrader.risk.max-position-weight to a value greater than 0 and at most 1, e.g. the default in hocon/reference.conf.", problem.Fix);
        Assert.Equal(0.10m, settings.MaxPositionWeight);
    }

    [Fact]
    public void The_retry_cap_and_the_attempts_of_automatic_actions_are_read()
    {
        var (settings, problems) = Read("""
            action-retry-max-interval = 2m
            action-max-attempts = 3
            """);

        Assert.Empty(problems);
        Assert.Equal((TimeSpan.FromMinutes(2), 3), (settings.ActionRetryMaxInterval, settings.ActionMaxAttempts));
    }

    [Fact]
    public void Action_max_attempts_out_of_range_is_reported_and_falls_back_to_the_default()
    {
        var (settings, problems) = Read("action-max-attempts = 0");

        Assert.Equal("actortrader.risk.action-max-attempts", Assert.Single(problems).Key);
        Assert.Equal(RiskSettings.Default.ActionMaxAttempts, settings.ActionMaxAttempts);
    }

    [Fact]
    public void A_retry_cap_shorter_than_the_first_wait_is_reported()
    {
        var (settings, problems) = Read("""
            action-resend-interval = 30s
            action-retry-max-interval = 10s
            """);

        Assert.Equal("actortrader.risk.action-retry-max-interval", Assert.Single(problems).Key);
        Assert.Equal(RiskSettings.Default.ActionRetryMaxInterval, settings.ActionRetryMaxInterval);
    }

    [Fact]
    public void A_mistyped_value_is_reported()
    {
        var (_, problems) = Read("max-trades-per-day = many");

        Assert.Equal("actortrader.risk.max-trades-per-day", Assert.Single(problems).Key);
    }

    [Fact]
    public void A_list_entry_that_is_not_a_symbol_is_reported_with_the_format()
    {
        var (settings, problems) = Read("allow-list = [\"AAPL\", \"NASDAQ:MSFT\"]");

        var problem = Assert.Single(problems);
        Assert.StartsWith("actortrader.risk.allow-list has \"AAPL\", which is not a symbol", problem.Message, StringComparison.Ordinal);
        Assert.Equal([Symbol.Parse("NASDAQ:MSFT")], settings.AllowList);
    }

    [Fact]
    public void A_severe_action_at_a_lower_loss_than_a_milder_one_is_reported()
    {
        var (_, problems) = Read("circuit-breakers.daily-loss { reduce-positions = 0.05, halt = 0.04 }");

        var problem = Assert.Single(problems);
        Assert.Equal("actortrader.risk.circuit-breakers.daily-loss.halt", problem.Key);
        Assert.Equal("actortrader.risk.circuit-breakers.daily-loss.halt = 0.04 is not above actortrader.risk.circuit-breakers.daily-loss.reduce-positions = 0.05, so reduce-positions could never trip first.", problem.Message);
    }

    [Fact]
    public void A_breaker_level_of_one_or_more_is_reported()
    {
        var (_, problems) = Read("circuit-breakers.drawdown.halt = 1.5");

        Assert.Equal("actortrader.risk.circuit-breakers.drawdown.halt", Assert.Single(problems).Key);
    }

    [Fact]
    public void An_unknown_new_day_resume_is_reported_with_the_choices()
    {
        var (settings, problems) = Read("new-day-resume = sometimes");

        Assert.Contains("is not one of off, reducing, all", Assert.Single(problems).Message, StringComparison.Ordinal);
        Assert.Equal(NewDayResume.Off, settings.NewDayResume);
    }
}
