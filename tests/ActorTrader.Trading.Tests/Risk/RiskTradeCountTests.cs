using ActorTrader.Actors;
using ActorTrader.Domain.Calendar;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Risk;
using static ActorTrader.Trading.Tests.Risk.RiskTestData;

namespace ActorTrader.Trading.Tests.Risk;

/// <summary>
/// The daily trade count: no journal write between a check and its answer, recovered from the orders the order manager
/// journaled (so a crash can never lower it below the orders placed), keyed by the exchange's trading date.
/// </summary>
public sealed class RiskTradeCountTests : RiskActorTestKit
{
    private static readonly RiskSettings AnyTime = RiskSettings.Default with { AllowWhenMarketClosed = true };
    private static readonly RiskSettings OneTrade = AnyTime with { MaxTradesPerDay = 1 };
    private static readonly RiskSettings TwoTrades = AnyTime with { MaxTradesPerDay = 2 };

    /// <summary>00:30 on Tuesday 6 January 2026 in New York.</summary>
    private static readonly DateTimeOffset TuesdayJustAfterMidnightInNewYork = new(2026, 1, 6, 5, 30, 0, TimeSpan.Zero);

    /// <summary>22:00 on Monday 5 January 2026 in New York, already Tuesday in UTC.</summary>
    private static readonly DateTimeOffset MondayNightInNewYork = new(2026, 1, 6, 3, 0, 0, TimeSpan.Zero);

    private static string RefusingRule(RiskChecked result) => Assert.Single(Assert.Single(result.Refused).Reasons).Rule;

    [Fact]
    public async Task A_check_is_answered_without_waiting_for_a_journal_write()
    {
        var risk = Start();
        await FeedAsync(risk, Book);
        var checker = CreateTestProbe();
        Journal.Hold();

        risk.Tell(new CheckOrders([Buy(Tsla, 1, 100m)]), checker.Ref);
        var result = await checker.ExpectMsgAsync<RiskChecked>();

        Journal.Release();
        Assert.Single(result.Approved);
    }

    [Fact]
    public async Task The_count_includes_the_orders_the_order_manager_journaled_today()
    {
        RecordInBook(OrderOf(Buy(Tsla, 1, 100m, leg: "placed"), OrderState.New, Scheduler.Now));
        var risk = Start(OneTrade);
        await FeedAsync(risk, Book);

        var result = await CheckAsync(risk, Buy(Tsla, 1, 100m, leg: "next"));

        Assert.Equal("daily-trade-count", RefusingRule(result));
    }

    [Fact]
    public async Task Orders_the_order_manager_journaled_on_an_earlier_day_do_not_count()
    {
        RecordInBook(OrderOf(Buy(Tsla, 1, 100m, leg: "yesterday"), OrderState.Filled, Scheduler.Now.AddDays(-1), filled: 1m));
        var risk = Start(OneTrade);
        await FeedAsync(risk, Book);

        var result = await CheckAsync(risk, Buy(Tsla, 1, 100m, leg: "today"));

        Assert.Single(result.Approved);
    }

    [Fact]
    public async Task Checks_wait_until_the_order_manager_told_the_orders_of_the_day()
    {
        HoldBookQueries();
        var risk = Start(OneTrade);
        risk.Tell(new LedgerChanged(Book));
        var checker = CreateTestProbe();

        risk.Tell(new CheckOrders([Buy(Tsla, 1, 100m, leg: "next")]), checker.Ref);
        await Orders.ExpectMsgAsync<GetOrders>();
        Orders.Reply(new OrdersView(TestAccount, [OrderOf(Buy(Tsla, 1, 100m, leg: "placed"), OrderState.New, Scheduler.Now)]));

        // Judged with the order the answer brought: the check waited for it.
        Assert.Equal("daily-trade-count", RefusingRule(await checker.ExpectMsgAsync<RiskChecked>()));
    }

    [Fact]
    public async Task Orders_placed_without_a_risk_check_count_towards_the_day()
    {
        var risk = Start(OneTrade);
        await FeedAsync(risk, Book);

        Publish(Buy(Tsla, 1, 100m, leg: "flatten"), OrderState.PendingSubmit);

        await AwaitAssertAsync(async () => Assert.Equal(1, (await StateAsync(risk)).TradesToday));
    }

    [Fact]
    public async Task A_restart_mid_day_keeps_the_count_of_the_orders_placed_that_day()
    {
        var risk = Start(TwoTrades, MarketCalendars.Nyse);
        await FeedAsync(risk, Book);
        var a = Buy(Tsla, 1, 100m, leg: "a");
        var b = Buy(Tsla, 1, 100m, leg: "b");
        await CheckAsync(risk, a, b);
        RecordInBook(OrderOf(a, OrderState.New, Scheduler.Now));
        RecordInBook(OrderOf(b, OrderState.New, Scheduler.Now));
        await risk.Ask<RiskCommandResult>(new StartOfDay(Monday, 100_000m), DefaultTimeout);
        Scheduler.Advance(TimeSpan.FromHours(2));

        risk = await RestartAsync(risk, TwoTrades, MarketCalendars.Nyse);
        await FeedAsync(risk, Book);
        var result = await CheckAsync(risk, Buy(Tsla, 1, 100m, leg: "c"));

        Assert.Equal("daily-trade-count", RefusingRule(result));
    }

    [Fact]
    public async Task In_a_replay_a_restart_keeps_the_count_of_the_replayed_day_since_its_start()
    {
        // A replay's market clock is not the actor system's: its days are named by StartOfDay, all on today's date.
        var replayed = new DateOnly(2022, 9, 1);
        var risk = Start(OneTrade, MarketCalendars.Nyse);
        RecordInBook(OrderOf(Buy(Tsla, 1, 100m, leg: "day-before"), OrderState.Filled, Scheduler.Now, filled: 1m));
        Scheduler.Advance(TimeSpan.FromMinutes(1));
        await risk.Ask<RiskCommandResult>(new StartOfDay(replayed, 100_000m), DefaultTimeout);
        Scheduler.Advance(TimeSpan.FromMinutes(1));
        RecordInBook(OrderOf(Buy(Tsla, 1, 100m, leg: "that-day"), OrderState.New, Scheduler.Now));

        risk = await RestartAsync(risk, OneTrade, MarketCalendars.Nyse);
        await FeedAsync(risk, Book);
        var state = await StateAsync(risk);

        Assert.Equal((replayed, 1), (state.TradeDate, state.TradesToday));
    }

    [Fact]
    public async Task Orders_approved_before_the_start_of_the_day_still_count_for_that_day()
    {
        var risk = Start(AnyTime, MarketCalendars.Nyse);
        await FeedAsync(risk, Book);
        await CheckAsync(risk, Buy(Tsla, 1, 100m, leg: "a"), Buy(Tsla, 1, 100m, leg: "b"));

        var started = await risk.Ask<RiskCommandResult>(new StartOfDay(Monday, 100_000m), DefaultTimeout);

        Assert.Equal(2, started.State.TradesToday);
    }

    [Fact]
    public async Task The_count_starts_afresh_at_midnight_in_New_York_without_a_start_of_day()
    {
        var risk = Start(AnyTime, MarketCalendars.Nyse);
        await FeedAsync(risk, Book);
        await CheckAsync(risk, Buy(Tsla, 1, 100m, leg: "a"), Buy(Tsla, 1, 100m, leg: "b"));

        Scheduler.AdvanceTo(TuesdayJustAfterMidnightInNewYork);

        Assert.Equal(0, (await StateAsync(risk)).TradesToday);
    }

    [Fact]
    public async Task The_count_does_not_start_afresh_at_midnight_UTC()
    {
        var risk = Start(AnyTime, MarketCalendars.Nyse);
        await FeedAsync(risk, Book);
        await CheckAsync(risk, Buy(Tsla, 1, 100m, leg: "a"), Buy(Tsla, 1, 100m, leg: "b"));

        Scheduler.AdvanceTo(MondayNightInNewYork);

        Assert.Equal(2, (await StateAsync(risk)).TradesToday);
    }
}
