using System.Net;
using System.Threading.Channels;
using ActorTrader.Hosting.Settings;
using ActorTrader.Node.Operations;
using ActorTrader.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace ActorTrader.Node.Tests.Operations;

/// <summary>The OTLP exporter: off by default, and when on it POSTs the node's metrics as protobuf to a loopback collector.</summary>
public sealed class OtlpMetricsTests
{
    private sealed record Received(string Path, string? ContentType, int Bytes, string? Header);

    [Fact]
    public void Otlp_is_off_by_default_and_then_no_exporter_runs()
    {
        Assert.False(TelemetrySettings.Default.Enabled);
        Assert.Null(OtlpMetrics.Start(TelemetrySettings.Default));
    }

    [Fact]
    public async Task When_enabled_the_metrics_reach_the_collector_as_otlp_protobuf_with_the_headers()
    {
        var received = Channel.CreateUnbounded<Received>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        await using var collector = builder.Build();
        collector.MapPost("/v1/metrics", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            await received.Writer.WriteAsync(new Received(request.Path, request.ContentType, (int)body.Length, request.Headers["api-key"]));
            return Results.Ok();
        });
        await collector.StartAsync();
        using var metrics = new NodeMetrics(TimeProvider.System);
        var settings = TelemetrySettings.Default with { Enabled = true, Endpoint = new Uri(collector.Urls.First()), Headers = "api-key=k3y" };

        using (var provider = OtlpMetrics.Start(settings))
        {
            Assert.NotNull(provider);
            metrics.Orders.Add(5, new KeyValuePair<string, object?>("event", "filled"));
            // Export now instead of waiting for the interval.
            Assert.True(provider.ForceFlush());
        }

        using var wait = new CancellationTokenSource(TestKitBase.Dilated(TimeSpan.FromSeconds(30)));
        var post = await received.Reader.ReadAsync(wait.Token);
        Assert.Equal("/v1/metrics", post.Path);
        Assert.Equal("application/x-protobuf", post.ContentType);
        Assert.True(post.Bytes > 0);
        Assert.Equal("k3y", post.Header);
        await collector.StopAsync();
    }
}
