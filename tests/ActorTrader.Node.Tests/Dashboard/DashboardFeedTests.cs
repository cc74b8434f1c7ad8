using System.Text.Json;
using ActorTrader.Hosting.Management;
using ActorTrader.Node.Dashboard;
using Serilog;

namespace ActorTrader.Node.Tests.Dashboard;

public sealed class DashboardFeedTests
{
    private sealed class CountingSource : IDashboardSource
    {
        public int Reads { get; private set; }

        public List<PortfolioDailyView> Rows { get; } = [];

        public Task<DashboardData> ReadAsync(CancellationToken cancellationToken)
        {
            Reads++;
            var nav = 1_000m + Reads;
            var pnl = new PnlResponse("acct", new DateTimeOffset(2024, 7, 1, 14, 30, Reads, TimeSpan.Zero), nav, 500m, 1m, 2m, 0.5m, 3m, 400m, 100m, Reads, [.. Rows]);
            return Task.FromResult(new DashboardData(new DashboardNode("n", ["trader"], "1", 1, false, null, null, null), DateTimeOffset.UnixEpoch) { Pnl = pnl });
        }
    }

    private static DashboardFeed Feed(CountingSource source) => new(source, TimeSpan.FromSeconds(1), TimeProvider.System, new LoggerConfiguration().CreateLogger());

    [Fact]
    public async Task Each_refresh_is_a_newer_snapshot_and_next_waits_for_one_newer_than_asked()
    {
        var source = new CountingSource();
        using var feed = Feed(source);
        var first = await feed.RefreshAsync(CancellationToken.None);

        var waiting = feed.NextAsync(first.Snapshot.Sequence, CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        var second = await feed.RefreshAsync(CancellationToken.None);

        Assert.Same(second, await waiting);
        Assert.Equal(first.Snapshot.Sequence + 1, second.Snapshot.Sequence);
        Assert.Same(second, await feed.NextAsync(0, CancellationToken.None));
    }

    [Fact]
    public async Task The_published_json_carries_money_as_exact_invariant_strings()
    {
        var source = new CountingSource();
        using var feed = Feed(source);

        var published = await feed.RefreshAsync(CancellationToken.None);

        using var json = JsonDocument.Parse(published.Json);
        Assert.Equal("1001", json.RootElement.GetProperty("money").GetProperty("nav").GetString());
        Assert.Equal("0.5", json.RootElement.GetProperty("money").GetProperty("fees").GetString());
    }

    [Fact]
    public async Task The_equity_chart_is_drawn_again_only_when_the_daily_history_changed()
    {
        var source = new CountingSource();
        source.Rows.Add(new PortfolioDailyView("2024-06-28", 1000m, 500m, 0m, 0m, 0m, 1));
        using var feed = Feed(source);
        await feed.RefreshAsync(CancellationToken.None);
        var chart = feed.EquityChart("1y");
        await feed.RefreshAsync(CancellationToken.None);
        Assert.Same(chart, feed.EquityChart("1y"));

        source.Rows.Add(new PortfolioDailyView("2024-07-01", 1010m, 500m, 10m, 0m, 0m, 1));
        await feed.RefreshAsync(CancellationToken.None);

        Assert.NotEqual(chart, feed.EquityChart("1y"));
    }

    [Fact]
    public async Task The_equity_ranges_cut_the_history_at_30_90_and_365_days_before_the_last_row()
    {
        var source = new CountingSource();
        var last = new DateOnly(2024, 12, 31);
        for (var i = 400; i >= 0; i--) source.Rows.Add(new PortfolioDailyView(last.AddDays(-i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), 1000m + i, 0m, 0m, 0m, 0m, 0));
        using var feed = Feed(source);
        await feed.RefreshAsync(CancellationToken.None);

        Assert.Equal(30, Points(feed.EquityChart("30d")));
        Assert.Equal(90, Points(feed.EquityChart("90d")));
        Assert.Equal(365, Points(feed.EquityChart("1y")));
    }

    private static int Points(string svg)
    {
        var start = svg.IndexOf("points=\"", StringComparison.Ordinal) + "points=\"".Length;
        return svg[start..svg.IndexOf('"', start)].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
    }
}
