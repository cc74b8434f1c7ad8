using ActorTrader.Actors;
using ActorTrader.Trading.Broker;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Reconciliation;

/// <summary>
/// One run of startup reconciliation, strictly in order: orders (the order manager asks the broker about every order
/// that may still change and adopts its truth), then fills (every fill confirmed by the ledger), then positions (the
/// broker's positions, cash and account kind handed to the ledger's <see cref="ReconcilePositions"/>). The first failing step ends
/// the run. Answers <see cref="StartupReconciliationSucceeded"/> or <see cref="StartupReconciliationFailed"/> to
/// <c>replyTo</c> and stops.
/// </summary>
public sealed class StartupReconciliationActor : ReceiveActor
{
    private readonly string _reconciliationId;
    private readonly IActorRef _orders;
    private readonly IActorRef _ledger;
    private readonly IActorRef _broker;
    private readonly TimeSpan _stepTimeout;
    private readonly IActorRef _replyTo;
    private readonly ILoggingAdapter _log;

    public StartupReconciliationActor(string reconciliationId, IActorRef orders, IActorRef ledger, IActorRef broker, TimeSpan stepTimeout, IActorRef replyTo)
    {
        _reconciliationId = reconciliationId;
        _orders = orders;
        _ledger = ledger;
        _broker = broker;
        _stepTimeout = stepTimeout;
        _replyTo = replyTo;
        _log = Context.GetLogger();
        ReceiveAsync<Run>(async _ =>
        {
            var outcome = await RunAsync().ConfigureAwait(true);
            _replyTo.Tell(outcome, Self);
            Context.Stop(Self);
        });
    }

    public static Props CreateProps(string reconciliationId, IActorRef orders, IActorRef ledger, IActorRef broker, TimeSpan stepTimeout, IActorRef replyTo)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reconciliationId);
        return Props.Create(() => new StartupReconciliationActor(reconciliationId, orders, ledger, broker, stepTimeout, replyTo));
    }

    protected override void PreStart() => Self.Tell(Run.Instance, Self);

    private async Task<object> RunAsync()
    {
        var id = _reconciliationId;
        var step = ReconciliationStep.Orders;
        try
        {
            _log.Info("Reconciliation {ReconciliationId}: orders", id);
            OrdersReconciled orders;
            switch (await _orders.Ask<object>(new ReconcileOrders(id), _stepTimeout).ConfigureAwait(true))
            {
                case OrdersReconciled reconciled:
                    orders = reconciled;
                    break;
                case OrderReconciliationFailed failed:
                    return Failed(step, failed.Reason);
                case var other:
                    return Failed(step, Unexpected(other));
            }

            step = ReconciliationStep.Fills;
            _log.Info("Reconciliation {ReconciliationId}: fills", id);
            FillsReconciled fills;
            switch (await _orders.Ask<object>(new ReconcileFills(id), _stepTimeout).ConfigureAwait(true))
            {
                case FillsReconciled reconciled:
                    fills = reconciled;
                    break;
                case FillReconciliationFailed failed:
                    return Failed(step, $"{failed.Reason} Unconfirmed: {string.Join(", ", failed.UnconfirmedExecutionIds)}.");
                case var other:
                    return Failed(step, Unexpected(other));
            }

            step = ReconciliationStep.Positions;
            _log.Info("Reconciliation {ReconciliationId}: positions", id);
            var positions = await _broker.Ask<BrokerPositionsResult>(GetBrokerPositions.Instance, _stepTimeout).ConfigureAwait(true);
            if (positions.Failure is { } positionsFailure) return Failed(step, $"The broker's positions could not be read ({positionsFailure.Kind}): {positionsFailure.Message}");
            var account = await _broker.Ask<BrokerAccountResult>(GetBrokerAccount.Instance, _stepTimeout).ConfigureAwait(true);
            if (account.Failure is { } accountFailure) return Failed(step, $"The broker's account could not be read ({accountFailure.Kind}): {accountFailure.Message}");
            var ledger = await _ledger.Ask<PositionsReconciled>(new ReconcilePositions(positions.Positions!, account.Account!.Cash, id, account.Account.Kind), _stepTimeout).ConfigureAwait(true);
            return new StartupReconciliationSucceeded(id, orders, fills, ledger);
        }
        catch (AskTimeoutException e)
        {
            return Failed(step, $"No answer within {_stepTimeout.TotalSeconds:0} s (reconciliation-step-timeout): {e.Message} Fix: check the {Who(step)} (logs, persistence alerts) and the broker connection.");
        }
        catch (InvalidCastException e)
        {
            return Failed(step, Unexpected(e.Message));
        }
    }

    private StartupReconciliationFailed Failed(ReconciliationStep step, string reason) => new(_reconciliationId, step, reason);

    private static string Unexpected(object reply) => $"Unexpected answer: {reply}. Fix: the actor answering this step does not speak the reconciliation protocol.";

    private static string Who(ReconciliationStep step) => step switch
    {
        ReconciliationStep.Positions => "broker actor and the ledger",
        _ => "order manager",
    };

    private sealed record Run
    {
        public static Run Instance { get; } = new();
    }
}
