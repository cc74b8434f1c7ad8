using ActorTrader.Node.Dashboard;
using ActorTrader.TestKit.Time;

namespace ActorTrader.Node.Tests.Dashboard;

public sealed class DashboardSessionsTests
{
    [Fact]
    public void A_session_is_found_by_its_id_until_it_expires()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var sessions = new DashboardSessions(time);
        var session = sessions.Create();

        Assert.Same(session, sessions.Find(session.Id));
        time.Advance(DashboardSessions.Lifetime);
        Assert.Null(sessions.Find(session.Id));
    }

    [Fact]
    public void Ids_and_csrf_values_are_random_and_distinct()
    {
        var sessions = new DashboardSessions(TimeProvider.System);
        var a = sessions.Create();
        var b = sessions.Create();

        Assert.NotEqual(a.Id, b.Id);
        Assert.NotEqual(a.Id, a.Csrf);
        Assert.Equal(64, a.Id.Length);
    }

    [Fact]
    public void Signing_out_removes_the_session_and_unknown_ids_find_nothing()
    {
        var sessions = new DashboardSessions(TimeProvider.System);
        var session = sessions.Create();
        sessions.Remove(session.Id);

        Assert.Null(sessions.Find(session.Id));
        Assert.Null(sessions.Find("nope"));
        Assert.Null(sessions.Find(null));
    }

    [Fact]
    public void The_oldest_sessions_are_dropped_beyond_the_limit()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var sessions = new DashboardSessions(time);
        var first = sessions.Create();
        for (var i = 0; i < DashboardSessions.MaxSessions; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            sessions.Create();
        }

        Assert.Null(sessions.Find(first.Id));
    }

    [Fact]
    public void The_login_throttle_blocks_an_address_after_ten_failures_within_a_minute()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var throttle = new LoginThrottle(time);
        for (var i = 0; i < LoginThrottle.MaxFailures - 1; i++) throttle.Failed("127.0.0.1");
        Assert.False(throttle.IsBlocked("127.0.0.1"));

        throttle.Failed("127.0.0.1");
        Assert.True(throttle.IsBlocked("127.0.0.1"));
        Assert.False(throttle.IsBlocked("::1"));

        time.Advance(LoginThrottle.Window);
        Assert.False(throttle.IsBlocked("127.0.0.1"));
    }
}
