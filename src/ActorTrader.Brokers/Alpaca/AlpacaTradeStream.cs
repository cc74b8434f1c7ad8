using System.Net.WebSockets;
using System.Text.Json;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Data.Providers.Alpaca;
using Serilog;

namespace ActorTrader.Brokers.Alpaca;

/// <summary>
/// The one trade-updates WebSocket of the account: connect, authenticate, listen to <c>trade_updates</c>, hand every
/// update to the broker, and when the connection drops (closed, reset, a ping unanswered, an update that cannot be
/// read) reconnect with exponential backoff on the injected clock, for as long as the broker lives. Text and binary
/// frames are both read (Alpaca's paper stream sends binary). Credentials refused (<c>unauthorized</c>) end it for
/// good: that will not heal by retrying.
/// </summary>
internal sealed class AlpacaTradeStream : IAsyncDisposable
{
    private const int MaxMessageBytes = 4 * 1024 * 1024;

    private readonly AlpacaBrokerOptions _options;
    private readonly AlpacaCredentials _credentials;
    private readonly TimeProvider _clock;
    private readonly ILogger _log;
    private readonly Func<AlpacaTradeUpdateRecord, CancellationToken, Task> _onUpdate;
    private readonly Action<DateTimeOffset> _onDown;
    private readonly Action<BrokerException> _onFailed;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _connected = NewSignal();
    private State _state = State.NotStarted;
    private BrokerException? _failure;
    private Task? _loop;

    /// <param name="onUpdate">Receives each trade update in order; an exception from it counts as a dropped connection.</param>
    /// <param name="onDown">Told when a connected stream drops, with the time it did.</param>
    /// <param name="onFailed">Told when the stream stops for good (credentials refused).</param>
    public AlpacaTradeStream(AlpacaBrokerOptions options, TimeProvider clock, ILogger log,
        Func<AlpacaTradeUpdateRecord, CancellationToken, Task> onUpdate, Action<DateTimeOffset> onDown, Action<BrokerException> onFailed)
    {
        _options = options;
        _credentials = options.Credentials;
        _clock = clock;
        _log = log;
        _onUpdate = onUpdate;
        _onDown = onDown;
        _onFailed = onFailed;
    }

    private enum State
    {
        NotStarted,
        Connecting,
        Connected,
        Failed,
    }

    public bool IsConnected
    {
        get
        {
            lock (_gate) return _state == State.Connected;
        }
    }

    /// <summary>True once the credentials were refused: the stream will not connect again.</summary>
    public bool HasFailed
    {
        get
        {
            lock (_gate) return _state == State.Failed;
        }
    }

    /// <summary>Completes when the stream is (next) connected.</summary>
    public Task WhenConnected
    {
        get
        {
            lock (_gate) return _connected.Task;
        }
    }

    /// <summary>Starts the connection loop unless it runs already.</summary>
    public void EnsureStarted()
    {
        lock (_gate) StartLocked();
    }

    /// <summary>
    /// Completes once the stream is connected and listening: at once when it is. Throws <see cref="TimeoutException"/>
    /// after <paramref name="timeout"/> (null: no limit), and the <see cref="BrokerRejectedException"/> of refused credentials.
    /// </summary>
    public async Task WaitConnectedAsync(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        Task signal;
        lock (_gate)
        {
            if (_failure is not null) throw _failure;
            if (_state == State.Connected) return;
            StartLocked();
            signal = _connected.Task;
        }
        if (timeout is { } limit) await signal.WaitAsync(limit, _clock, cancellationToken).ConfigureAwait(false);
        else await signal.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        Task? loop;
        lock (_gate)
        {
            loop = _loop;
            _connected.TrySetCanceled();
        }
        await _stop.CancelAsync().ConfigureAwait(false);
        if (loop is not null) await loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private void StartLocked()
    {
        if (_state != State.NotStarted || _stop.IsCancellationRequested) return;
        _state = State.Connecting;
        _loop = Task.Run(RunAsync);
    }

    private async Task RunAsync()
    {
        var token = _stop.Token;
        var failures = 0;
        while (!token.IsCancellationRequested)
        {
            try
            {
                using var socket = new ClientWebSocket();
                if (_options.StreamKeepAlive > TimeSpan.Zero)
                {
                    socket.Options.KeepAliveInterval = _options.StreamKeepAlive;
                    socket.Options.KeepAliveTimeout = _options.StreamKeepAlive;
                }
                await HandshakeAsync(socket, token).ConfigureAwait(false);
                failures = 0;
                MarkConnected();
                await ReceiveUntilClosedAsync(socket, token).ConfigureAwait(false);
                _log.Warning("Alpaca trade-updates stream was closed by the server; reconnecting");
            }
            catch (Exception) when (token.IsCancellationRequested)
            {
                // Stopping: what the connection met on its way out no longer matters.
                return;
            }
            catch (RefusedException e)
            {
                MarkFailed(e.Error);
                return;
            }
            catch (Exception e) when (e is WebSocketException or IOException or HttpRequestException or TimeoutException
                                          or JsonException or FormatException or BrokerException)
            {
                _log.Warning("Alpaca trade-updates stream failed ({Reason}: {Message}); reconnecting",
                    e.GetType().Name, _credentials.Redact(e.Message));
            }
            MarkDown();
            try
            {
                await Task.Delay(Backoff(failures++), _clock, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task HandshakeAsync(ClientWebSocket socket, CancellationToken stop)
    {
        // A network deadline on wall-clock time, like the REST request timeout.
        using var deadline = new CancellationTokenSource(_options.StreamHandshakeTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, deadline.Token);
        var token = linked.Token;
        try
        {
            await socket.ConnectAsync(_options.EffectiveStreamUrl, token).ConfigureAwait(false);
            await SendAsync(socket, AlpacaStreamRequests.Authenticate(_credentials), token).ConfigureAwait(false);
            await ReadUntilAsync(socket, m => m is AlpacaStreamMessage.Authorization, "authorization", token).ConfigureAwait(false);
            await SendAsync(socket, AlpacaStreamRequests.ListenToTradeUpdates(), token).ConfigureAwait(false);
            await ReadUntilAsync(socket, m => m is AlpacaStreamMessage.Listening l && l.Streams.Contains("trade_updates"), "listening", token)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !stop.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"The trade-updates stream at {_options.EffectiveStreamUrl} did not finish connecting, authenticating and listening " +
                $"within {_options.StreamHandshakeTimeout.TotalSeconds:0.###} s.");
        }
    }

    // Reads until the message the handshake waits for; trade updates that come first are handed on.
    private async Task ReadUntilAsync(ClientWebSocket socket, Func<AlpacaStreamMessage, bool> awaited, string what, CancellationToken token)
    {
        while (true)
        {
            var frame = await ReceiveAsync(socket, token).ConfigureAwait(false)
                        ?? throw new IOException($"The trade-updates stream closed while waiting for {what}.");
            foreach (var message in AlpacaStreamParser.Parse(frame))
            {
                if (message is AlpacaStreamMessage.Authorization { Authorized: false } refused)
                    throw new RefusedException(Unauthorized(refused.Status));
                if (message is AlpacaStreamMessage.Error error)
                    throw new IOException($"The trade-updates stream reported an error while waiting for {what}: {_credentials.Redact(error.Message)}");
                if (message is AlpacaStreamMessage.TradeUpdate update) await _onUpdate(update.Update, token).ConfigureAwait(false);
                if (awaited(message)) return;
            }
        }
    }

    private async Task ReceiveUntilClosedAsync(ClientWebSocket socket, CancellationToken token)
    {
        while (await ReceiveAsync(socket, token).ConfigureAwait(false) is { } frame)
        {
            foreach (var message in AlpacaStreamParser.Parse(frame))
            {
                switch (message)
                {
                    case AlpacaStreamMessage.TradeUpdate update:
                        await _onUpdate(update.Update, token).ConfigureAwait(false);
                        break;
                    case AlpacaStreamMessage.Authorization { Authorized: false } refused:
                        throw new RefusedException(Unauthorized(refused.Status));
                    case AlpacaStreamMessage.Error error:
                        _log.Warning("Alpaca trade-updates stream reported an error: {Message}", _credentials.Redact(error.Message));
                        break;
                }
            }
        }
    }

    /// <summary>One whole message (text or binary, reassembled from its frames), or null when the server closed.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReceiveAsync(ClientWebSocket socket, CancellationToken token)
    {
        using var message = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(), token).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, result.Count);
            if (message.Length > MaxMessageBytes)
                throw new IOException($"A trade-updates message exceeded {MaxMessageBytes} bytes.");
            if (result.EndOfMessage) return message.ToArray();
        }
    }

    private static ValueTask SendAsync(ClientWebSocket socket, byte[] message, CancellationToken token) =>
        socket.SendAsync(message.AsMemory(), WebSocketMessageType.Text, endOfMessage: true, token);

    private BrokerRejectedException Unauthorized(string status) =>
        new($"Alpaca's trade-updates stream at {_options.EffectiveStreamUrl} refused the credentials (status \"{_credentials.Redact(status)}\"). " +
            "Fix: set APCA_API_KEY_ID and APCA_API_SECRET_KEY to a valid key pair for this account (paper and live keys differ).",
            reasonCode: AlpacaReasonCodes.Unauthorized);

    private TimeSpan Backoff(int failures)
    {
        var min = _options.StreamReconnectMinDelay;
        var delay = min * Math.Pow(2, Math.Min(failures, 30));
        return delay > _options.StreamReconnectMaxDelay ? _options.StreamReconnectMaxDelay : delay;
    }

    private void MarkConnected()
    {
        lock (_gate)
        {
            _state = State.Connected;
            _connected.TrySetResult();
        }
        _log.Information("Alpaca trade-updates stream connected and listening at {Url}", _options.EffectiveStreamUrl);
    }

    private void MarkDown()
    {
        bool wasConnected;
        lock (_gate)
        {
            wasConnected = _state == State.Connected;
            _state = State.Connecting;
            if (_connected.Task.IsCompleted) _connected = NewSignal();
        }
        if (wasConnected) _onDown(_clock.GetUtcNow());
    }

    private void MarkFailed(BrokerRejectedException failure)
    {
        lock (_gate)
        {
            _state = State.Failed;
            _failure = failure;
            _connected.TrySetException(failure);
        }
        _log.Error("Alpaca trade-updates stream stopped: {Message}", failure.Message);
        _onFailed(failure);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The server refused the credentials: a reason to stop, not to reconnect.</summary>
    private sealed class RefusedException(BrokerRejectedException error) : Exception(error.Message, error)
    {
        public BrokerRejectedException Error { get; } = error;
    }
}
