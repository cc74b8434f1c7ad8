using ActorTrader.Brokers.Abstractions;

namespace ActorTrader.Brokers.Alpaca;

public sealed partial class AlpacaBroker
{
    private readonly Lock _pollGate = new();
    private Task? _polling;
    private DateTimeOffset _downSince;

    /// <summary>
    /// Opens the trade-updates stream (if it is not open) and completes once it is authenticated and listening. Throws
    /// <see cref="BrokerRejectedException"/> (reason <c>unauthorized</c>) when Alpaca refuses the credentials.
    /// </summary>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        await _stream.WaitConnectedAsync(timeout: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Trade updates from this call on, one continuous sequence across reconnects; fills made while the stream was down
    /// arrive as synthesized fills (execution id <c>{order id}:{cumulative filled qty}</c>). Starts the stream if needed.
    /// Ends quietly when <paramref name="cancellationToken"/> is canceled or the broker is disposed, and with
    /// <see cref="BrokerRejectedException"/> when Alpaca refuses the credentials.
    /// </summary>
    public IAsyncEnumerable<TradeUpdate> TradeUpdatesAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        var updates = _updates.Subscribe(cancellationToken);
        _stream.EnsureStarted();
        return updates;
    }

    // Nothing that can fill is sent while no one would hear of the fill.
    private async Task HoldUntilStreamUpAsync(string what, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        try
        {
            await _stream.WaitConnectedAsync(_options.SubmitHoldTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new BrokerUnavailableException(
                $"The trade-updates stream at {_options.EffectiveStreamUrl} was not connected within {_options.SubmitHoldTimeout.TotalSeconds:0.###} s, " +
                $"so {what} was held and NOT sent. Fix: check the connection to Alpaca and retry; " +
                "raise actortrader.broker.alpaca.submit-hold-timeout to wait longer.", null, e);
        }
        catch (BrokerRejectedException e)
        {
            throw new BrokerUnavailableException($"{what} was NOT sent: {e.Message}", e.StatusCode, e);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ObjectDisposedException(nameof(AlpacaBroker), $"The broker was disposed while {what} waited for the trade-updates stream; it was NOT sent.");
        }
    }

    private void Track(BrokerOrder order)
    {
        lock (_emitGate) _fills.Track(order);
    }

    private async Task OnStreamUpdateAsync(AlpacaTradeUpdateRecord record, CancellationToken cancellationToken)
    {
        if (AlpacaTradeEvents.TryParse(record.Event) is not { } kind)
        {
            _log.Warning("Alpaca sent trade update event {Event} for order {OrderId}, which this broker does not know; skipped it",
                record.Event, record.Order.Id);
            return;
        }
        var r = record.Order;
        var symbol = await _symbols.ResolveAsync(r.Ticker, r.AssetClass, r.AssetId, exchange: null, cancellationToken).ConfigureAwait(false);
        var order = ToOrder(r, symbol);
        var isFill = kind is TradeUpdateEvent.Fill or TradeUpdateEvent.PartialFill;
        // A fill without Alpaca's execution id still needs one for consumers to de-duplicate on.
        var executionId = record.ExecutionId ?? (isFill ? AlpacaFillTracker.SynthesizedExecutionId(order.BrokerOrderId, order.FilledQuantity) : null);
        var update = new TradeUpdate(kind, order, record.Timestamp ?? order.UpdatedAt, record.Price, record.Quantity, record.PositionQuantity, executionId);
        lock (_emitGate)
        {
            foreach (var published in _fills.OnStreamUpdate(update))
            {
                if (published.Order.FilledQuantity < order.FilledQuantity)
                {
                    _log.Warning("Reporting {Quantity} of order {OrderId} ({ClientOrderId}) filled unseen before execution {ExecutionId}",
                        published.Quantity, order.BrokerOrderId, order.ClientOrderId, update.ExecutionId);
                }
                _updates.Publish(published);
            }
        }
    }

    private void OnStreamDown(DateTimeOffset at)
    {
        lock (_pollGate)
        {
            // An outage already being covered keeps its start: orders since then are still to be looked at.
            if (_polling is not null || _disposing.IsCancellationRequested) return;
            _downSince = at;
            _polling = Task.Run(() => PollWhileDownAsync(_disposing.Token));
        }
        _log.Warning("Alpaca trade-updates stream dropped; polling orders every {Interval} until it is back", _options.StreamPollInterval);
    }

    private Task? CurrentPolling()
    {
        lock (_pollGate) return _polling;
    }

    /// <summary>
    /// Polls until a poll that began with the stream connected has succeeded: only then can no fill have slipped
    /// between the last poll and the first update of the new connection.
    /// </summary>
    private async Task PollWhileDownAsync(CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            var startedConnected = _stream.IsConnected;
            var succeeded = false;
            try
            {
                await PollOnceAsync(token).ConfigureAwait(false);
                succeeded = true;
            }
            catch (Exception) when (token.IsCancellationRequested)
            {
                // The broker is being disposed: whatever the poll met on its way out no longer matters.
                return;
            }
            catch (BrokerException e)
            {
                _log.Warning("Polling Alpaca orders while the trade-updates stream is down failed; will retry: {Message}", e.Message);
            }
            if (startedConnected && succeeded)
            {
                lock (_pollGate)
                {
                    if (_stream.IsConnected)
                    {
                        _polling = null;
                        _log.Information("Alpaca trade-updates stream is back; polling stopped");
                        return;
                    }
                }
            }
            if (_stream.HasFailed)
            {
                // Credentials refused: subscribers already have the error, and polling with the same keys cannot succeed.
                lock (_pollGate) _polling = null;
                return;
            }
            // Back at once when the stream returns (for the closing poll), but never sooner than the interval while it is
            // up, so a failing poll does not spin. WhenAny never throws: cancellation ends the loop at its condition.
            var pause = Task.Delay(_options.StreamPollInterval, _clock, token);
            await Task.WhenAny(pause, startedConnected ? pause : _stream.WhenConnected).ConfigureAwait(false);
        }
    }

    private async Task PollOnceAsync(CancellationToken token)
    {
        DateTimeOffset downSince;
        lock (_pollGate) downSince = _downSince;
        DateTimeOffset after;
        lock (_emitGate)
        {
            _fills.Prune(_clock.GetUtcNow());
            after = _fills.PollWindowStart(downSince);
        }
        var call = AlpacaCall.Get("/v2/orders", "the orders changed while the trade-updates stream was down");
        var polled = 0;
        await foreach (var record in ListOrdersAsync("all", after, until: null, int.MaxValue, token).ConfigureAwait(false))
        {
            var symbol = await ResolveAsync(call, record.Ticker, record.AssetClass, record.AssetId, exchange: null, token).ConfigureAwait(false);
            var order = ToOrder(record, symbol);
            polled++;
            lock (_emitGate)
            {
                foreach (var update in _fills.OnPolled(order, downSince))
                {
                    _log.Information("Reporting {Event} of order {OrderId} ({ClientOrderId}, {Quantity} {Symbol}) found by polling while the stream was down",
                        update.Event, order.BrokerOrderId, order.ClientOrderId, update.Quantity, order.Symbol);
                    _updates.Publish(update);
                }
            }
        }
        _log.Debug("Polled {Count} Alpaca orders submitted after {After}", polled, after);
    }
}
