using ActorTrader.Domain.Bars;

namespace ActorTrader.Data.Providers.Synthetic;

/// <summary>
/// The 1-minute bars of one session, derived from its daily bar so both agree: the first minute opens at the
/// daily open, the last closes at the daily close, the highest minute high is the daily high, the lowest
/// minute low the daily low, and minute volumes add up to the daily volume exactly. The path between open and
/// close is a Brownian bridge (draws keyed by day and minute); volume follows a U-shaped intraday profile for
/// equities (heavy open and close) and a gentle wave peaking in the US/Europe overlap for crypto.
/// </summary>
internal static class SyntheticMinuteBars
{
    private const int MaxMinutesPerSession = 1440;
    private const double PathScale = 0.8;
    private const double WickScale = 0.5;
    private const double VolumeNoise = 0.4;
    private const double ClosingMinuteWeight = 2.0;

    public static void Append(SyntheticInstrument instrument, int day, in DailyShape daily, DateTimeOffset start, DateTimeOffset end, List<Bar> bars)
    {
        var session = instrument.Schedule.Day(day);
        var minutes = (int)((session.Close - session.Open).Ticks / TimeSpan.TicksPerMinute);
        if (minutes <= 0 || minutes > MaxMinutesPerSession)
            throw new InvalidOperationException($"Session {SyntheticTimeline.DateOf(day)} of {instrument.Symbol} lasts {minutes} minutes; expected 1..{MaxMinutesPerSession}.");

        var key = instrument.MinuteKey;
        var counterBase = (long)day * MaxMinutesPerSession * 2;
        var walk = new double[minutes + 1];
        var highWicks = new double[minutes];
        var lowWicks = new double[minutes];
        var weights = new double[minutes];
        for (var k = 0; k < minutes; k++)
        {
            var (step, highWick) = CounterRng.NormalPair(key, counterBase + (2L * k));
            var (lowWick, volumeDraw) = CounterRng.NormalPair(key, counterBase + (2L * k) + 1);
            walk[k + 1] = walk[k] + step;
            highWicks[k] = Math.Abs(highWick);
            lowWicks[k] = Math.Abs(lowWick);
            weights[k] = IntradayProfile(instrument, (k + 0.5) / minutes) * Math.Exp(VolumeNoise * volumeDraw);
        }
        if (!instrument.IsCrypto) weights[minutes - 1] *= ClosingMinuteWeight;

        // Bridge from the daily open to the daily close; points are clamped into the daily range.
        var decimals = instrument.PriceDecimals;
        var alpha = daily.DailySigma * PathScale / Math.Sqrt(minutes);
        var logPath = new double[minutes + 1];
        var points = new long[minutes + 1];
        for (var i = 0; i <= minutes; i++)
        {
            var t = (double)i / minutes;
            logPath[i] = daily.LogOpen + (t * (daily.LogClose - daily.LogOpen)) + (alpha * (walk[i] - (t * walk[minutes])));
            points[i] = Math.Clamp(PriceTicks.FromLog(logPath[i], decimals), daily.Low, daily.High);
        }
        points[0] = daily.Open;
        points[minutes] = daily.Close;

        var highs = new long[minutes];
        var lows = new long[minutes];
        int highest = 0, lowest = 0;
        for (var k = 0; k < minutes; k++)
        {
            var (open, close) = (points[k], points[k + 1]);
            var wickHigh = PriceTicks.FromLog(Math.Max(logPath[k], logPath[k + 1]) + (WickScale * alpha * highWicks[k]), decimals);
            var wickLow = PriceTicks.FromLog(Math.Min(logPath[k], logPath[k + 1]) - (WickScale * alpha * lowWicks[k]), decimals);
            highs[k] = Math.Min(daily.High, Math.Max(wickHigh, Math.Max(open, close)));
            lows[k] = Math.Max(daily.Low, Math.Min(wickLow, Math.Min(open, close)));
            if (highs[k] > highs[highest]) highest = k;
            if (lows[k] < lows[lowest]) lowest = k;
        }
        highs[highest] = daily.High;
        lows[lowest] = daily.Low;

        // Volume by cumulative rounding: Σ minute volumes telescopes to the daily volume exactly.
        var totalWeight = 0.0;
        foreach (var weight in weights) totalWeight += weight;
        var cumulativeWeight = 0.0;
        long allocated = 0;
        for (var k = 0; k < minutes; k++)
        {
            cumulativeWeight += weights[k];
            var upTo = k == minutes - 1 ? daily.Volume : Math.Min(daily.Volume, (long)Math.Floor(daily.Volume * (cumulativeWeight / totalWeight)));
            var volume = Math.Max(0, upTo - allocated);
            allocated += volume;

            var timestamp = session.Open.AddMinutes(k);
            if (timestamp < start || timestamp >= end) continue;
            var tradeCount = volume == 0 ? 0 : Math.Max(1, (long)Math.Round((double)daily.TradeCount * volume / daily.Volume));
            var (o, h, l, c) = (points[k], highs[k], lows[k], points[k + 1]);
            bars.Add(new Bar(
                timestamp,
                PriceTicks.ToDecimal(o, decimals),
                PriceTicks.ToDecimal(h, decimals),
                PriceTicks.ToDecimal(l, decimals),
                PriceTicks.ToDecimal(c, decimals),
                PriceTicks.ToDecimal(volume, instrument.VolumeDecimals),
                tradeCount,
                PriceTicks.ToDecimal((o + h + l + c) / 4, decimals)));
        }
    }

    // Relative trading intensity at session fraction t ∈ (0, 1).
    private static double IntradayProfile(SyntheticInstrument instrument, double t)
    {
        if (instrument.IsCrypto) return 1 + (0.35 * Math.Cos(2 * Math.PI * (t - 0.6)));
        var fromMiddle = (2 * t) - 1;
        return 1 + (2.2 * fromMiddle * fromMiddle);
    }
}
