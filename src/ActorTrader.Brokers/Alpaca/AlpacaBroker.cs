using System.Globalization;
using System.Text.Json;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Brokers.Streaming;
using ActorTrader.Data.Providers.Alpaca;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;
using Serilog;

namespace ActorTrader.Brokers.Alpaca;

/// <summary>
/// An Alpaca account (Trading API v2) behind <see cref="IBroker"/>: REST over the caller's <see cref="HttpClient"/> and
/// the trade-updates WebSocket.
/// <list type="bullet">
/// <item>Every REST call carries the key pair headers, passes a shared circuit breaker and a rate limiter, and runs under
/// the request timeout. Reads and cancels are retried with backoff; submits, replaces and closes are sent exactly once,
/// and a timeout, dropped connection or 5xx on them is <see cref="BrokerTimeoutException"/> (resolve by client order id).</item>
/// <item>The stream starts with <see cref="ConnectAsync"/>, <see cref="TradeUpdatesAsync"/> or the first submit, and
/// reconnects with backoff whenever it drops. While it is down, submits and replaces wait for it (up to
/// <see cref="AlpacaBrokerOptions.SubmitHoldTimeout"/>, then <see cref="BrokerUnavailableException"/>, unsent) and orders
/// are polled over REST so fills made meanwhile are still reported, as synthesized fills.</item>
/// <item>Answers come back under the symbol that was asked for; symbols Alpaca names alone are resolved through the
/// asset's exchange (crypto is <c>CRYPTO:BTC/USD</c>).</item>
/// </list>
/// Credentials never appear in logs, exception messages or <see cref="AlpacaBrokerOptions.ToString"/>.
/// </summary>
public sealed partial class AlpacaBroker : IBroker
{
    private readonly AlpacaBrokerOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _log;
    private readonly AlpacaBrokerErrors _errors;
    private readonly AlpacaTradingTransport _transport;
    private readonly AlpacaSymbolMap _symbols;
    private readonly TradeUpdateHub _updates = new();
    private readonly AlpacaFillTracker _fills = new();
    private readonly AlpacaTradeStream _stream;
    private readonly CancellationTokenSource _disposing = new();
    // Serialises what the tracker decides and what subscribers see, so stream and poll updates keep one order.
    private readonly Lock _emitGate = new();
    private int _disposed;

    /// <param name="http">Sends the REST requests; owned by the caller (share one per process). Its own Timeout should exceed the request timeout.</param>
    /// <param name="options">Endpoints, credentials and limits; validated here (<see cref="ArgumentException"/> names the setting and the fix).</param>
    /// <param name="clock">Drives retry backoff, the rate limiter, the circuit breaker, stream reconnects, polling and the submit hold (virtual in tests).</param>
    /// <param name="logger">Receives retries, circuit and stream changes, never credentials.</param>
    public AlpacaBroker(HttpClient http, AlpacaBrokerOptions options, TimeProvider? clock = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _clock = clock ?? TimeProvider.System;
        _log = (logger ?? Serilog.Core.Logger.None).ForContext<AlpacaBroker>();
        _errors = new AlpacaBrokerErrors(options);
        _transport = new AlpacaTradingTransport(http, options, _errors, _clock, _log);
        _symbols = new AlpacaSymbolMap(LookupAssetAsync);
        _stream = new AlpacaTradeStream(options, _clock, _log, OnStreamUpdateAsync, OnStreamDown, _updates.Fail);
    }

    public string Name => _options.IsLive ? "alpaca-live" : "alpaca-paper";

    public bool IsLive => _options.IsLive;

    public async Task<BrokerAccount> GetAccountAsync(CancellationToken cancellationToken = default)
    {
        var call = AlpacaCall.Get("/v2/account", "the account");
        return Parse(call, await RequireAsync(call, cancellationToken).ConfigureAwait(false), AlpacaAccountParser.ParseAccount);
    }

    public async Task<BrokerClock> GetClockAsync(CancellationToken cancellationToken = default)
    {
        var call = AlpacaCall.Get("/v2/clock", "the market clock");
        return Parse(call, await RequireAsync(call, cancellationToken).ConfigureAwait(false), AlpacaAccountParser.ParseClock);
    }

    public async Task<IReadOnlyList<MarketSession>> GetCalendarAsync(DateOnly start, DateOnly end, CancellationToken cancellationToken = default)
    {
        if (end < start) return [];
        var query = $"start={Day(start)}&end={Day(end)}";
        var call = AlpacaCall.Get("/v2/calendar", $"the calendar {Day(start)}..{Day(end)}", query);
        var sessions = Parse(call, await RequireAsync(call, cancellationToken).ConfigureAwait(false), AlpacaAccountParser.ParseCalendar);
        return sessions.Where(s => s.Date >= start && s.Date <= end).OrderBy(s => s.Date).ToList();
    }

    /// <summary>
    /// Active assets of the classes ActorTrader trades whose tickers a symbol can spell, by symbol: Alpaca lists
    /// us_equity unless asked for another class, so crypto is a second call.
    /// </summary>
    public async Task<IReadOnlyList<BrokerAsset>> GetAssetsAsync(CancellationToken cancellationToken = default)
    {
        var result = new SortedDictionary<Symbol, BrokerAsset>();
        foreach (var (query, what) in new[] { ("status=active", "the active assets"), ("status=active&asset_class=crypto", "the active crypto assets") })
        {
            var call = AlpacaCall.Get("/v2/assets", what, query);
            foreach (var asset in Parse(call, await RequireAsync(call, cancellationToken).ConfigureAwait(false), AlpacaAssetParser.ParseList))
            {
                if (AlpacaSymbols.ProfileOf(asset.AssetClass) is null || !AlpacaSymbols.TrySymbolOf(asset, out var symbol)) continue;
                _symbols.Learn(asset.Ticker, symbol);
                result[symbol] = ToAsset(symbol, asset);
            }
        }
        return [.. result.Values];
    }

    public async Task<BrokerAsset?> GetAssetAsync(Symbol symbol, CancellationToken cancellationToken = default)
    {
        var asset = await LookupAssetAsync(AlpacaSymbolMap.PathTickerOf(symbol), cancellationToken).ConfigureAwait(false);
        return asset is null ? null : ToAsset(symbol, asset);
    }

    /// <summary>Open positions by symbol; a short has a negative quantity.</summary>
    public async Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(CancellationToken cancellationToken = default)
    {
        var call = AlpacaCall.Get("/v2/positions", "the positions");
        var records = Parse(call, await RequireAsync(call, cancellationToken).ConfigureAwait(false), AlpacaPositionParser.ParseList);
        var positions = new List<BrokerPosition>(records.Count);
        foreach (var p in records)
        {
            var symbol = await ResolveAsync(call, p.Ticker, p.AssetClass, p.AssetId, p.Exchange, cancellationToken).ConfigureAwait(false);
            positions.Add(new BrokerPosition(symbol, p.Quantity, p.AverageEntryPrice, p.MarketValue, p.CurrentPrice, p.UnrealizedPnl));
        }
        return positions.OrderBy(p => p.Symbol).ToList();
    }

    /// <summary>Stops the stream and polling and ends every trade-updates subscription. The HttpClient stays the caller's.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _disposing.CancelAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
        var poll = CurrentPolling();
        if (poll is not null) await poll.ConfigureAwait(false);
        _updates.Complete();
        _disposing.Dispose();
    }

    private static BrokerAsset ToAsset(Symbol symbol, AlpacaAsset asset) =>
        new(symbol, asset.AssetClass, asset.Tradable, asset.Shortable, asset.EasyToBorrow, asset.Fractionable, asset.Status ?? "active");

    // GET /v2/assets/{symbol_or_asset_id}; null when Alpaca does not know it.
    private async Task<AlpacaAsset?> LookupAssetAsync(string tickerOrAssetId, CancellationToken cancellationToken)
    {
        var call = AlpacaCall.Get("/v2/assets/" + Uri.EscapeDataString(tickerOrAssetId), $"asset {tickerOrAssetId}");
        var body = await CallAsync(call, notFoundIsNull: true, cancellationToken).ConfigureAwait(false);
        return body is null ? null : Parse(call, body, AlpacaAssetParser.ParseOne);
    }

    private async Task<Symbol> ResolveAsync(AlpacaCall call, string ticker, string? assetClass, string? assetId, string? exchange, CancellationToken cancellationToken)
    {
        try
        {
            return await _symbols.ResolveAsync(ticker, assetClass, assetId, exchange, cancellationToken).ConfigureAwait(false);
        }
        catch (FormatException e)
        {
            throw _errors.Unreadable(call, call.UrlUnder(_options.BaseUrl), 200, e);
        }
    }

    /// <summary>The 2xx body of <paramref name="call"/>; any other final answer throws.</summary>
    private async Task<byte[]> RequireAsync(AlpacaCall call, CancellationToken cancellationToken) =>
        (await CallAsync(call, notFoundIsNull: false, cancellationToken).ConfigureAwait(false))!;

    /// <summary>The 2xx body of <paramref name="call"/>, null for a 404 when <paramref name="notFoundIsNull"/>; other answers throw.</summary>
    private async Task<byte[]?> CallAsync(AlpacaCall call, bool notFoundIsNull, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        var response = await _transport.SendAsync(call, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccess) return response.Body;
        if (response.StatusCode == 404 && notFoundIsNull) return null;
        throw _errors.ForStatus(call, call.UrlUnder(_options.BaseUrl), response, attempts: 1);
    }

    private T Parse<T>(AlpacaCall call, byte[] body, Func<ReadOnlyMemory<byte>, T> parse)
    {
        try
        {
            return parse(body);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw _errors.Unreadable(call, call.UrlUnder(_options.BaseUrl), 200, e);
        }
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
