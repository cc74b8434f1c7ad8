using ActorTrader.Quant.Forecasting;
using ActorTrader.Quant.Forecasting.Ssa;
using ActorTrader.Quant.Tests.Statistics;
using Xunit;

namespace ActorTrader.Quant.Tests.Forecasting;

public sealed class SsaTests
{
    [Fact]
    public void A_sinusoid_is_rank_2_and_its_recurrent_forecast_continues_it_exactly()
    {
        var x = Enumerable.Range(0, 200).Select(t => Math.Sin(2 * Math.PI * t / 12)).ToArray();

        var ssa = MultivariateSsa.Fit([x], 24, 2);
        var forecast = ssa.Forecast(x, 10);

        Assert.True(ssa.Subspace.ExplainedShare > 0.999);
        for (var h = 0; h < 10; h++) Assert.Equal(Math.Sin(2 * Math.PI * (200 + h) / 12), forecast[h], 8);
    }

    [Fact]
    public void A_linear_trend_is_forecast_exactly_with_rank_2()
    {
        var x = Enumerable.Range(0, 120).Select(t => 4.0 + 0.01 * t).ToArray();

        var fitted = new SsaModel(window: 20, rank: 2).Fit(x);
        var forecast = fitted.Forecast(x, 5);

        for (var h = 1; h <= 5; h++) Assert.Equal(4.0 + 0.01 * (119 + h), forecast.Path[h - 1], 9);
        Assert.Equal(0.05, forecast.ExpectedReturn, 9);
    }

    [Fact]
    public void The_forecast_continues_the_signal_from_the_last_close_instead_of_reverting_the_noise()
    {
        var x = Enumerable.Range(0, 120).Select(t => 4.0 + 0.01 * t).ToArray();
        var fitted = new SsaModel(window: 20, rank: 2).Fit(x);
        var shocked = x.ToArray();
        shocked[^1] += 0.05;

        var forecast = fitted.Forecast(shocked, 3);

        // The rank-2 signal moves 0.01 a bar; the shock on the last close is not forecast to vanish.
        Assert.Equal(shocked[^1], forecast.Path[0] - forecast.ExpectedReturn / 3, 2);
        Assert.InRange(forecast.ExpectedReturn, 0.02, 0.04);
    }

    [Fact]
    public void Recovers_the_period_of_a_noisy_cycle_through_its_forecast()
    {
        var normal = new SeededNormal(2);
        var x = Enumerable.Range(0, 600).Select(t => Math.Sin(2 * Math.PI * t / 20) + normal.Next(0, 0.3)).ToArray();

        var ssa = MultivariateSsa.Fit([x], 60, 2);
        var forecast = ssa.Forecast(x, 100);

        // The forecast is a clean cycle: its zero up-crossings are one period apart on average (20 ± 10 %).
        var crossings = Enumerable.Range(1, 99).Where(h => forecast[h - 1] < 0 && forecast[h] >= 0).ToArray();
        Assert.True(crossings.Length >= 4, string.Join(", ", forecast.Select(v => v.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.InRange((crossings[^1] - crossings[0]) / (double)(crossings.Length - 1), 18, 22);
    }

    [Fact]
    public void Mssa_forecasts_two_series_sharing_one_cycle_and_a_level_with_a_common_recurrence()
    {
        var a = Enumerable.Range(0, 150).Select(t => 5 + Math.Sin(2 * Math.PI * t / 10)).ToArray();
        var b = Enumerable.Range(0, 150).Select(t => -2 + 3 * Math.Cos(2 * Math.PI * t / 10)).ToArray();

        var mssa = MultivariateSsa.Fit([a, b], 20, 3); // a level and a cycle: rank 3

        var fa = mssa.Forecast(a, 5);
        var fb = mssa.Forecast(b, 5);
        for (var h = 0; h < 5; h++)
        {
            Assert.Equal(5 + Math.Sin(2 * Math.PI * (150 + h) / 10), fa[h], 8);
            Assert.Equal(-2 + 3 * Math.Cos(2 * Math.PI * (150 + h) / 10), fb[h], 8);
        }
    }

    [Fact]
    public void Change_point_is_flagged_near_a_change_of_frequency_and_not_on_a_stationary_cycle()
    {
        var normal = new SeededNormal(9);
        var steady = Enumerable.Range(0, 500).Select(t => Math.Sin(2 * Math.PI * t / 20) + normal.Next(0, 0.05)).ToArray();
        var changed = Enumerable.Range(0, 500).Select(t => (t < 300 ? Math.Sin(2 * Math.PI * t / 20) : Math.Sin(2 * Math.PI * t / 7)) + normal.Next(0, 0.05)).ToArray();

        var steadyFlags = SsaChangePoint.Flags(steady, 30, 2, 100, 20, threshold: 4);
        var changedFlags = SsaChangePoint.Flags(changed, 30, 2, 100, 20, threshold: 4);

        Assert.Empty(steadyFlags);
        Assert.Single(changedFlags);
        Assert.InRange(changedFlags[0], 300, 330);
    }

    [Fact]
    public void The_model_flags_its_forecast_when_the_latest_bars_broke_the_pattern()
    {
        var calm = Enumerable.Range(0, 400).Select(t => 4 + 0.05 * Math.Sin(2 * Math.PI * t / 20)).ToArray();
        var broken = calm.Select((v, t) => t < 385 ? v : v + 0.05 * Math.Sin(2 * Math.PI * t / 3)).ToArray();
        var model = new SsaModel(window: 30, rank: 2, changePointBase: 100, changePointTest: 10);

        Assert.Empty(model.Fit(calm).Forecast(calm, 5).Flags);
        Assert.Equal(["change-point"], model.Fit(broken).Forecast(broken, 5).Flags);
    }

    [Fact]
    public void Too_short_a_series_is_refused()
    {
        var error = Assert.Throws<ModelFitException>(() => new SsaModel(window: 40).Fit(new double[50]));
        Assert.Contains("at least 80", error.Message);
    }
}
