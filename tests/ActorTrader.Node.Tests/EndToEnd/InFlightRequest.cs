using System.Net.Sockets;
using System.Text;
using ActorTrader.TestKit;

namespace ActorTrader.Node.Tests.EndToEnd;

/// <summary>
/// A POST held open inside the node: the headers ask for <c>100 Continue</c>, which Kestrel sends only once the
/// endpoint starts reading the body, so after <see cref="StartAsync"/> the request is provably in flight.
/// </summary>
internal sealed class InFlightRequest : IDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly byte[] _body;

    private InFlightRequest(TcpClient client, byte[] body)
    {
        _client = client;
        _stream = client.GetStream();
        _body = body;
    }

    public static async Task<InFlightRequest> StartAsync(Uri baseUrl, string route, string token, string body)
    {
        var client = new TcpClient();
        try
        {
            await client.ConnectAsync(baseUrl.Host, baseUrl.Port);
        }
        catch
        {
            client.Dispose();
            throw;
        }
        var request = new InFlightRequest(client, Encoding.UTF8.GetBytes(body));
        try
        {
            var headers = $"POST {route} HTTP/1.1\r\nHost: {baseUrl.Authority}\r\nAuthorization: Bearer {token}\r\n" +
                          $"Content-Type: application/json\r\nContent-Length: {request._body.Length}\r\nExpect: 100-continue\r\n\r\n";
            await request._stream.WriteAsync(Encoding.ASCII.GetBytes(headers));
            var interim = await request.ReadHeadAsync();
            if (!interim.StartsWith("HTTP/1.1 100", StringComparison.Ordinal)) throw new InvalidOperationException($"Expected 100 Continue, got: {interim}");
        }
        catch
        {
            request.Dispose();
            throw;
        }
        return request;
    }

    /// <summary>Sends the body and returns the status line of the final response.</summary>
    public async Task<string> FinishAsync()
    {
        await _stream.WriteAsync(_body);
        var head = await ReadHeadAsync();
        return head.Split("\r\n")[0];
    }

    // Reads up to the blank line that ends a response head.
    private async Task<string> ReadHeadAsync()
    {
        using var deadline = new CancellationTokenSource(TestKitBase.Dilated(TimeSpan.FromSeconds(30)));
        var head = new StringBuilder();
        var buffer = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await _stream.ReadAsync(buffer, deadline.Token) == 0) throw new IOException($"The node closed the connection after: {head}");
            head.Append((char)buffer[0]);
        }
        return head.ToString();
    }

    public void Dispose()
    {
        _stream.Dispose();
        _client.Dispose();
    }
}
