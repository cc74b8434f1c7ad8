using ActorTrader.Actors;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Risk;
using static ActorTrader.Trading.Tests.Risk.RiskTestData;

namespace ActorTrader.Trading.Tests.Risk;

/// <summary>
/// Automatic actions the order manager or the broker refused are tried again on the scheduler, each time after a longer
/// wait, until they are carried out or the trading state changes; a halt stays halted meanwhile.
/// </summary>
public sealed class RiskActionRetryTests : RiskActorTestKit
{
    private static readonly TimeSpan Interval = RiskSettings.Default.ActionResendInterval;

    /// <summary>REDUCE_POSITIONS with the cancel done and the AAPL order placed; the MSFT order is left to the test.</summary>
    private async Task<(IActorRef Risk, SubmitOrder Msft)> ReduceWithMsftOpenAsync()
    {
        var risk = Start();
        var submits = await ReduceAsync(risk);
        Acknowledge(risk, submits[..1]);
        risk.Tell(new OrderSubmitAccepted(submits[1].Intent.ClientOrderId, false), Orders.Ref);
        return (risk, submits[1]);
    }

    [Fact]
    public async Task An_order_the_order_manager_refused_is_sent_again_with_the_same_id_after_the_retry_interval()
    {
        var risk = Start();
        var submits = await ReduceAsync(risk);
        Acknowledge(risk, submits[..1]);
        risk.Tell(new OrderSubmitRefused(submits[1].Intent.ClientOrderId, "trading not permitted yet"), Orders.Ref);
        await StateAsync(risk);

        Scheduler.Advance(Interval);
        var again = await ExpectCommandAsync<SubmitOrder>();

        Assert.Equal(submits[1].Intent.ClientOrderId, again.Intent.ClientOrderId);
    }

    [Fact]
    public async Task An_order_the_broker_rejected_is_placed_again_under_a_new_client_order_id()
    {
        var (risk, msft) = await ReduceWithMsftOpenAsync();
        Publish(msft.Intent, OrderState.Rejected, error: "Not sent to the broker: the broker connection stayed down");
        await StateAsync(risk);

        Scheduler.Advance(Interval);
        var again = await ExpectCommandAsync<SubmitOrder>();

        Assert.Equal((Msft, msft.Intent.Side, msft.Intent.Quantity, msft.Intent.RebalanceId), (again.Intent.Symbol, again.Intent.Side, again.Intent.Quantity, again.Intent.RebalanceId));
        Assert.NotEqual(msft.Intent.ClientOrderId, again.Intent.ClientOrderId);
    }

    [Fact]
    public async Task The_new_client_order_id_of_a_retry_is_the_same_after_a_restart()
    {
        var (risk, msft) = await ReduceWithMsftOpenAsync();
        Publish(msft.Intent, OrderState.Rejected, error: "broker unavailable");
        await StateAsync(risk);
        Scheduler.Advance(Interval);
        var retried = await ExpectCommandAsync<SubmitOrder>();

        risk = await RestartAsync(risk);
        await Orders.ExpectMsgAsync<TradingPermission>();
        var resent = await Orders.FishForMessageAsync<SubmitOrder>(s => s.Intent.Symbol == Msft);

        Assert.Equal(retried.Intent.ClientOrderId, resent.Intent.ClientOrderId);
    }

    [Fact]
    public async Task Each_retry_waits_twice_as_long_as_the_one_before()
    {
        var risk = Start();
        var submits = await ReduceAsync(risk);
        Acknowledge(risk, submits[..1]);
        var msft = submits[1].Intent.ClientOrderId;
        risk.Tell(new OrderSubmitRefused(msft, "trading not permitted yet"), Orders.Ref);
        await StateAsync(risk);
        Scheduler.Advance(Interval);
        await ExpectCommandAsync<SubmitOrder>();
        risk.Tell(new OrderSubmitRefused(msft, "trading not permitted yet"), Orders.Ref);
        await StateAsync(risk); // the failure is handled (and its backoff scheduled) before time moves

        Scheduler.Advance(Interval);
        await ExpectNoCommandAsync(risk);
        Scheduler.Advance(Interval);

        Assert.Equal(msft, (await ExpectCommandAsync<SubmitOrder>()).Intent.ClientOrderId);
    }

    [Fact]
    public async Task A_halt_whose_cancel_failed_cancels_again_with_backoff_and_stays_halted()
    {
        var risk = Start();
        await HaltAsync(risk);
        risk.Tell(new CancelAllOpenOrdersFailed("broker unavailable"), Orders.Ref);
        await StateAsync(risk);
        Scheduler.Advance(Interval);
        await ExpectCommandAsync<CancelAllOpenOrders>();
        risk.Tell(new CancelAllOpenOrdersFailed("broker unavailable"), Orders.Ref);
        await StateAsync(risk); // the failure is handled (and its backoff scheduled) before time moves

        Scheduler.Advance(Interval);
        await ExpectNoCommandAsync(risk);
        Scheduler.Advance(Interval);
        await ExpectCommandAsync<CancelAllOpenOrders>();

        Assert.Equal(TradingState.Halted, (await StateAsync(risk)).Status.State);
    }

    [Fact]
    public async Task Retries_stop_once_the_trading_state_changes()
    {
        var risk = Start();
        var submits = await ReduceAsync(risk);
        Acknowledge(risk, submits[..1]);
        risk.Tell(new OrderSubmitRefused(submits[1].Intent.ClientOrderId, "trading not permitted yet"), Orders.Ref);
        await risk.Ask<RiskCommandResult>(new ResumeTrading("alice", "positions checked by hand"), DefaultTimeout);
        await Orders.ExpectMsgAsync<TradingPermission>();

        Scheduler.Advance(Interval * 4);

        await ExpectNoCommandAsync(risk);
        Assert.Equal(0, (await StateAsync(risk)).ActionsPending);
    }

    [Fact]
    public async Task An_action_is_complete_once_the_broker_acknowledged_every_order()
    {
        var (risk, msft) = await ReduceWithMsftOpenAsync();
        var pendingWhileAtTheBroker = (await StateAsync(risk)).ActionsPending;

        Publish(msft.Intent, OrderState.New);

        Assert.Equal(1, pendingWhileAtTheBroker);
        await AwaitAssertAsync(async () => Assert.Equal(0, (await StateAsync(risk)).ActionsPending));
    }

    /// <summary>REDUCE_POSITIONS allowed two orders per position; the broker rejects both MSFT orders.</summary>
    private async Task<IActorRef> MsftRejectedTwiceAsync()
    {
        var risk = Start(RiskSettings.Default with { ActionMaxAttempts = 2 });
        var submits = await ReduceAsync(risk);
        Acknowledge(risk, submits[..1]);
        risk.Tell(new OrderSubmitAccepted(submits[1].Intent.ClientOrderId, false), Orders.Ref);
        Publish(submits[1].Intent, OrderState.Rejected, error: "asset MSFT is not shortable");
        await StateAsync(risk);
        Scheduler.Advance(Interval);
        var again = await ExpectCommandAsync<SubmitOrder>();
        risk.Tell(new OrderSubmitAccepted(again.Intent.ClientOrderId, false), Orders.Ref);
        Publish(again.Intent, OrderState.Rejected, error: "asset MSFT is not shortable");
        return risk;
    }

    [Fact]
    public async Task A_broker_rejection_of_the_last_allowed_attempt_halts_trading_naming_the_action_the_symbol_and_the_rejection()
    {
        var risk = await MsftRejectedTwiceAsync();

        var permission = await Orders.FishForMessageAsync<TradingPermission>(_ => true);

        Assert.False(permission.Allowed);
        var status = (await StateAsync(risk)).Status;
        Assert.Equal(TradingState.Halted, status.State);
        Assert.Contains("reduce-positions", status.Reason, StringComparison.Ordinal);
        Assert.Contains(Msft.ToString(), status.Reason, StringComparison.Ordinal);
        Assert.Contains("asset MSFT is not shortable", status.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broker_rejection_of_the_last_allowed_attempt_raises_the_risk_alert()
    {
        var alerts = CreateTestProbe();
        Sys.EventStream.Subscribe(alerts.Ref, typeof(RiskActionAlert));

        await MsftRejectedTwiceAsync();

        var alert = await alerts.ExpectMsgAsync<RiskActionAlert>();
        Assert.Equal((Msft.ToString(), 2, "asset MSFT is not shortable"), (alert.Symbol, alert.Attempts, alert.Rejection));
    }

    [Fact]
    public async Task After_the_last_allowed_attempt_no_further_order_is_placed()
    {
        var risk = await MsftRejectedTwiceAsync();
        await Orders.FishForMessageAsync<TradingPermission>(_ => true);

        Scheduler.Advance(RiskSettings.Default.ActionRetryMaxInterval * 3);

        await ExpectNoCommandAsync(risk);
        Assert.Equal(0, (await StateAsync(risk)).ActionsPending);
    }
}
