using ActorTrader.Hosting.Management;
using ActorTrader.Hosting.Security;
using Microsoft.AspNetCore.Http;

namespace ActorTrader.Node.Management;

/// <summary>
/// Lets a request other than <c>/health</c> through only with <c>Authorization: Bearer &lt;token&gt;</c> (compared in
/// constant time); 401 otherwise. A middleware, not an endpoint filter: filters run after the body is bound, so an
/// unauthenticated request would be parsed (and could get a 400) before being refused.
/// </summary>
internal sealed class BearerTokenMiddleware(string token, string tokenFile)
{
    private static readonly PathString Health = new(ManagementRoutes.Health);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Request.Path.Equals(Health) || BearerToken.Matches(context.Request.Headers.Authorization.ToString(), token))
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        // Names where the token lives, never the token.
        await context.Response.WriteAsJsonAsync(
            new ApiError($"Missing or wrong bearer token. The token is in {tokenFile} on the node's machine."), ManagementJson.Options).ConfigureAwait(false);
    }
}
