using System.Runtime.CompilerServices;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Trading.Tests.Fakes;

/// <summary>
/// One connection to a <see cref="ScriptedBrokerAccount"/>: every call is recorded with this connection's number and
/// follows the account's script for its method. Disposing it cancels calls still waiting on it (as a dropped socket).
/// </summary>
public sealed class ScriptedBroker : IBroker
{
    private readonly ScriptedBrokerAccount _account;
    private readonly CancellationTokenSource _disposed = new();

    internal ScriptedBroker(ScriptedBrokerAccount account, int connection)
    {
        _account = account;
        Connection = connection;
    }

    public int Connection { get; }

    public string Name => _account.Name;

    public bool IsLive => false;

    public async Task<BrokerAccount> GetAccountAsync(CancellationToken cancellationToken = default)
    {
        await Outcome(ScriptedBrokerAccount.Account, null, cancellationToken).ConfigureAwait(false);
        return _account.AccountNow();
    }

    public async Task<BrokerClock> GetClockAsync(CancellationToken cancellationToken = default)
    {
        await Outcome(ScriptedBrokerAccount.Clock, null, cancellationToken).ConfigureAwait(false);
        var now = _account.Now;
        return new BrokerClock(now, true, now.AddDays(1), now.AddHours(6));
    }

    public Task<IReadOnlyList<MarketSession>> GetCalendarAsync(DateOnly start, DateOnly end, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<MarketSession>>([]);

    public Task<IReadOnlyList<BrokerAsset>> GetAssetsAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<BrokerAsset>>([]);

    public Task<BrokerAsset?> GetAssetAsync(Symbol symbol, CancellationToken cancellationToken = default) => Task.FromResult<BrokerAsset?>(null);

    public async Task<BrokerOrder> SubmitOrderAsync(OrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = _account.Record(ScriptedBrokerAccount.Submit, request.ClientOrderId, Connection);
        if (_account.BeforeSubmit is { } hook) await hook(request).ConfigureAwait(false);
        await Act(outcome, ScriptedBrokerAccount.Submit, request.ClientOrderId, cancellationToken).ConfigureAwait(false);
        var placed = _account.Place(request);
        if (outcome.Kind == ScriptedBrokerOutcomeKind.TimeoutAfterActing)
            throw new BrokerTimeoutException($"{Name}: the submit of {request.ClientOrderId} timed out after the broker placed it (scripted).");
        return placed;
    }

    public Task<BrokerOrder> ReplaceOrderAsync(string brokerOrderId, OrderReplacement replacement, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The scripted broker does not replace orders.");

    public async Task CancelOrderAsync(string brokerOrderId, CancellationToken cancellationToken = default)
    {
        await Outcome(ScriptedBrokerAccount.Cancel, brokerOrderId, cancellationToken).ConfigureAwait(false);
        if (_account.ByBrokerId(brokerOrderId) is { } order && !order.Status.IsTerminal())
            _account.Update(order.ClientOrderId, TradeUpdateEvent.Canceled, OrderStatus.Canceled);
    }

    public async Task CancelAllOrdersAsync(CancellationToken cancellationToken = default)
    {
        await Outcome(ScriptedBrokerAccount.CancelAll, null, cancellationToken).ConfigureAwait(false);
        foreach (var order in _account.OrdersWhere(o => !o.Status.IsTerminal()))
            _account.Update(order.ClientOrderId, TradeUpdateEvent.Canceled, OrderStatus.Canceled);
    }

    public Task<BrokerOrder?> GetOrderAsync(string brokerOrderId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_account.ByBrokerId(brokerOrderId));

    public async Task<BrokerOrder?> GetOrderByClientIdAsync(string clientOrderId, CancellationToken cancellationToken = default)
    {
        await Outcome(ScriptedBrokerAccount.Query, clientOrderId, cancellationToken).ConfigureAwait(false);
        return _account.Order(clientOrderId);
    }

    public async Task<IReadOnlyList<BrokerOrder>> GetOrdersAsync(OrderQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await Outcome(ScriptedBrokerAccount.ListOrders, query.Status.ToString(), cancellationToken).ConfigureAwait(false);
        return _account.OrdersWhere(o => query.Status switch
        {
            OrderQueryStatus.Open => !o.Status.IsTerminal(),
            OrderQueryStatus.Closed => o.Status.IsTerminal(),
            _ => true,
        });
    }

    public async Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(CancellationToken cancellationToken = default)
    {
        await Outcome(ScriptedBrokerAccount.Positions, null, cancellationToken).ConfigureAwait(false);
        return _account.PositionsNow();
    }

    public async Task<BrokerOrder> ClosePositionAsync(Symbol symbol, decimal? quantity = null, CancellationToken cancellationToken = default)
    {
        await Outcome(ScriptedBrokerAccount.ClosePosition, symbol.ToString(), cancellationToken).ConfigureAwait(false);
        return _account.Place(new OrderRequest($"close-{symbol.Ticker}-{_account.Calls.Count}", symbol, OrderSide.Sell, quantity ?? 1m));
    }

    public async Task<IReadOnlyList<BrokerOrder>> CloseAllPositionsAsync(CancellationToken cancellationToken = default)
    {
        await Outcome(ScriptedBrokerAccount.CloseAll, null, cancellationToken).ConfigureAwait(false);
        return [];
    }

    public async IAsyncEnumerable<TradeUpdate> TradeUpdatesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
        var broken = _account.StreamBreak;
        var reader = _account.Updates;
        while (true)
        {
            var ready = reader.WaitToReadAsync(linked.Token).AsTask();
            if (await Task.WhenAny(ready, broken).ConfigureAwait(false) == broken) throw await broken.ConfigureAwait(false);
            if (!await ready.ConfigureAwait(false)) yield break;
            while (!broken.IsCompleted && reader.TryRead(out var update)) yield return update;
        }
    }

    public ValueTask DisposeAsync()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task Outcome(string method, string? argument, CancellationToken cancellationToken)
    {
        var outcome = _account.Record(method, argument, Connection);
        await Act(outcome, method, argument, cancellationToken).ConfigureAwait(false);
        if (outcome.Kind == ScriptedBrokerOutcomeKind.TimeoutAfterActing)
            throw new BrokerTimeoutException($"{Name}: {method} timed out (scripted).");
    }

    /// <summary>Throws the scripted failure, or waits for the gate of a hanging call; returns for Ok and TimeoutAfterActing.</summary>
    private async Task Act(ScriptedBrokerOutcome outcome, string method, string? argument, CancellationToken cancellationToken)
    {
        var what = argument is null ? method : $"{method} {argument}";
        switch (outcome.Kind)
        {
            case ScriptedBrokerOutcomeKind.Timeout:
                throw new BrokerTimeoutException($"{Name}: {what} timed out (scripted).");
            case ScriptedBrokerOutcomeKind.ServerError:
                throw new BrokerUnavailableException($"{Name}: {what} failed with HTTP 500 (scripted).", 500);
            case ScriptedBrokerOutcomeKind.Duplicate:
                throw new BrokerDuplicateClientOrderIdException(argument ?? "", $"{Name}: {what}: client_order_id must be unique (scripted 422).");
            case ScriptedBrokerOutcomeKind.Reject:
                throw new BrokerRejectedException($"{Name}: {what} rejected: {outcome.Reason} (scripted).", 403, outcome.ReasonCode);
            case ScriptedBrokerOutcomeKind.Hang:
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token))
                {
                    await outcome.Gate.Task.WaitAsync(linked.Token).ConfigureAwait(false);
                }
                break;
        }
    }
}
