using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorTrader.Brokers.Tests.Alpaca.Fake;

/// <summary>
/// A loopback stand-in for Alpaca's Trading API (Kestrel on 127.0.0.1, a free port): the recorded responses for the
/// account, assets and positions routes, a stateful <see cref="FakeOrderBook"/> for orders, and the trade-updates
/// WebSocket (<see cref="FakeTradeStream"/>). Requests without the expected key pair get 401. Faults are injected per
/// route and consumed in order (<see cref="Inject"/>). Every request and stream step is recorded in arrival order.
/// </summary>
internal sealed class FakeAlpacaServer : IAsyncDisposable
{
    public const string KeyId = "AKFAKEKEYID00000001";
    public const string Secret = "fakeSecret-4f3e2d1c0b9a-must-never-print";

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<FakeRequest> _requests = new();
    private readonly Lock _gate = new();
    private readonly List<(string Method, string Path, Queue<FakeFault> Faults)> _faults = [];
    private readonly List<string> _events = [];
    private readonly List<(string Name, int Occurrence, TaskCompletionSource Signal)> _eventWaiters = [];

    private FakeAlpacaServer(WebApplication app, TimeProvider clock)
    {
        _app = app;
        Book = new FakeOrderBook(clock);
        Stream = new FakeTradeStream(this);
    }

    public Uri BaseUrl { get; private set; } = null!;

    public FakeOrderBook Book { get; }

    public FakeTradeStream Stream { get; }

    public string AccountJson { get; set; } = AlpacaMocks.Read(AlpacaMocks.Account);

    public string PositionsJson { get; set; } = AlpacaMocks.Read(AlpacaMocks.Positions);

    public string ClockJson { get; set; } = AlpacaMocks.Read(AlpacaMocks.Clock);

    public string CalendarJson { get; set; } = AlpacaMocks.Read(AlpacaMocks.Calendar);

    public string AssetsJson { get; set; } = AlpacaMocks.Read(AlpacaMocks.AllAssets);

    public IReadOnlyList<FakeRequest> Requests => [.. _requests];

    /// <summary>Requests and stream steps in arrival order: <c>GET /v2/account</c>, <c>stream-listening</c>, ….</summary>
    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_gate) return [.. _events];
        }
    }

    public static async Task<FakeAlpacaServer> StartAsync(TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var app = builder.Build();
        var server = new FakeAlpacaServer(app, clock ?? TimeProvider.System);
        app.UseWebSockets();
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUrl = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    /// <summary>The next requests of <paramref name="method"/> <paramref name="path"/> meet these faults, in order; later ones are served normally.</summary>
    public void Inject(string method, string path, params FakeFault[] faults)
    {
        lock (_gate) _faults.Add((method, path, new Queue<FakeFault>(faults)));
    }

    public int Count(string method, string path) => _requests.Count(r => r.Is(method, path));

    /// <summary>Completes when event <paramref name="name"/> has happened <paramref name="occurrence"/> times.</summary>
    public Task WaitForEventAsync(string name, int occurrence = 1)
    {
        lock (_gate)
        {
            if (_events.Count(e => e == name) >= occurrence) return Task.CompletedTask;
            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _eventWaiters.Add((name, occurrence, signal));
            return signal.Task;
        }
    }

    public void RecordEvent(string name)
    {
        List<TaskCompletionSource> released;
        lock (_gate)
        {
            _events.Add(name);
            var count = _events.Count(e => e == name);
            var due = _eventWaiters.Where(w => w.Name == name && w.Occurrence <= count).ToList();
            foreach (var waiter in due) _eventWaiters.Remove(waiter);
            released = due.Select(w => w.Signal).ToList();
        }
        foreach (var signal in released) signal.SetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path == "/stream")
        {
            await Stream.HandleAsync(context, _stopping.Token);
            return;
        }
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var recorded = new FakeRequest(
            request.Method,
            request.Path.Value ?? "",
            request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body);
        _requests.Enqueue(recorded);
        RecordEvent($"{recorded.Method} {recorded.Path}");

        if (recorded.Header("APCA-API-KEY-ID") != KeyId || recorded.Header("APCA-API-SECRET-KEY") != Secret)
        {
            await WriteAsync(context, 401, """{"code":40110000,"message":"request is not authorized"}""", null);
            return;
        }
        switch (TakeFault(recorded.Method, recorded.Path))
        {
            case FakeFault.Answer answer:
                await WriteAsync(context, answer.StatusCode, answer.Body, answer.RetryAfterSeconds);
                return;
            case FakeFault.Reset { AfterHandling: var acted }:
                if (acted) Route(recorded);
                context.Abort();
                return;
            case FakeFault.Delay { AfterHandling: var acted }:
                if (acted) Route(recorded);
                await HangAsync(context);
                return;
        }
        var (status, answerBody) = Route(recorded);
        await WriteAsync(context, status, answerBody, null);
    }

    private (int Status, string Body) Route(FakeRequest r)
    {
        var path = r.Path;
        const string ordersPrefix = "/v2/orders/";
        const string assetsPrefix = "/v2/assets/";
        return (r.Method, path) switch
        {
            ("GET", "/v2/account") => (200, AccountJson),
            ("GET", "/v2/clock") => (200, ClockJson),
            ("GET", "/v2/calendar") => (200, CalendarJson),
            ("GET", "/v2/assets") => (200, AssetsJson),
            ("GET", _) when path.StartsWith(assetsPrefix, StringComparison.Ordinal) => Asset(Uri.UnescapeDataString(path[assetsPrefix.Length..])),
            ("GET", "/v2/positions") => (200, PositionsJson),
            ("DELETE", "/v2/positions") => (207, AlpacaMocks.Read(AlpacaMocks.CloseAllPositions)),
            ("DELETE", _) when path.StartsWith("/v2/positions/", StringComparison.Ordinal) => (200, AlpacaMocks.Read(AlpacaMocks.ClosePositionWithQty)),
            ("POST", "/v2/orders") => Book.Submit(r.Body),
            ("GET", "/v2/orders") => Book.List(r.QueryValue("status"), r.QueryValue("after"), r.QueryValue("limit")),
            ("DELETE", "/v2/orders") => Book.CancelAll(),
            ("GET", "/v2/orders:by_client_order_id") => Book.GetByClientOrderId(r.QueryValue("client_order_id") ?? ""),
            ("GET", _) when path.StartsWith(ordersPrefix, StringComparison.Ordinal) => Book.Get(path[ordersPrefix.Length..]),
            ("PATCH", _) when path.StartsWith(ordersPrefix, StringComparison.Ordinal) => Book.Replace(path[ordersPrefix.Length..], r.Body),
            ("DELETE", _) when path.StartsWith(ordersPrefix, StringComparison.Ordinal) => Book.Cancel(path[ordersPrefix.Length..]),
            _ => (404, $$"""{"code":40410000,"message":"no route {{r.Method}} {{path}}"}"""),
        };
    }

    // AAPL as recorded; SPY and BTC/USD derived from it, so every asset an order can name is known by ticker and by id.
    private static (int, string) Asset(string tickerOrId)
    {
        var aapl = JsonNode.Parse(AlpacaMocks.Read(AlpacaMocks.Asset))!.AsObject();
        JsonObject? asset = tickerOrId switch
        {
            "AAPL" or AlpacaMocks.AaplAssetId => aapl,
            "SPY" or FakeOrderBook.SpyAssetId => Variant(aapl, FakeOrderBook.SpyAssetId, "SPY", "ARCA", "us_equity"),
            "BTC/USD" or "BTCUSD" or FakeOrderBook.BtcAssetId => Variant(aapl, FakeOrderBook.BtcAssetId, "BTC/USD", "CRYPTO", "crypto"),
            _ => null,
        };
        return asset is null ? (404, """{"code":40410000,"message":"asset not found"}""") : (200, asset.ToJsonString());
    }

    private static JsonObject Variant(JsonObject template, string id, string symbol, string exchange, string assetClass)
    {
        var asset = template.DeepClone().AsObject();
        asset["id"] = id;
        asset["symbol"] = symbol;
        asset["exchange"] = exchange;
        asset["class"] = assetClass;
        asset["name"] = symbol;
        return asset;
    }

    private FakeFault? TakeFault(string method, string path)
    {
        lock (_gate)
        {
            foreach (var (m, p, faults) in _faults)
            {
                if (m == method && p == path && faults.Count > 0) return faults.Dequeue();
            }
            return null;
        }
    }

    private async Task HangAsync(HttpContext context)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, context.RequestAborted);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, linked.Token);
        }
        catch (OperationCanceledException)
        {
            // The client gave up (its timeout) or the server is stopping: the hang is over.
        }
    }

    private static async Task WriteAsync(HttpContext context, int status, string body, int? retryAfterSeconds)
    {
        context.Response.StatusCode = status;
        if (retryAfterSeconds is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (body.Length == 0) return;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body, context.RequestAborted);
    }
}
