using ActorTrader.Hosting.Management;
using ActorTrader.Hosting.Security;
using Microsoft.AspNetCore.Http;

namespace ActorTrader.Node.Management;

/// <summary>Lets a request through only with <c>Authorization: Bearer &lt;token&gt;</c> (compared in constant time); 401 otherwise.</summary>
internal sealed class BearerTokenFilter(string token, string tokenFile) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (BearerToken.Matches(context.HttpContext.Request.Headers.Authorization.ToString(), token))
            return await next(context).ConfigureAwait(false);
        context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        // Names where the token lives, never the token.
        return Results.Json(new ApiError($"Missing or wrong bearer token. The token is in {tokenFile} on the node's machine."), ManagementJson.Options, statusCode: StatusCodes.Status401Unauthorized);
    }
}
