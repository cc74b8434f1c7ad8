using System.Security.Cryptography;
using System.Text;
using ActorTrader.Hosting.Management;
using ActorTrader.Hosting.Security;
using ActorTrader.Node.Dashboard;
using Microsoft.AspNetCore.Http;

namespace ActorTrader.Node.Management;

/// <summary>
/// Lets a request through with <c>Authorization: Bearer &lt;token&gt;</c> (compared in constant time), or with the
/// dashboard's session cookie — a POST with the cookie must also carry the session's CSRF value in
/// <see cref="DashboardRoutes.CsrfHeader"/>, so another site cannot make a signed-in browser halt the node. Open to all:
/// <c>/health</c>, the login page and the dashboard's static assets. A browser asking for a dashboard page without a
/// session is sent to the login page; anything else gets 401. A middleware, not an endpoint filter: filters run after
/// the body is bound, so an unauthenticated request would be parsed (and could get a 400) before being refused.
/// </summary>
internal sealed class BearerTokenMiddleware(string token, string tokenFile, DashboardSessions? sessions)
{
    private static readonly PathString Health = new(ManagementRoutes.Health);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var path = context.Request.Path;
        if (path.Equals(Health) || BearerToken.Matches(context.Request.Headers.Authorization.ToString(), token)
            || (sessions is not null && DashboardRoutes.IsPublic(path)))
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        if (sessions?.Find(context.Request.Cookies[DashboardRoutes.SessionCookie]) is { } session)
        {
            if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || CsrfMatches(context, session))
            {
                await next(context).ConfigureAwait(false);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsJsonAsync(new ApiError(
                $"A signed-in request that changes something needs the {DashboardRoutes.CsrfHeader} header of the dashboard page. Fix: use the dashboard's buttons, or the bearer token."),
                ManagementJson.Options).ConfigureAwait(false);
            return;
        }
        if (sessions is not null && DashboardRoutes.IsPage(path) && HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.Redirect(DashboardRoutes.Login);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        // Names where the token lives, never the token.
        await context.Response.WriteAsJsonAsync(
            new ApiError($"Missing or wrong bearer token. The token is in {tokenFile} on the node's machine."), ManagementJson.Options).ConfigureAwait(false);
    }

    private static bool CsrfMatches(HttpContext context, DashboardSession session)
    {
        var presented = context.Request.Headers[DashboardRoutes.CsrfHeader].ToString();
        return presented.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(session.Csrf));
    }
}
