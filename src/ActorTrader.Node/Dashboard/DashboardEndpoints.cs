using System.Text;
using ActorTrader.Hosting.Management;
using ActorTrader.Hosting.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ActorTrader.Node.Dashboard;

/// <summary>
/// The dashboard's endpoints: login and logout, the page, the snapshot as JSON and as Server-Sent Events, the equity
/// chart per range and the page's own script and style (embedded in the node, so it works without internet).
/// </summary>
internal static class DashboardEndpoints
{
    private const string Html = "text/html; charset=utf-8";

    public static void Map(IEndpointRouteBuilder routes, DashboardContext dashboard)
    {
        routes.MapGet(DashboardRoutes.Login, () => Results.Content(LoginPage.Render(dashboard.NodeName, dashboard.TokenFile, null), Html));
        // HttpRequest, not HttpContext: a lone HttpContext parameter makes the handler a RequestDelegate, whose result is discarded.
        routes.MapPost(DashboardRoutes.Login, (HttpRequest request) => LoginAsync(request.HttpContext, dashboard));
        routes.MapGet(DashboardRoutes.Logout, (HttpContext http) =>
        {
            dashboard.Sessions.Remove(http.Request.Cookies[DashboardRoutes.SessionCookie]);
            http.Response.Cookies.Delete(DashboardRoutes.SessionCookie, CookieOptions(http));
            return Results.Redirect(DashboardRoutes.Login);
        });
        routes.MapGet(DashboardRoutes.Page, (HttpContext http) =>
        {
            // A bearer-token client has no session: it gets a page without a CSRF value (its buttons are refused).
            var session = dashboard.Sessions.Find(http.Request.Cookies[DashboardRoutes.SessionCookie]);
            http.Response.Headers.CacheControl = "no-store";
            return Results.Content(DashboardPage.Render(dashboard.NodeName, session?.Csrf ?? "", dashboard.Feed.Latest?.Json), Html);
        });
        routes.MapGet(DashboardRoutes.Snapshot, async (CancellationToken ct) =>
        {
            var latest = dashboard.Feed.Latest ?? await dashboard.Feed.NextAsync(0, ct).ConfigureAwait(false);
            return Results.Bytes(latest.Json, "application/json");
        });
        routes.MapGet(DashboardRoutes.EquityChart, (string? range) =>
        {
            var chosen = range ?? "90d";
            if (!DashboardCharts.Ranges.ContainsKey(chosen))
                return Results.Json(new ApiError($"range={chosen} is not a chart range. Fix: use one of {string.Join(", ", DashboardCharts.Ranges.Keys)}."), ManagementJson.Options, statusCode: StatusCodes.Status400BadRequest);
            return Results.Content(dashboard.Feed.EquityChart(chosen), "image/svg+xml; charset=utf-8");
        });
        routes.MapGet(DashboardRoutes.Events, (HttpContext http) => StreamAsync(http, dashboard.Feed));
        routes.MapGet(DashboardRoutes.Assets + "/{name}", (string name) => Asset(name));
        // Browsers ask for it on every page; there is none, and "none" is not an error worth a 401 or 404 in their console.
        routes.MapGet(DashboardRoutes.Favicon, () => Results.NoContent());
    }

    /// <summary>Exchanges the token for a session cookie; a wrong token gets the page again with the error (and counts towards the throttle).</summary>
    private static async Task<IResult> LoginAsync(HttpContext http, DashboardContext dashboard)
    {
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (dashboard.Throttle.IsBlocked(address))
        {
            return Results.Content(LoginPage.Render(dashboard.NodeName, dashboard.TokenFile,
                $"Too many wrong tokens from {address}; wait a minute and try again."), Html, statusCode: StatusCodes.Status429TooManyRequests);
        }
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false) : null;
        var token = form?["token"].ToString() ?? "";
        if (!BearerToken.Matches(BearerToken.HeaderValue(token.Trim()), dashboard.Token))
        {
            dashboard.Throttle.Failed(address);
            return Results.Content(LoginPage.Render(dashboard.NodeName, dashboard.TokenFile,
                "Wrong token. Paste the whole contents of the token file."), Html, statusCode: StatusCodes.Status401Unauthorized);
        }
        dashboard.Throttle.Succeeded(address);
        var session = dashboard.Sessions.Create();
        http.Response.Cookies.Append(DashboardRoutes.SessionCookie, session.Id, CookieOptions(http, session.ExpiresAt));
        http.Response.Headers.Location = DashboardRoutes.Page;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static CookieOptions CookieOptions(HttpContext http, DateTimeOffset? expires = null) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        Secure = http.Request.IsHttps,
        Expires = expires,
    };

    /// <summary>Server-Sent Events: every new snapshot as an event "snapshot", starting with the current one.</summary>
    private static async Task StreamAsync(HttpContext http, DashboardFeed feed)
    {
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        // Kestrel must not buffer: each event goes out as it is written.
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();
        // The stream ends when the browser goes or the node stops: an open page must not hold up a graceful shutdown.
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted,
            http.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        var ct = ended.Token;
        long sequence = 0;
        try
        {
            await http.Response.WriteAsync("retry: 2000\n\n", ct).ConfigureAwait(false);
            while (!ct.IsCancellationRequested)
            {
                var next = await feed.NextAsync(sequence, ct).ConfigureAwait(false);
                sequence = next.Snapshot.Sequence;
                await http.Response.WriteAsync($"event: snapshot\nid: {sequence}\ndata: ", ct).ConfigureAwait(false);
                await http.Response.Body.WriteAsync(next.Json, ct).ConfigureAwait(false);
                await http.Response.WriteAsync("\n\n", ct).ConfigureAwait(false);
                await http.Response.Body.FlushAsync(ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The browser went away, or the node stops: the stream simply ends (the page reconnects to the next node).
        }
    }

    private static IResult Asset(string name)
    {
        var type = Path.GetExtension(name) switch
        {
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            _ => null,
        };
        var stream = type is null ? null : typeof(DashboardEndpoints).Assembly.GetManifestResourceStream($"ActorTrader.Node.Dashboard.Assets.{name}");
        return stream is null
            ? Results.Json(new ApiError($"There is no dashboard asset {name}."), ManagementJson.Options, statusCode: StatusCodes.Status404NotFound)
            : Results.Stream(stream, type);
    }
}

/// <summary>What the dashboard's endpoints share: the node's name and token, the sign-ins, the login throttle and the feed.</summary>
internal sealed record DashboardContext(string NodeName, string Token, string TokenFile, DashboardSessions Sessions, LoginThrottle Throttle, DashboardFeed Feed)
{
    // Records print every property; the token must not reach a log that way.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("NodeName = ").Append(NodeName).Append(", Token = ***");
        return true;
    }
}
