using ActorTrader.Actors;
using ActorTrader.Hosting.Management;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActorTrader.Node.Management;

/// <summary>
/// Turns the failures a caller can act on into a JSON <see cref="ApiError"/> with the right status, instead of
/// ASP.NET Core's empty 400, 413 or 500: an unreadable or oversized body, and a control actor that did not answer.
/// </summary>
internal static partial class ApiErrorMiddleware
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        // Kestrel enforces the limit too, but answers with an empty 413 (minimal APIs swallow its exception).
        if (context.Request.ContentLength > ManagementServer.MaxRequestBodyBytes)
        {
            await WriteAsync(context, StatusCodes.Status413PayloadTooLarge,
                $"The request body has {context.Request.ContentLength} bytes; at most {ManagementServer.MaxRequestBodyBytes} are accepted. Fix: send only the documented fields.").ConfigureAwait(false);
            return;
        }
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            var detail = e.InnerException is null ? e.Message : $"{e.Message} {e.InnerException.Message}";
            await WriteAsync(context, e.StatusCode, $"{detail} Fix: send the JSON object documented for {context.Request.Method} {context.Request.Path} with Content-Type: application/json (`actortrader --help` shows the fields of the matching command).").ConfigureAwait(false);
        }
        catch (AskTimeoutException e) when (!context.Response.HasStarted)
        {
            LogAskTimeout(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiErrorMiddleware).FullName!), e, context.Request.Path);
            await WriteAsync(context, StatusCodes.Status503ServiceUnavailable,
                "The node's control actor did not answer within actortrader.actors.ask-timeout; the request may still take effect. " +
                "Until it answers, treat the node as halted (its journal may be unavailable). Fix: check `actortrader status` and `actortrader errors`.").ConfigureAwait(false);
        }
    }

    private static Task WriteAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ApiError(message), ManagementJson.Options);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The control actor did not answer a request to {Path} in time")]
    private static partial void LogAskTimeout(ILogger logger, Exception exception, string path);
}
