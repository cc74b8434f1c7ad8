using ActorTrader.Backtest.Forecasting;

namespace ActorTrader.Backtest.Tests.Forecasting;

public sealed class ForecastScoringTests
{
    [Fact]
    public void Signal_performance_matches_hand_computed_values()
    {
        var (profitFactor, drawdown, sharpe) = ForecastScoring.SignalPerformance([0.10, -0.05, 0.02, -0.04], horizon: 1);

        Assert.Equal(0.12 / 0.09, profitFactor!.Value, 12);
        // Equity 1.1 → 1.045 → 1.0659 → 1.023264: the drawdown from 1.1 to 1.023264 is 6.976%.
        Assert.Equal(1 - 1.023264 / 1.1, drawdown!.Value, 12);
        // Mean 0.0075; squared deviations sum to 0.014275, so the sample sd is √(0.014275/3); × √252.
        Assert.Equal(0.0075 / Math.Sqrt(0.014275 / 3) * Math.Sqrt(252), sharpe!.Value, 10);
        Assert.Equal(Math.Sqrt(252.0 / 5) / Math.Sqrt(252), ForecastScoring.SignalPerformance([0.10, -0.05, 0.02, -0.04], 5).Sharpe!.Value / sharpe.Value, 12);
    }

    [Fact]
    public void Metrics_match_hand_computed_values_on_four_forecasts()
    {
        var day = new DateTime(2024, 1, 2, 21, 0, 0, DateTimeKind.Utc);
        OutOfSampleForecast[] forecasts =
        [
            new("A", day, Math.Log(100), 0.02, 0.01),
            new("A", day.AddDays(1), Math.Log(101), -0.01, 0.02),
            new("A", day.AddDays(2), Math.Log(103), 0.00001, -0.03),
            new("A", day.AddDays(3), Math.Log(100), 0.01, 0.005),
        ];

        var row = ForecastScoring.Score("m", "1", 1, forecasts, 0, [], null, null, TierThresholds.Default);

        Assert.Equal((0.01 + 0.03 + 0.03001 + 0.005) / 4, row.Mae!.Value, 12);
        Assert.Equal(Math.Sqrt((0.0001 + 0.0009 + 0.03001 * 0.03001 + 0.000025) / 4), row.Rmse!.Value, 12);
        Assert.Equal((0.01 + 0.02 + 0.03 + 0.005) / 4, row.NaiveMae!.Value, 12);
        // The third forecast is inside the dead band (flat): two hits of three directional forecasts.
        Assert.Equal(2.0 / 3, row.HitRate!.Value, 12);
        // sMAPE of the first: prices 100e^0.02 and 100e^0.01.
        var first = 2 * Math.Abs(Math.Exp(0.02) - Math.Exp(0.01)) / (Math.Exp(0.02) + Math.Exp(0.01));
        var second = 2 * Math.Abs(Math.Exp(-0.01) - Math.Exp(0.02)) / (Math.Exp(-0.01) + Math.Exp(0.02));
        var third = 2 * Math.Abs(Math.Exp(0.00001) - Math.Exp(-0.03)) / (Math.Exp(0.00001) + Math.Exp(-0.03));
        var fourth = 2 * Math.Abs(Math.Exp(0.01) - Math.Exp(0.005)) / (Math.Exp(0.01) + Math.Exp(0.005));
        Assert.Equal(100 * (first + second + third + fourth) / 4, row.Smape!.Value, 10);
        // Signal returns: long +e^0.01−1, short −(e^0.02−1), flat 0, long e^0.005−1.
        Assert.Equal((Math.Exp(0.01) - 1 + Math.Exp(0.005) - 1) / (Math.Exp(0.02) - 1), row.ProfitFactor!.Value, 12);
        Assert.Equal(ValidationTier.Red, row.Tier);
        Assert.Contains(row.Reasons, r => r.Contains("only 4 out-of-sample forecasts", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0.01, 0.55, 1.0, ValidationTier.Green)]
    [InlineData(0.10, 0.55, 1.0, ValidationTier.Yellow)]
    [InlineData(0.01, 0.51, 1.0, ValidationTier.Yellow)]
    [InlineData(0.01, 0.55, 0.2, ValidationTier.Yellow)]
    [InlineData(0.30, 0.55, 1.0, ValidationTier.Red)]
    [InlineData(0.01, 0.49, 1.0, ValidationTier.Red)]
    [InlineData(0.01, 0.55, -0.1, ValidationTier.Red)]
    public void Tiers_follow_the_configured_thresholds(double dmPValue, double hitRate, double sharpe, ValidationTier expected)
    {
        var (tier, reasons) = ForecastScoring.Tier(500, new TestSummary(-3, dmPValue), hitRate, sharpe, TierThresholds.Default);

        Assert.Equal(expected, tier);
        Assert.Equal(expected == ValidationTier.Green, reasons.Count == 0);
    }

    [Fact]
    public void Thresholds_come_from_settings_not_constants()
    {
        var strict = TierThresholds.Default with { GreenMinSharpe = 2.0 };

        Assert.Equal(ValidationTier.Green, ForecastScoring.Tier(500, new TestSummary(-3, 0.01), 0.55, 1.5, TierThresholds.Default).Tier);
        var (tier, reasons) = ForecastScoring.Tier(500, new TestSummary(-3, 0.01), 0.55, 1.5, strict);
        Assert.Equal(ValidationTier.Yellow, tier);
        Assert.Equal("not GREEN: signal Sharpe 1.5 is below 2", Assert.Single(reasons));
    }
}
