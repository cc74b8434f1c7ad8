using ActorTrader.Hosting.Logging;
using ActorTrader.Hosting.Management;
using Microsoft.AspNetCore.Http;
using Serilog.Context;

namespace ActorTrader.Node.Management;

/// <summary>Gives every request a correlation id (the caller's <c>X-Correlation-Id</c> or a new one), logged with every event it causes.</summary>
internal static class CorrelationIdMiddleware
{
    private const int MaxLength = 64;
    private const string ItemKey = "CorrelationId";

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var presented = context.Request.Headers[ManagementRoutes.CorrelationIdHeader].ToString();
        // Only ids that are safe to echo and log; anything else is replaced.
        var id = presented.Length is > 0 and <= MaxLength && presented.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? presented
            : Guid.NewGuid().ToString("N");
        context.Items[ItemKey] = id;
        context.Response.Headers[ManagementRoutes.CorrelationIdHeader] = id;
        using (LogContext.PushProperty(LogProperties.CorrelationId, id))
        {
            await next(context).ConfigureAwait(false);
        }
    }

    public static string? Get(HttpContext context) => context.Items.TryGetValue(ItemKey, out var id) ? id as string : null;
}
