using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ActorTrader.Data.Tests.Providers.Alpaca.Fakes;

/// <summary>
/// A minimal HTTP/1.1 server on a loopback port that stands in for Alpaca: routes map a path to a handler,
/// scripted responses (answered first, in order) inject faults such as 429, 5xx, hangs and dropped connections.
/// Every connection carries one request and is closed after it, so each client attempt is one recorded request.
/// </summary>
internal sealed class FakeAlpacaServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, Func<RecordedRequest, FakeResponse>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakeResponse> _scripted = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentBag<Task> _connections = [];
    private readonly Task _acceptLoop;

    public FakeAlpacaServer()
    {
        _listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _acceptLoop = AcceptLoopAsync();
    }

    public Uri BaseUrl { get; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Answers GETs of <paramref name="path"/> (exact, still URL-escaped) with <paramref name="handler"/>.</summary>
    public void Map(string path, Func<RecordedRequest, FakeResponse> handler) => _routes[path] = handler;

    /// <summary>Answers every GET of <paramref name="path"/> with the same JSON body.</summary>
    public void MapJson(string path, string json) => Map(path, _ => FakeResponse.Json(json));

    /// <summary>The next requests, whatever their route, get these responses, in order.</summary>
    public void Script(params FakeResponse[] responses)
    {
        foreach (var response in responses) _scripted.Enqueue(response);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        await Task.WhenAll(_connections);
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _connections.Add(ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var connection = client;
        var stream = client.GetStream();
        try
        {
            var request = await ReadRequestAsync(stream, _stop.Token);
            if (request is null) return;
            _requests.Enqueue(request);
            var response = _scripted.TryDequeue(out var scripted) ? scripted : Route(request);
            switch (response)
            {
                case FakeResponse.Answer answer:
                    await WriteAsync(stream, answer, _stop.Token);
                    break;
                case FakeResponse.HangUp:
                    // Returns when the client closes the socket (read gives 0) or the server stops.
                    await stream.ReadAtLeastAsync(new byte[1], 1, throwOnEndOfStream: false, _stop.Token);
                    break;
                case FakeResponse.DropConnection:
                    client.Client.LingerState = new LingerOption(true, 0);
                    break;
                case FakeResponse.CutOffBody cut:
                    await WriteAsync(stream, new FakeResponse.Answer(200, cut.Body, null), _stop.Token, sendBytes: Encoding.UTF8.GetByteCount(cut.Body) / 2);
                    client.Client.LingerState = new LingerOption(true, 0);
                    break;
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
        {
            // The client hung up first (timeouts and cancellations do exactly that); nothing is left to answer.
        }
    }

    private FakeResponse Route(RecordedRequest request) =>
        request.Method == "GET" && _routes.TryGetValue(request.Path, out var handler)
            ? handler(request)
            : FakeResponse.Status(404, $"{{\"code\":40410000,\"message\":\"no route {request.Path}\"}}");

    private static async Task<RecordedRequest?> ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var length = 0;
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0) return null;
            length += read;
            var head = Encoding.ASCII.GetString(buffer, 0, length);
            var end = head.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0) return Parse(head[..end]);
            if (length == buffer.Length) throw new IOException("Request head larger than 64 KiB.");
        }
    }

    private static RecordedRequest Parse(string head)
    {
        var lines = head.Split("\r\n");
        var parts = lines[0].Split(' ');
        var target = parts[1];
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? target : target[..question];
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        if (question >= 0)
        {
            foreach (var pair in target[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? pair : pair[..equals];
                query[Uri.UnescapeDataString(name)] = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            }
        }
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        return new RecordedRequest(parts[0], path, query, headers);
    }

    private static async Task WriteAsync(NetworkStream stream, FakeResponse.Answer answer, CancellationToken cancellationToken, int? sendBytes = null)
    {
        var body = Encoding.UTF8.GetBytes(answer.Body);
        var head = new StringBuilder()
            .Append("HTTP/1.1 ").Append(answer.StatusCode).Append(' ').Append(Reason(answer.StatusCode)).Append("\r\n")
            .Append("Content-Type: application/json\r\n")
            .Append("Content-Length: ").Append(body.Length).Append("\r\n")
            .Append("Connection: close\r\n");
        if (answer.RetryAfterSeconds is { } seconds) head.Append("Retry-After: ").Append(seconds).Append("\r\n");
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken);
        await stream.WriteAsync(body.AsMemory(0, sendBytes ?? body.Length), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
