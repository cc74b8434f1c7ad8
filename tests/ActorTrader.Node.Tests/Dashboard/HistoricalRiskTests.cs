using ActorTrader.Node.Dashboard;

namespace ActorTrader.Node.Tests.Dashboard;

public sealed class HistoricalRiskTests
{
    [Fact]
    public void Returns_are_simple_daily_returns_of_consecutive_navs()
    {
        var returns = HistoricalRisk.Returns([100m, 110m, 99m]);

        Assert.Equal([0.1, -0.1], returns.Select(r => Math.Round(r, 12)));
    }

    [Fact]
    public void Var_and_cvar_at_95_percent_are_the_worst_five_percent_of_forty_days_at_todays_nav()
    {
        // 40 returns: the worst 2 (5%) are -4% and -2%; VaR is the second worst, CVaR their mean.
        var returns = Enumerable.Repeat(0.01, 38).Append(-0.04).Append(-0.02).ToList();

        var tail = HistoricalRisk.TailLoss(returns, 200_000m);

        Assert.NotNull(tail);
        Assert.Equal(4_000m, tail.Value.ValueAtRisk);
        Assert.Equal(6_000m, tail.Value.ExpectedShortfall);
    }

    [Fact]
    public void Tail_loss_needs_twenty_returns()
    {
        Assert.Null(HistoricalRisk.TailLoss(Enumerable.Repeat(-0.01, 19).ToList(), 1_000m));
        Assert.NotNull(HistoricalRisk.TailLoss(Enumerable.Repeat(-0.01, 20).ToList(), 1_000m));
    }

    [Fact]
    public void A_history_of_gains_has_no_value_at_risk()
    {
        var tail = HistoricalRisk.TailLoss(Enumerable.Repeat(0.01, 30).ToList(), 1_000m);

        Assert.Equal(0m, tail!.Value.ValueAtRisk);
    }

    [Fact]
    public void Max_drawdown_is_the_deepest_fall_from_a_running_peak()
    {
        Assert.Equal(0.25, HistoricalRisk.MaxDrawdown([100m, 120m, 90m, 110m, 95m]), 12);
        Assert.Equal(0, HistoricalRisk.MaxDrawdown([100m, 101m, 102m]));
    }

    [Fact]
    public void Beta_of_a_portfolio_that_moves_twice_the_benchmark_is_two_on_the_common_dates()
    {
        var start = new DateOnly(2024, 1, 1);
        var benchmark = new Dictionary<DateOnly, decimal>();
        var portfolio = new List<(DateOnly, decimal)>();
        decimal b = 100m, p = 1_000m;
        var moves = new[] { 0.01m, -0.02m, 0.015m, 0.005m, -0.01m };
        for (var i = 0; i < 40; i++)
        {
            var date = start.AddDays(i);
            benchmark[date] = b;
            portfolio.Add((date, p));
            var move = moves[i % moves.Length];
            b *= 1m + move;
            p *= 1m + 2m * move;
        }
        // A portfolio date without a benchmark close is left out, not misaligned.
        portfolio.Insert(10, (start.AddDays(1000), 5m));

        var beta = HistoricalRisk.Beta(portfolio.OrderBy(x => x.Item1).ToList(), benchmark);

        Assert.NotNull(beta);
        Assert.Equal(2.0, beta.Value, 6);
    }

    [Fact]
    public void Beta_is_unknown_with_too_few_common_dates()
    {
        var benchmark = new Dictionary<DateOnly, decimal> { [new DateOnly(2024, 1, 1)] = 1m, [new DateOnly(2024, 1, 2)] = 2m };

        Assert.Null(HistoricalRisk.Beta([(new DateOnly(2024, 1, 1), 1m), (new DateOnly(2024, 1, 2), 3m)], benchmark));
    }
}
