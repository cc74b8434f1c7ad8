using ActorTrader.Domain.Calendar;
using ActorTrader.Trading.Clock;
using ActorTrader.Trading.Day;
using ActorTrader.Trading.Replay;

namespace ActorTrader.Trading.Tests.Day;

/// <summary>The trading day in replay mode: a virtual market clock moved from phase to phase as fast as the work completes.</summary>
public sealed class TradingDayReplayTests : TestKit.TestKit
{
    private static readonly TimeSpan ReplayTimeout = TimeSpan.FromSeconds(20);

    private readonly ReplayMarketClock _clock = new(MarketCalendars.Nyse, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly FakeOperations _ops;

    public TradingDayReplayTests()
    {
        _ops = new FakeOperations(() => _clock.UtcNow);
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private (ActorTrader.Actors.IActorRef Day, TradingReplayCompleted Completed) Replay(DateOnly start, int days)
    {
        var day = Watch(Sys.ActorOf(TradingDayActor.ReplayProps(TradingDaySettings.Default, _ops, _clock, TestActor, start, days), TradingDayActor.Name));
        return (day, ExpectMsg<TradingReplayCompleted>(ReplayTimeout));
    }

    [Fact]
    public void A_replay_runs_the_given_number_of_sessions_reports_them_and_stops()
    {
        var (day, completed) = Replay(new DateOnly(2026, 1, 5), 3);

        Assert.Null(completed.Error);
        Assert.Equal([new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 6), new DateOnly(2026, 1, 7)], completed.Summaries.Select(s => s.Date));
        Assert.All(completed.Summaries, s => Assert.All(s.Phases, p => Assert.Equal(PhaseStatus.Completed, p.Status)));
        ExpectTerminated(day);
        Assert.Equal(Utc(2026, 1, 7, 21, 15), _clock.UtcNow);
    }

    [Fact]
    public void A_replay_passes_over_a_holiday()
    {
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events.Ref, typeof(TradingDaySkipped));

        var (_, completed) = Replay(new DateOnly(2026, 11, 25), 2);

        Assert.Equal([new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 27)], completed.Summaries.Select(s => s.Date));
        Assert.Equal(new DateOnly(2026, 11, 26), events.ExpectMsg<TradingDaySkipped>().Date);
    }

    [Fact]
    public void In_a_replay_every_operation_runs_when_the_clock_shows_its_phase_time()
    {
        Replay(new DateOnly(2026, 1, 5), 1);

        Assert.Equal(
        [
            ("reconcile", Utc(2026, 1, 5, 13, 0)),
            ("refresh-data", Utc(2026, 1, 5, 13, 0)),
            ("market-open", Utc(2026, 1, 5, 14, 30)),
            ("run", Utc(2026, 1, 5, 14, 31)),
            ("run", Utc(2026, 1, 5, 15, 0)),
            ("run", Utc(2026, 1, 5, 15, 30)),
            ("run", Utc(2026, 1, 5, 16, 0)),
            ("targets", Utc(2026, 1, 5, 20, 45)),
            ("open-orders", Utc(2026, 1, 5, 20, 45)),
            ("submit", Utc(2026, 1, 5, 20, 45)),
            ("market-close", Utc(2026, 1, 5, 21, 0)),
            ("snapshot", Utc(2026, 1, 5, 21, 15)),
            ("backup", Utc(2026, 1, 5, 21, 15)),
            ("report", Utc(2026, 1, 5, 21, 15)),
        ], _ops.Calls.Select(c => (c.Name, c.At)));
    }

    [Fact]
    public void A_replay_without_a_days_count_runs_the_configured_number()
    {
        var settings = TradingDaySettings.Default with { Replay = new ReplaySettings(2, new DateOnly(2026, 1, 5)) };

        Sys.ActorOf(TradingDayActor.ReplayProps(settings, _ops, _clock, TestActor), TradingDayActor.Name);

        Assert.Equal(2, ExpectMsg<TradingReplayCompleted>(ReplayTimeout).Summaries.Count);
    }
}
