using ActorTrader.Backtest.Market;
using ActorTrader.Backtest.Vectorised;
using ActorTrader.Domain.Instruments;
using ActorTrader.Quant.Portfolio;
using ActorTrader.Trading.Sleeves.Pipeline;

namespace ActorTrader.Trading.Tests.Sleeves.Pipeline;

public sealed class SleeveScheduleTests
{
    private static readonly Symbol Aaa = new("NYSE", "AAA");
    private static readonly Symbol Bbb = new("NYSE", "BBB");
    private static readonly ReturnAxis Axis = Streams.Axis(4, "AAA", "BBB");

    // Exposure per period (4 periods); raw = exposure × the asset's return, as aggregation makes it.
    private static readonly double[] LongAaaExposure = [0.0, 0.5, 1.0, 0.0]; // flat part of the time
    private static readonly double[] ShortBbbExposure = [1.0, 0.25, 0.0, 0.75]; // a short leg
    private static readonly double[] LongBbbExposure = [0.5, 0.5, 0.5, 0.5];

    private static CandidateStream Candidate(string strategy, Symbol symbol, CandidateDirection direction, double[] exposure, double current)
    {
        var returns = Axis.AssetReturns(Axis.Symbols.ToList().IndexOf(symbol)).ToArray();
        var raw = exposure.Select((e, k) => e * returns[k]).ToArray();
        return new CandidateStream(strategy, symbol, direction, raw, 0, exposure.Count(e => e > 0), 1, exposure, current);
    }

    private static SleeveLeg Leg(CandidateStream c) =>
        new(c, c.Direction == CandidateDirection.Long ? c.Raw.ToArray() : [.. c.Raw.ToArray().Select(r => r == 0 ? 0 : ShortLeg.Invert(r))]);

    private static readonly SleeveLeg[] Legs =
    [
        Leg(Candidate("mr", Aaa, CandidateDirection.Long, LongAaaExposure, 0.3)),
        Leg(Candidate("trend", Bbb, CandidateDirection.Short, ShortBbbExposure, 1.0)),
        Leg(Candidate("mom", Bbb, CandidateDirection.Long, LongBbbExposure, 0.0)),
    ];

    private static readonly PortfolioWeights Weights = new("test", [.. Legs.Select(l => l.Id)], [0.5, 0.3, 0.2]);

    [Fact]
    public void Each_row_is_the_sum_of_leg_weight_times_sign_times_the_exposure_held_over_the_next_period()
    {
        var schedule = SleevePortfolio.Of(Legs, Weights, 1, Axis).Schedule;

        Assert.Equal([Aaa, Bbb], schedule.Symbols);
        // Window from period 1: rows for decision bars 1..4; the last row is from the current exposures.
        double[][] expected =
        [
            [0.5 * 0.5, -0.3 * 0.25 + 0.2 * 0.5],
            [0.5 * 1.0, -0.3 * 0.0 + 0.2 * 0.5],
            [0.5 * 0.0, -0.3 * 0.75 + 0.2 * 0.5],
            [0.5 * 0.3, -0.3 * 1.0 + 0.2 * 0.0],
        ];
        Assert.Equal(expected.Length, schedule.Count);
        for (var t = 0; t < expected.Length; t++)
            Assert.Equal(expected[t], schedule.Weights[t], (a, b) => Math.Abs(a - b) < 1e-15);
    }

    [Fact]
    public void Row_t_is_dated_by_its_decision_bar_and_the_bar_after_it_is_the_date_of_the_return_it_earns()
    {
        var portfolio = SleevePortfolio.Of(Legs, Weights, 1, Axis);
        var schedule = portfolio.Schedule;

        Assert.Equal(portfolio.Returns.Count + 1, schedule.Count);
        Assert.Equal(Streams.Start.AddDays(1), schedule.Dates[0]);
        Assert.Equal(portfolio.Dates, schedule.Dates.Skip(1));
        for (var t = 0; t < portfolio.Returns.Count; t++)
        {
            var earned = schedule.Weights[t][0] * Axis.AssetReturns(0)[1 + t] + schedule.Weights[t][1] * Axis.AssetReturns(1)[1 + t];
            Assert.Equal(portfolio.Returns[t], earned, 1e-15);
        }
    }

    [Fact]
    public void The_last_row_is_the_target_to_hold_from_the_next_open()
    {
        var portfolio = SleevePortfolio.Of(Legs, Weights, 0, Axis);

        Assert.Equal(portfolio.TargetWeights.Values, portfolio.Schedule.Weights[^1]);
        Assert.Equal(portfolio.TargetWeights.Keys, portfolio.Schedule.Symbols);
    }

    [Fact]
    public void The_vectorised_simulator_on_the_schedule_without_costs_reproduces_the_sleeve_returns()
    {
        var portfolio = SleevePortfolio.Of(Legs, Weights, 1, Axis);
        var panel = Streams.Panel(4, "AAA", "BBB");
        var returns = ReturnsMatrix.FromPanel(panel).Slice(1, portfolio.Schedule.Count);

        var result = VectorisedSimulator.Run(returns, portfolio.Schedule.ToWeightsSchedule(returns.Symbols), new VectorisedOptions { CostBps = 0 });

        Assert.Equal(0.0, result.Returns[0]);
        Assert.Equal(portfolio.Returns, result.Returns.Skip(1), (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void As_a_weights_schedule_symbols_the_sleeve_does_not_hold_get_zero_and_a_missing_held_symbol_is_refused()
    {
        var schedule = SleevePortfolio.Of(Legs, Weights, 1, Axis).Schedule;
        var ccc = new Symbol("NYSE", "CCC");

        var expanded = schedule.ToWeightsSchedule([ccc, Bbb, Aaa]);

        Assert.Equal(schedule.Dates, expanded.Times);
        for (var t = 0; t < schedule.Count; t++)
            Assert.Equal([0.0, schedule.Weights[t][1], schedule.Weights[t][0]], expanded.Row(t).ToArray());
        var error = Assert.Throws<ArgumentException>(() => schedule.ToWeightsSchedule([Aaa, ccc]));
        Assert.Contains("NYSE:BBB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sample_keeps_at_most_the_rows_asked_for_spread_evenly_with_the_first_and_last()
    {
        var times = Enumerable.Range(0, 1234).Select(i => Streams.Start.AddDays(i)).ToList();
        var schedule = new SleeveSchedule(times, [Aaa], [.. times.Select((_, i) => (IReadOnlyList<double>)[i])]);

        var sample = schedule.Sample(500);

        Assert.Equal(500, sample.Count);
        Assert.Equal(times[0], sample.Dates[0]);
        Assert.Equal(times[^1], sample.Dates[^1]);
        Assert.True(sample.Dates.Zip(sample.Dates.Skip(1)).All(p => p.First < p.Second));
        // Each sampled row is the row of its date, and the gaps between picks differ by at most one row.
        Assert.All(sample.Dates.Select((d, k) => (d, k)), p => Assert.Equal(times.IndexOf(p.d), sample.Weights[p.k][0]));
        var gaps = sample.Weights.Zip(sample.Weights.Skip(1)).Select(p => p.Second[0] - p.First[0]).Distinct().ToList();
        Assert.InRange(gaps.Max() - gaps.Min(), 0, 1);
        Assert.Same(schedule, schedule.Sample(2000));
    }
}
