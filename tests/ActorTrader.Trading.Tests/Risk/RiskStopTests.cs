using ActorTrader.Actors;
using ActorTrader.Domain.Orders;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Risk;
using ActorTrader.Trading.Risk.Actions;
using ActorTrader.Trading.Risk.Monitoring;
using static ActorTrader.Trading.Tests.Risk.RiskTestData;

namespace ActorTrader.Trading.Tests.Risk;

/// <summary>TIGHTEN_STOPS leaves exactly one protective stop per position: a new stop replaces the one before it.</summary>
public sealed class RiskStopTests : RiskActorTestKit
{
    /// <summary>Two levels that both tighten stops: a 1% daily loss, then a 5% drawdown.</summary>
    private static readonly RiskSettings TwoStopLevels = RiskSettings.Default with
    {
        CircuitBreakers =
        [
            new CircuitBreaker(RiskMeasure.DailyLoss, 0.01m, RiskAction.TightenStops),
            new CircuitBreaker(RiskMeasure.Drawdown, 0.05m, RiskAction.TightenStops),
        ],
    };

    /// <summary>Starts the day at 100,000 and loses 1.1%: the first stops (AAPL, MSFT), placed and acknowledged.</summary>
    private async Task<List<SubmitOrder>> FirstStopsAsync(IActorRef risk)
    {
        await risk.Ask<RiskCommandResult>(new StartOfDay(Monday, 100_000m), DefaultTimeout);
        await FeedAsync(risk, Book, WithNav(Book, 98_900m));
        var stops = await ExpectSubmitsAsync(2);
        Acknowledge(risk, stops, cancel: false);
        return stops;
    }

    [Fact]
    public async Task A_new_stop_is_placed_only_once_the_previous_stop_of_its_position_is_cancelled()
    {
        var risk = Start(TwoStopLevels);
        var first = await FirstStopsAsync(risk);

        await FeedAsync(risk, WithNav(Book, 95_000m));
        var cancelled = new[] { (await ExpectCommandAsync<CancelOrder>()).ClientOrderId, (await ExpectCommandAsync<CancelOrder>()).ClientOrderId };
        await ExpectNoCommandAsync(risk);
        Publish(first[0].Intent, OrderState.Canceled);
        var replacement = await ExpectCommandAsync<SubmitOrder>();

        Assert.Equal(first.Select(s => s.Intent.ClientOrderId), cancelled);
        Assert.Equal((Aapl, OrderType.Stop, "risk-tighten-stops-2"), (replacement.Intent.Symbol, replacement.Intent.Type, replacement.Intent.RebalanceId));
        await ExpectNoCommandAsync(risk);
    }

    [Fact]
    public async Task After_a_restart_the_next_tighten_stops_still_replaces_the_stops_placed_before()
    {
        var risk = Start(TwoStopLevels);
        var first = await FirstStopsAsync(risk);
        await AwaitAssertAsync(async () => Assert.Equal(0, (await StateAsync(risk)).ActionsPending));

        risk = await RestartAsync(risk, TwoStopLevels);
        await FeedAsync(risk, WithNav(Book, 95_000m));
        var cancelled = new[] { (await ExpectCommandAsync<CancelOrder>()).ClientOrderId, (await ExpectCommandAsync<CancelOrder>()).ClientOrderId };

        Assert.Equal(first.Select(s => s.Intent.ClientOrderId), cancelled);
    }

    [Fact]
    public async Task A_previous_stop_the_order_manager_does_not_know_is_not_waited_for()
    {
        var risk = Start(TwoStopLevels);
        await risk.Ask<RiskCommandResult>(new StartOfDay(Monday, 100_000m), DefaultTimeout);
        await FeedAsync(risk, Book, WithNav(Book, 98_900m));
        var first = await ExpectSubmitsAsync(2);
        // The first stops were refused before anything was journaled for them.
        foreach (var stop in first) risk.Tell(new OrderSubmitRefused(stop.Intent.ClientOrderId, "not permitted"), Orders.Ref);

        await FeedAsync(risk, WithNav(Book, 95_000m));
        var replacements = new List<SubmitOrder>();
        while (replacements.Count < 2)
        {
            switch (await Orders.ExpectMsgAsync<object>())
            {
                case GetOrder lookup:
                    risk.Tell(new OrderLookup(lookup.ClientOrderId, null), Orders.Ref);
                    break;
                case SubmitOrder submit:
                    replacements.Add(submit);
                    break;
                case var other:
                    Assert.IsType<CancelOrder>(other);
                    break;
            }
        }

        Assert.All(replacements, r => Assert.Equal("risk-tighten-stops-2", r.Intent.RebalanceId));
    }

    [Fact]
    public async Task A_previous_stop_that_filled_is_not_replaced_by_a_stop_sized_for_the_old_position()
    {
        var risk = Start(TwoStopLevels);
        var first = await FirstStopsAsync(risk);

        await FeedAsync(risk, WithNav(Book, 95_000m));
        await ExpectCommandAsync<CancelOrder>();
        await ExpectCommandAsync<CancelOrder>();
        Publish(first[0].Intent, OrderState.Filled, filled: 100m);
        Publish(first[1].Intent, OrderState.Canceled);
        var replacement = await ExpectCommandAsync<SubmitOrder>();

        Assert.Equal(Msft, replacement.Intent.Symbol);
        await ExpectNoCommandAsync(risk);
    }

    [Fact]
    public async Task The_stop_of_a_position_that_is_gone_is_cancelled_by_the_next_tighten_stops()
    {
        var risk = Start(TwoStopLevels);
        var first = await FirstStopsAsync(risk);
        var aaplOnly = LedgerOf(70_000m, (Aapl, 100, 300m));

        await FeedAsync(risk, WithNav(aaplOnly, 95_000m));
        var cancelled = new[] { (await ExpectCommandAsync<CancelOrder>()).ClientOrderId, (await ExpectCommandAsync<CancelOrder>()).ClientOrderId };

        Assert.Equal(first.Select(s => s.Intent.ClientOrderId).Order(StringComparer.Ordinal), cancelled.Order(StringComparer.Ordinal));
    }
}
