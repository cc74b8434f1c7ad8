using ActorTrader.Node.Dashboard;

namespace ActorTrader.Node.Tests.Dashboard;

public sealed class IntradaySeriesTests
{
    // 14:30 UTC is 10:30 in New York (EDT) on 2024-07-01.
    private static readonly DateTimeOffset Morning = new(2024, 7, 1, 14, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Samples_are_kept_in_time_order_and_repeats_are_dropped()
    {
        var series = new IntradaySeries();
        series.Add(Morning, 100m);
        series.Add(Morning, 100m);
        series.Add(Morning.AddMinutes(1), 101m);
        series.Add(Morning.AddSeconds(30), 99m);

        Assert.Equal([100m, 101m], series.Samples.Select(s => s.Nav));
        Assert.Equal(new DateOnly(2024, 7, 1), series.Day);
    }

    [Fact]
    public void A_new_new_york_date_starts_a_new_series()
    {
        var series = new IntradaySeries();
        series.Add(Morning, 100m);
        // 03:00 UTC on 2 July is still 1 July in New York: the same day.
        series.Add(new DateTimeOffset(2024, 7, 2, 3, 0, 0, TimeSpan.Zero), 102m);
        Assert.Equal(2, series.Samples.Count);

        series.Add(new DateTimeOffset(2024, 7, 2, 13, 31, 0, TimeSpan.Zero), 103m);

        Assert.Equal(new DateOnly(2024, 7, 2), series.Day);
        Assert.Equal([103m], series.Samples.Select(s => s.Nav));
    }

    [Fact]
    public void A_flat_stretch_keeps_only_its_ends()
    {
        var series = new IntradaySeries();
        for (var i = 0; i < 10; i++) series.Add(Morning.AddSeconds(i), 100m);

        Assert.Equal([Morning, Morning.AddSeconds(9)], series.Samples.Select(s => s.At));
    }

    [Fact]
    public void A_long_day_is_thinned_below_the_capacity()
    {
        var series = new IntradaySeries();
        for (var i = 0; i < IntradaySeries.Capacity * 2; i++) series.Add(Morning.AddSeconds(i), 100m + i % 7);

        Assert.InRange(series.Samples.Count, IntradaySeries.Capacity / 2, IntradaySeries.Capacity);
        Assert.Equal(Morning.AddSeconds(IntradaySeries.Capacity * 2 - 1), series.Samples[^1].At);
    }
}
