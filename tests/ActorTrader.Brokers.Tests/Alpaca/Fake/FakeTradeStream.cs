using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ActorTrader.Brokers.Tests.Alpaca.Fake;

/// <summary>
/// The fake trade-updates WebSocket at <c>/stream</c>: answers authenticate (authorized only for the expected key pair,
/// unless <see cref="Authorizes"/> is off) and listen, then pushes what the test sends, as text or binary frames.
/// Faults: <see cref="Refuse"/> answers upgrades with 503, <see cref="DropAll"/> resets every connection.
/// Every step is logged as a server event (stream-connected, stream-authorized, stream-listening, …).
/// </summary>
internal sealed class FakeTradeStream(FakeAlpacaServer server)
{
    private readonly Lock _gate = new();
    private readonly List<Session> _sessions = [];

    /// <summary>False answers every authenticate with unauthorized and closes.</summary>
    public bool Authorizes { get; set; } = true;

    /// <summary>True answers WebSocket upgrades with HTTP 503 (the stream is down and stays down).</summary>
    public bool Refuse { get; set; }

    /// <summary>True sends pushed messages as binary frames, as Alpaca's paper stream does.</summary>
    public bool Binary { get; set; }

    /// <summary>The authenticate messages received, as sent (they hold the key pair).</summary>
    public List<string> AuthenticateMessages { get; } = [];

    public async Task HandleAsync(HttpContext context, CancellationToken stopping)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }
        if (Refuse)
        {
            server.RecordEvent("stream-refused");
            context.Response.StatusCode = 503;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        server.RecordEvent("stream-connected");
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, context.RequestAborted);
        var token = linked.Token;
        using var session = new Session(socket, context);
        try
        {
            var authenticate = await ReceiveTextAsync(socket, token);
            if (authenticate is null) return;
            lock (_gate) AuthenticateMessages.Add(authenticate);
            if (!Authorizes || !HasExpectedKeys(authenticate))
            {
                await session.SendAsync("""{"stream":"authorization","data":{"action":"authenticate","status":"unauthorized"}}""", binary: false, token);
                server.RecordEvent("stream-unauthorized");
                await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "unauthorized", token);
                return;
            }
            // Each step is recorded before the client can learn of it, so the event log orders it before anything the client does next.
            server.RecordEvent("stream-authorized");
            await session.SendAsync("""{"stream":"authorization","data":{"action":"authenticate","status":"authorized"}}""", Binary, token);
            var listen = await ReceiveTextAsync(socket, token);
            if (listen is null || !listen.Contains("trade_updates", StringComparison.Ordinal)) return;
            lock (_gate) _sessions.Add(session);
            server.RecordEvent("stream-listening");
            await session.SendAsync("""{"stream":"listening","data":{"streams":["trade_updates"]}}""", Binary, token);
            while (await ReceiveTextAsync(socket, token) is not null)
            {
                // The client has nothing more to say; keep reading so a close or reset is noticed.
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // The connection was reset (a drop the test asked for) or the server is stopping.
        }
        finally
        {
            lock (_gate) _sessions.Remove(session);
            server.RecordEvent("stream-closed");
        }
    }

    /// <summary>Pushes <paramref name="message"/> to every listening connection; returns how many got it.</summary>
    public async Task<int> PushAsync(string message)
    {
        List<Session> sessions;
        lock (_gate) sessions = [.. _sessions];
        foreach (var session in sessions) await session.SendAsync(message, Binary, CancellationToken.None);
        return sessions.Count;
    }

    /// <summary>Resets every connection without a close frame.</summary>
    public void DropAll()
    {
        List<Session> sessions;
        lock (_gate) sessions = [.. _sessions];
        foreach (var session in sessions) session.Context.Abort();
    }

    private static bool HasExpectedKeys(string authenticate)
    {
        using var document = JsonDocument.Parse(authenticate);
        var data = document.RootElement.GetProperty("data");
        return data.GetProperty("key_id").GetString() == FakeAlpacaServer.KeyId
               && data.GetProperty("secret_key").GetString() == FakeAlpacaServer.Secret;
    }

    private static async Task<string?> ReceiveTextAsync(WebSocket socket, CancellationToken token)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(), token);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return Encoding.UTF8.GetString(message.ToArray());
        }
    }

    private sealed class Session(WebSocket socket, HttpContext context) : IDisposable
    {
        private readonly SemaphoreSlim _sending = new(1, 1);

        public HttpContext Context { get; } = context;

        public async Task SendAsync(string message, bool binary, CancellationToken token)
        {
            await _sending.WaitAsync(token);
            try
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(message).AsMemory(),
                    binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text, endOfMessage: true, token);
            }
            finally
            {
                _sending.Release();
            }
        }

        public void Dispose() => _sending.Dispose();
    }
}
