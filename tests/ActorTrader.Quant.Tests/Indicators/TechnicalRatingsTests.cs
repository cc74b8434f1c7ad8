using ActorTrader.Quant.Indicators;

namespace ActorTrader.Quant.Tests.Indicators;

public class TechnicalRatingsTests
{
    // Exponential growth 0.5% a bar, closing on the high: every MA lags below the close, momentum and MACD keep rising.
    private static PriceBars Growing(int n = 260, double rate = 0.005)
    {
        var close = Enumerable.Range(0, n).Select(i => 100 * Math.Pow(1 + rate, i)).ToArray();
        var low = close.Select(c => c * 0.98).ToArray();
        return new PriceBars(close, close, low, close, Enumerable.Repeat(1000.0, n).ToArray());
    }

    [Fact]
    public void Rising_prices_make_every_moving_average_vote_buy()
    {
        var ratings = TechnicalRatings.Compute(Growing());
        Assert.Equal(1, ratings.MovingAverages[^1], 12);
    }

    [Fact]
    public void Falling_prices_make_every_moving_average_vote_sell()
    {
        // Accelerating decline (concave): even the low-lag Hull MA, which extrapolates the recent slope, stays above the close.
        var close = Enumerable.Range(0, 260).Select(i => 200 - 0.002 * i * i).ToArray();
        var bars = new PriceBars(close, close.Select(c => c * 1.02).ToArray(), close, close, Enumerable.Repeat(1000.0, 260).ToArray());
        Assert.Equal(-1, TechnicalRatings.Compute(bars).MovingAverages[^1], 12);
    }

    [Fact]
    public void Overall_rating_is_the_mean_of_the_two_groups()
    {
        var r = TechnicalRatings.Compute(Growing());
        for (var i = 0; i < r.All.Count; i++)
        {
            if (double.IsNaN(r.MovingAverages[i]) || double.IsNaN(r.Oscillators[i])) Assert.True(double.IsNaN(r.All[i]));
            else Assert.Equal((r.MovingAverages[i] + r.Oscillators[i]) / 2, r.All[i], 12);
        }
    }

    [Fact]
    public void Ratings_stay_within_minus_one_and_one()
    {
        var close = Enumerable.Range(0, 300).Select(i => 100 + 10 * Math.Sin(i / 9.0) + 3 * Math.Sin(i / 2.3)).ToArray();
        var bars = new PriceBars(close, close.Select(c => c + 1).ToArray(), close.Select(c => c - 1).ToArray(), close,
            Enumerable.Range(0, 300).Select(i => 1000.0 + i % 13).ToArray());
        var r = TechnicalRatings.Compute(bars);
        foreach (var v in r.MovingAverages.Concat(r.Oscillators).Concat(r.All).Where(v => !double.IsNaN(v)))
            Assert.InRange(v, -1, 1);
        Assert.False(double.IsNaN(r.All[TechnicalRatings.BarsForAllVotes - 1]));
    }

    [Fact]
    public void Momentum_macd_and_ultimate_oscillator_vote_buy_in_accelerating_growth()
    {
        var votes = TechnicalRatings.OscillatorVotes(Growing());
        Assert.Equal(1, votes[5][^1]);  // momentum rising
        Assert.Equal(1, votes[6][^1]);  // MACD line above signal
        Assert.Equal(1, votes[10][^1]); // closing on the high: buying pressure = range → UO 100 > 70
        Assert.Equal(0, votes[0][^1]);  // RSI 100 is overbought but not falling: neutral
    }

    [Fact]
    public void Rsi_votes_buy_when_oversold_and_turning_up()
    {
        // 20 falls of 1 then a rise of 1: RSI(14) ≈ 7 (< 30) and above the previous bar's 0.
        var close = Enumerable.Range(0, 21).Select(i => 100.0 - i).Append(81.0).ToArray();
        var bars = new PriceBars(close, close, close, close, Enumerable.Repeat(1.0, close.Length).ToArray());
        var votes = TechnicalRatings.OscillatorVotes(bars);
        Assert.Equal(1, votes[0][^1]);
        Assert.Equal(0, votes[0][^2]); // still falling: RSI 0 is oversold but not rising
    }

    [Fact]
    public void Votes_before_an_indicator_warms_up_are_missing()
    {
        var votes = TechnicalRatings.MovingAverageVotes(Growing());
        Assert.True(double.IsNaN(votes[5][198]));  // SMA 200 first exists at index 199
        Assert.Equal(1, votes[5][199]);
    }

    [Theory]
    [InlineData(-0.8, RatingCategory.StrongSell)]
    [InlineData(-0.5, RatingCategory.Sell)]
    [InlineData(-0.2, RatingCategory.Sell)]
    [InlineData(-0.1, RatingCategory.Neutral)]
    [InlineData(0.1, RatingCategory.Neutral)]
    [InlineData(0.3, RatingCategory.Buy)]
    [InlineData(0.5, RatingCategory.Buy)]
    [InlineData(0.51, RatingCategory.StrongBuy)]
    public void Categories_follow_TradingViews_thresholds(double rating, RatingCategory expected)
    {
        Assert.Equal(expected, TechnicalRatings.Categorise(rating));
    }

    [Fact]
    public void Missing_rating_has_no_category()
    {
        Assert.Null(TechnicalRatings.Categorise(double.NaN));
    }
}
