using ActorTrader.Domain.Bars;

namespace ActorTrader.Data.Tests.Ingestion;

/// <summary>Daily weekday bars at UTC midnight with a gentle deterministic zig-zag, valid by construction.</summary>
internal static class TestBars
{
    public static readonly DateTimeOffset Monday = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Bars for every weekday with from ≤ day &lt; to.</summary>
    public static List<Bar> Weekdays(DateTimeOffset from, DateTimeOffset to, decimal start = 100m)
    {
        var bars = new List<Bar>();
        var close = start;
        var i = 0;
        for (var day = from; day < to; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
            var open = close;
            close = open * (i++ % 2 == 0 ? 1.01m : 0.995m);
            bars.Add(new Bar(day, open, Math.Max(open, close) + 0.5m, Math.Min(open, close) - 0.5m, close, 1_000_000m + i));
        }
        return bars;
    }

    public static Bar With(Bar bar, decimal? open = null, decimal? high = null, decimal? low = null, decimal? close = null, decimal? volume = null, DateTimeOffset? at = null) =>
        bar with
        {
            Open = open ?? bar.Open,
            High = high ?? bar.High,
            Low = low ?? bar.Low,
            Close = close ?? bar.Close,
            Volume = volume ?? bar.Volume,
            Timestamp = at ?? bar.Timestamp,
        };
}
