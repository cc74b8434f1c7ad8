using ActorTrader.Domain.Bars;

namespace ActorTrader.Data.Tests.Lakehouse.Support;

/// <summary>Daily bars for tests: a seeded random walk with prices on a cent grid starting 2020-01-02 05:00 UTC.</summary>
public static class Bars
{
    public static readonly DateTimeOffset Start = new(2020, 1, 2, 5, 0, 0, TimeSpan.Zero);

    public static Bar[] Daily(int count, int seed = 1, int firstDay = 0)
    {
        var random = new Random(seed);
        var bars = new Bar[count];
        var price = 100m + seed;
        for (var i = 0; i < count; i++)
        {
            var close = Math.Max(1m, price + Math.Round((decimal)(random.NextDouble() - 0.5) * 4, 2));
            var high = Math.Max(price, close) + Math.Round((decimal)random.NextDouble(), 2);
            var low = Math.Max(0.5m, Math.Min(price, close) - Math.Round((decimal)random.NextDouble(), 2));
            bars[i] = new Bar(Start.AddDays(firstDay + i), price, high, low, close, 1_000_000m + random.Next(500_000), random.Next(1000, 9000), Math.Round((price + close) / 2, 4));
            price = close;
        }

        return bars;
    }

    /// <summary>A bar at <paramref name="day"/> days after <see cref="Start"/> with every price equal to <paramref name="price"/>.</summary>
    public static Bar At(int day, decimal price = 10m) => new(Start.AddDays(day), price, price, price, price, 100m);
}
