using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ActorTrader.Node.Tests.Alerts;

/// <summary>A loopback HTTP server that stands in for an alert webhook: it keeps every JSON body POSTed to <see cref="Url"/>.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _web;
    private readonly Channel<JsonElement> _received = Channel.CreateUnbounded<JsonElement>();

    private WebhookReceiver(WebApplication web, Uri url)
    {
        _web = web;
        Url = url;
    }

    /// <summary>The webhook's URL, with a secret-looking path (it must never be logged).</summary>
    public Uri Url { get; }

    /// <summary>Answers with this status; 200 by default.</summary>
    public int Status { get; set; } = StatusCodes.Status200OK;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var web = builder.Build();
        WebhookReceiver? receiver = null;
        web.MapPost("/hooks/s3cret-path", async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            await receiver!._received.Writer.WriteAsync(body.RootElement.Clone());
            return Results.StatusCode(receiver.Status);
        });
        await web.StartAsync();
        var address = web.Urls.First();
        receiver = new WebhookReceiver(web, new Uri(new Uri(address), "/hooks/s3cret-path"));
        return receiver;
    }

    /// <summary>The next alert of <paramref name="kind"/> the webhook received (others are skipped); fails after <paramref name="timeout"/>.</summary>
    public async Task<JsonElement> NextOfKindAsync(string kind, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var alert = await _received.Reader.ReadAsync(cancel.Token);
                if (alert.GetProperty("kind").GetString() == kind) return alert;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The webhook received no alert of kind {kind} within {timeout.TotalSeconds} s.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _web.StopAsync();
        await _web.DisposeAsync();
    }
}
