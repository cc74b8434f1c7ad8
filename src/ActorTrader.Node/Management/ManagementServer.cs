using System.Net;
using ActorTrader.Node.Dashboard;
using ActorTrader.Node.Hosting;
using ActorTrader.Node.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog.Extensions.Logging;

namespace ActorTrader.Node.Management;

/// <summary>Kestrel on the configured loopback address, serving <see cref="ManagementApi"/> and the dashboard.</summary>
internal static class ManagementServer
{
    /// <summary>The largest request body accepted; the API's requests are a few short fields.</summary>
    public const long MaxRequestBodyBytes = 16 * 1024;

    /// <param name="dashboardSource">Where the dashboard reads from; null reads the node (benchmarks pass a prepared set).</param>
    public static WebApplication Build(NodeContext node, Serilog.ILogger logger, TimeSpan stopTimeout, IDashboardSource? dashboardSource = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new SerilogLoggerProvider(logger));
        builder.Services.AddSingleton<IHostLifetime, NodeHostLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = stopTimeout);
        builder.Services.AddSingleton(node.Time);
        var management = node.Settings.Management;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Parse(management.Host), management.Port);
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        });
        // Unreadable bodies throw, so ApiErrorMiddleware can answer with a message instead of an empty 400.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        DashboardContext? dashboard = null;
        if (management.Dashboard.Enabled)
        {
            var feed = new DashboardFeed(dashboardSource ?? new NodeDashboardSource(node, node.OrderHistory), management.Dashboard.UpdateInterval, node.Time, logger.ForContext<DashboardFeed>());
            builder.Services.AddSingleton<IHostedService>(feed);
            dashboard = new DashboardContext(node.Settings.Node.Name, node.Token, management.TokenFile, new DashboardSessions(node.Time), new LoginThrottle(node.Time), feed);
        }

        var app = builder.Build();
        if (node.Metrics is { } metrics) app.Use(new MetricsMiddleware(metrics).InvokeAsync);
        app.Use(CorrelationIdMiddleware.InvokeAsync);
        app.Use(ApiErrorMiddleware.InvokeAsync);
        app.Use(new BearerTokenMiddleware(node.Token, management.TokenFile, dashboard?.Sessions).InvokeAsync);
        ManagementApi.Map(app, node);
        if (dashboard is not null) DashboardEndpoints.Map(app, dashboard);
        return app;
    }

    /// <summary>The URL Kestrel actually bound (the real port when the configured one is 0).</summary>
    public static string BoundUrl(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("Kestrel reported no bound address after starting.");
        return address.EndsWith('/') ? address : address + "/";
    }
}
