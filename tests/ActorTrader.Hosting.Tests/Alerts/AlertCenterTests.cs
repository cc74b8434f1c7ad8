using ActorTrader.Hosting.Alerts;
using ActorTrader.TestKit.Time;

namespace ActorTrader.Hosting.Tests.Alerts;

public sealed class AlertCenterTests
{
    private static readonly DateTimeOffset Start = new(2024, 7, 1, 14, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _time = new(Start);
    private readonly RecordingSink _sink = new();

    private sealed class RecordingSink : IAlertSink
    {
        public List<Alert> Sent { get; } = [];

        public string Name => "recording";

        public void Send(Alert alert) => Sent.Add(alert);
    }

    private AlertCenter Center(int ratePerMinute = 20, int recent = 200) =>
        new(AlertSettings.Default with { RateLimitPerMinute = ratePerMinute, Recent = recent }, _time, [_sink]);

    private Alert Alert(string key, string kind = AlertKinds.OrderRejected) => new(kind, AlertSeverity.Warning, key, "msg " + key, _time.GetUtcNow());

    [Fact]
    public void A_repeat_within_the_window_is_folded_into_the_first_and_not_sent_again()
    {
        var center = Center();

        Assert.True(center.Raise(Alert("a")));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(center.Raise(Alert("a")));

        var entry = Assert.Single(center.Recent(10));
        Assert.Equal(1, entry.Repeats);
        Assert.Equal(Start.AddMinutes(1), entry.LastAt);
        Assert.Single(_sink.Sent);
    }

    [Fact]
    public void The_same_key_after_the_window_is_a_new_alert()
    {
        var center = Center();
        center.Raise(Alert("a"));
        _time.Advance(AlertSettings.Default.DedupeWindow);

        Assert.True(center.Raise(Alert("a")));

        Assert.Equal(2, _sink.Sent.Count);
        Assert.Single(center.Recent(10));
    }

    [Fact]
    public void Beyond_the_rate_limit_alerts_are_held_back_and_reported_once_in_the_next_minute()
    {
        var center = Center(ratePerMinute: 3);
        for (var i = 0; i < 5; i++) center.Raise(Alert("k" + i));

        Assert.Equal(3, _sink.Sent.Count);
        Assert.Equal(2, center.Suppressed);
        Assert.Equal(5, center.Recent(10).Count);

        _time.Advance(TimeSpan.FromMinutes(1));
        center.FlushSuppressed();

        var report = _sink.Sent[^1];
        Assert.Equal(AlertKinds.Suppressed, report.Kind);
        Assert.Contains("2 alerts were held back", report.Message, StringComparison.Ordinal);
        Assert.Equal(0, center.Suppressed);
    }

    [Fact]
    public void The_recent_list_is_newest_first_and_bounded()
    {
        var center = Center(recent: 3);
        for (var i = 0; i < 5; i++) center.Raise(Alert("k" + i));

        Assert.Equal(["k4", "k3", "k2"], center.Recent(10).Select(e => e.Alert.Key));
        Assert.Equal(["k4"], center.Recent(1).Select(e => e.Alert.Key));
    }

    [Fact]
    public void The_version_moves_on_every_change_including_a_folded_repeat()
    {
        var center = Center();
        var before = center.Version;
        center.Raise(Alert("a"));
        var afterFirst = center.Version;
        center.Raise(Alert("a"));

        Assert.True(afterFirst > before);
        Assert.True(center.Version > afterFirst);
    }
}
