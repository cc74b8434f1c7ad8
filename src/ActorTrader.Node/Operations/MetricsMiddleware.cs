using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ActorTrader.Node.Operations;

/// <summary>Counts and times every management request by route template (not the raw path: ids stay out of the tags) and status.</summary>
internal sealed class MetricsMiddleware(NodeMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
            var tags = new TagList { { "route", route }, { "method", context.Request.Method }, { "status", context.Response.StatusCode } };
            metrics.Requests.Add(1, tags);
            metrics.RequestDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tags);
        }
    }
}
