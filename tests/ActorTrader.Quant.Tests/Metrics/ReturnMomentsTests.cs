using ActorTrader.Quant.Returns;
using ActorTrader.Quant.Metrics;

namespace ActorTrader.Quant.Tests.Metrics;

public class ReturnMomentsTests
{
    // Hand: mean 0.0125; squared deviations 6.25e-6 + 5.625e-5 + 5.0625e-4 + 3.0625e-4 = 8.75e-4; /3 → sd 0.017078251.
    private static readonly double[] Four = [0.01, 0.02, -0.01, 0.03];

    [Fact]
    public void Standard_deviation_is_the_sample_one()
    {
        Assert.Equal(Math.Sqrt(8.75e-4 / 3), ReturnMoments.StandardDeviation(Four), 1e-15);
    }

    [Fact]
    public void Volatility_scales_by_the_square_root_of_periods_per_year()
    {
        Assert.Equal(0.017078251276599333 * Math.Sqrt(252), ReturnMoments.Volatility(Four), 1e-12);
        Assert.Equal(0.017078251276599333 * Math.Sqrt(365), ReturnMoments.Volatility(Four, PeriodsPerYear.CalendarDays), 1e-12);
    }

    [Fact]
    public void Missing_returns_are_dropped()
    {
        Assert.Equal(0.0125, ReturnMoments.Mean([0.01, double.NaN, 0.02, -0.01, double.NaN, 0.03]), 1e-15);
    }

    [Fact]
    public void Annualised_return_compounds_over_the_observed_periods()
    {
        // 1.1 × 0.9 = 0.99 over two periods with two periods a year → −1% a year.
        Assert.Equal(-0.01, ReturnMoments.AnnualisedReturn([0.1, -0.1], 2), 1e-12);
        // Four periods of 1% with 12 a year: 1.01^12 − 1.
        Assert.Equal(Math.Pow(1.01, 12) - 1, ReturnMoments.AnnualisedReturn([0.01, 0.01, 0.01, 0.01], 12), 1e-12);
    }

    [Fact]
    public void Skewness_matches_the_published_Excel_SKEW_example()
    {
        // Microsoft's SKEW documentation: SKEW(3,4,5,2,3,4,5,6,4,7) = 0.359543 (same convention as pandas Series.skew).
        Assert.Equal(0.359543, ReturnMoments.Skewness([3, 4, 5, 2, 3, 4, 5, 6, 4, 7]), 6);
    }

    [Fact]
    public void Excess_kurtosis_matches_the_published_Excel_KURT_example()
    {
        // Microsoft's KURT documentation: KURT(3,4,5,2,3,4,5,6,4,7) = -0.151799637 (pandas Series.kurt convention).
        Assert.Equal(-0.151799637, ReturnMoments.ExcessKurtosis([3, 4, 5, 2, 3, 4, 5, 6, 4, 7]), 8);
    }

    [Fact]
    public void Skewness_of_a_mirrored_series_changes_sign()
    {
        double[] x = [0.01, 0.05, -0.02, 0.0, 0.12, -0.03];
        var mirrored = x.Select(v => -v).ToArray();
        Assert.Equal(-ReturnMoments.Skewness(x), ReturnMoments.Skewness(mirrored), 12);
    }

    [Fact]
    public void Empty_input_names_the_parameter()
    {
        var e = Assert.Throws<ArgumentException>(() => ReturnMoments.Mean([]));
        Assert.Equal("returns", e.ParamName);
    }

    [Fact]
    public void All_missing_input_names_the_parameter()
    {
        var e = Assert.Throws<ArgumentException>(() => ReturnMoments.Volatility([double.NaN, double.NaN]));
        Assert.Equal("returns", e.ParamName);
        Assert.Contains("NaN", e.Message, StringComparison.Ordinal);
    }
}
