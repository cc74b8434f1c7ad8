namespace ActorTrader.Quant.Indicators;

/// <summary>TradingView-style technical ratings per bar, each in [−1, 1]; NaN where no vote is available yet.</summary>
/// <param name="MovingAverages">Recommend.MA: mean of the moving-average votes.</param>
/// <param name="Oscillators">Recommend.Other: mean of the oscillator votes.</param>
/// <param name="All">Recommend.All: mean of the two group ratings; NaN until both groups have a rating.</param>
public sealed record TechnicalRatingsResult(IReadOnlyList<double> MovingAverages, IReadOnlyList<double> Oscillators, IReadOnlyList<double> All);

/// <summary>
/// TradingView's technical ratings (Recommend.MA / Recommend.Other / Recommend.All) recomputed from OHLCV.
/// <para>
/// Rules follow TradingView's published criteria, "Technical Ratings" help page
/// (https://www.tradingview.com/support/solutions/43000614331-technical-ratings/), where "rising"/"falling" compare with the
/// previous bar, and the screener rules re-implemented by python-tradingview-ta (technicals.py, MIT). Each indicator votes
/// +1 buy, −1 sell, 0 neutral; a group rating is the mean of the votes AVAILABLE on that bar (an indicator still in its
/// warm-up does not vote), so ratings before bar <see cref="BarsForAllVotes"/> rest on fewer votes.
/// </para>
/// <para>Moving averages (15 votes, +1 when the MA is below the close, −1 above, 0 equal): SMA and EMA 10, 20, 30, 50, 100, 200;
/// Ichimoku base line (26); VWMA 20; Hull MA 9.</para>
/// <para>Oscillators (11 votes):
/// RSI(14) buy &lt; 30 and rising, sell &gt; 70 and falling;
/// Stochastic(14, 3, 3) buy K and D &lt; 20 and K crosses over D, sell K and D &gt; 80 and K crosses under D;
/// CCI(20) buy &lt; −100 and rising, sell &gt; 100 and falling;
/// ADX(14) buy ADX &gt; 20 and +DI crosses over −DI, sell ADX &gt; 20 and +DI crosses under −DI;
/// Awesome Oscillator buy on a zero-line cross up or a bullish saucer above 0 (AO &gt; AO[1] &lt; AO[2]), sell mirrored;
/// Momentum(10) buy rising, sell falling; MACD(12, 26, 9) buy line &gt; signal, sell line &lt; signal;
/// Stochastic RSI(3, 3, 14, 14) buy in a downtrend with K and D &lt; 20 and K crossing over D, sell in an uptrend with K and D &gt; 80 and K crossing under D;
/// Williams %R(14) buy &lt; −80 and rising, sell &gt; −20 and falling;
/// Bull Bear Power(13) buy in an uptrend with bear power &lt; 0 and rising, sell in a downtrend with bull power &gt; 0 and falling;
/// Ultimate Oscillator(7, 14, 28) buy &gt; 70, sell &lt; 30.</para>
/// <para>Our choices where the public text is vague or differs from the brief:
/// (1) Ichimoku votes as a moving average on its base line (kijun-sen): this project's brief asks for that; TradingView's help page
/// instead describes a cloud rule (base line, conversion-line cross, lead lines) which we do not reproduce.
/// (2) "Uptrend"/"downtrend" for Stochastic RSI and Bull Bear Power = close above/below SMA(50) of the close; TradingView does
/// not publish its trend filter.
/// (3) A "cross over" means A &gt; B now and A ≤ B on the previous bar (Pine's ta.crossover).
/// (4) CCI uses the typical price (H + L + C)/3 as Lambert defined it.
/// (5) Recommend.All averages the two group ratings with equal weight (TradingView's default 50% weight).</para>
/// </summary>
public static class TechnicalRatings
{
    /// <summary>From this bar count on, every one of the 26 indicators votes (the 200-bar moving averages are the slowest).</summary>
    public const int BarsForAllVotes = 200;

    private static readonly int[] MaLengths = [10, 20, 30, 50, 100, 200];

    /// <summary>Maps a rating to its label: Strong Sell &lt; −0.5 ≤ Sell &lt; −0.1 ≤ Neutral ≤ 0.1 &lt; Buy ≤ 0.5 &lt; Strong Buy; null for NaN.</summary>
    public static RatingCategory? Categorise(double rating)
    {
        if (double.IsNaN(rating)) return null;
        if (rating < -0.5) return RatingCategory.StrongSell;
        if (rating < -0.1) return RatingCategory.Sell;
        if (rating <= 0.1) return RatingCategory.Neutral;
        return rating <= 0.5 ? RatingCategory.Buy : RatingCategory.StrongBuy;
    }

    /// <summary>Computes the three ratings at every bar.</summary>
    public static TechnicalRatingsResult Compute(PriceBars bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var ma = MovingAverageVotes(bars);
        var osc = OscillatorVotes(bars);
        var maRating = MeanVotes(ma, bars.Count);
        var oscRating = MeanVotes(osc, bars.Count);
        var all = new double[bars.Count];
        for (var i = 0; i < all.Length; i++) all[i] = (maRating[i] + oscRating[i]) / 2; // NaN unless both exist
        return new TechnicalRatingsResult(maRating, oscRating, all);
    }

    /// <summary>The 15 moving-average vote series (+1/−1/0, NaN in warm-up), in the order listed on the class.</summary>
    internal static List<double[]> MovingAverageVotes(PriceBars bars)
    {
        var close = bars.Close;
        var votes = new List<double[]>();
        foreach (var n in MaLengths) votes.Add(PriceVersusAverage(close, Rolling.Sma(close, n)));
        foreach (var n in MaLengths) votes.Add(PriceVersusAverage(close, Rolling.Ema(close, n)));
        votes.Add(PriceVersusAverage(close, Ichimoku.BaseLine(bars.High, bars.Low)));
        votes.Add(PriceVersusAverage(close, MovingAverage.VolumeWeighted(close, bars.Volume, 20)));
        votes.Add(PriceVersusAverage(close, MovingAverage.Hull(close, 9)));
        return votes;
    }

    /// <summary>The 11 oscillator vote series, in the order listed on the class.</summary>
    internal static List<double[]> OscillatorVotes(PriceBars bars)
    {
        var h = bars.High;
        var l = bars.Low;
        var c = bars.Close;
        var n = bars.Count;
        var rsi = RelativeStrengthIndex.FromCloses(c, 14);
        var stoch = Stochastic.Compute(h, l, c, 14, 3, 3);
        var cci = CommodityChannelIndex.Compute(h, l, c, 20);
        var dmi = DirectionalMovement.Compute(h, l, c, 14);
        var ao = AwesomeOscillator.Compute(h, l);
        var mom = PriceChange.Momentum(c, 10);
        var macd = Macd.Compute(c, 12, 26, 9);
        var srsi = StochasticRsi.Compute(c, 3, 3, 14, 14);
        var wr = WilliamsPercentRange.Compute(h, l, c, 14);
        var bbp = BullBearPower.Compute(h, l, c, 13);
        var uo = UltimateOscillator.Compute(h, l, c, 7, 14, 28);
        var trend = Rolling.Sma(c, 50);

        var votes = new List<double[]>();
        for (var k = 0; k < 11; k++) votes.Add(IndicatorGuard.NaNs(n));
        for (var i = 1; i < n; i++)
        {
            var j = i - 1;
            votes[0][i] = Vote(rsi[i] < 30 && rsi[j] < rsi[i], rsi[i] > 70 && rsi[j] > rsi[i], rsi[i], rsi[j]);
            var (k0, d0, k1, d1) = (stoch.K[i], stoch.D[i], stoch.K[j], stoch.D[j]);
            votes[1][i] = Vote(k0 < 20 && d0 < 20 && k0 > d0 && k1 <= d1, k0 > 80 && d0 > 80 && k0 < d0 && k1 >= d1, k0, d0, k1, d1);
            votes[2][i] = Vote(cci[i] < -100 && cci[i] > cci[j], cci[i] > 100 && cci[i] < cci[j], cci[i], cci[j]);
            var (p0, m0, p1, m1, adx) = (dmi.PlusDI[i], dmi.MinusDI[i], dmi.PlusDI[j], dmi.MinusDI[j], dmi.Adx[i]);
            votes[3][i] = Vote(adx > 20 && p0 > m0 && p1 <= m1, adx > 20 && p0 < m0 && p1 >= m1, p0, m0, p1, m1, adx);
            if (i >= 2)
            {
                var (a0, a1, a2) = (ao[i], ao[j], ao[i - 2]);
                votes[4][i] = Vote(
                    (a0 > 0 && a1 <= 0) || (a0 > 0 && a1 > 0 && a0 > a1 && a2 > a1),
                    (a0 < 0 && a1 >= 0) || (a0 < 0 && a1 < 0 && a0 < a1 && a2 < a1),
                    a0, a1, a2);
            }
            votes[5][i] = Vote(mom[i] > mom[j], mom[i] < mom[j], mom[i], mom[j]);
            votes[6][i] = Vote(macd.Line[i] > macd.Signal[i], macd.Line[i] < macd.Signal[i], macd.Line[i], macd.Signal[i]);
            var up = c[i] > trend[i];
            var down = c[i] < trend[i];
            var (sk0, sd0, sk1, sd1) = (srsi.K[i], srsi.D[i], srsi.K[j], srsi.D[j]);
            votes[7][i] = Vote(down && sk0 < 20 && sd0 < 20 && sk0 > sd0 && sk1 <= sd1, up && sk0 > 80 && sd0 > 80 && sk0 < sd0 && sk1 >= sd1,
                sk0, sd0, sk1, sd1, trend[i]);
            votes[8][i] = Vote(wr[i] < -80 && wr[i] > wr[j], wr[i] > -20 && wr[i] < wr[j], wr[i], wr[j]);
            var (bear0, bear1, bull0, bull1) = (bbp.BearPower[i], bbp.BearPower[j], bbp.BullPower[i], bbp.BullPower[j]);
            votes[9][i] = Vote(up && bear0 < 0 && bear0 > bear1, down && bull0 > 0 && bull0 < bull1, bear0, bear1, bull0, bull1, trend[i]);
            votes[10][i] = Vote(uo[i] > 70, uo[i] < 30, uo[i]);
        }
        return votes;
    }

    private static double[] PriceVersusAverage(ReadOnlySpan<double> close, double[] average)
    {
        var v = IndicatorGuard.NaNs(close.Length);
        for (var i = 0; i < v.Length; i++)
        {
            if (!double.IsNaN(average[i])) v[i] = Math.Sign(close[i] - average[i]);
        }
        return v;
    }

    // NaN (no vote) unless every input the rule reads is available on this bar.
    private static double Vote(bool buy, bool sell, params ReadOnlySpan<double> inputs)
    {
        foreach (var x in inputs) if (double.IsNaN(x)) return double.NaN;
        return buy ? 1 : sell ? -1 : 0;
    }

    private static double[] MeanVotes(List<double[]> votes, int length)
    {
        var rating = IndicatorGuard.NaNs(length);
        for (var i = 0; i < length; i++)
        {
            double sum = 0;
            var count = 0;
            foreach (var v in votes)
            {
                if (double.IsNaN(v[i])) continue;
                sum += v[i];
                count++;
            }
            if (count > 0) rating[i] = sum / count;
        }
        return rating;
    }
}
