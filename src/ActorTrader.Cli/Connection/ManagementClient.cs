using System.Net;
using System.Net.Http.Json;
using ActorTrader.Hosting.Management;
using ActorTrader.Hosting.Security;

namespace ActorTrader.Cli.Connection;

/// <summary>
/// Calls a node's management API with the bearer token from the configured token file, turning every
/// failure into a <see cref="CliException"/> that says what happened and what to do.
/// </summary>
public sealed class ManagementClient : IDisposable
{
    private readonly NodeTarget _target;
    private readonly HttpClient _http;

    public ManagementClient(NodeTarget target, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        _target = target;
        _http = new HttpClient(context.HttpHandlerFactory(), disposeHandler: true) { BaseAddress = target.Url, Timeout = context.RequestTimeout };
    }

    /// <summary>What "the node is not running" looks like to the operator.</summary>
    public string NotRunningMessage => $"No node is answering at {_target.Url} (from {_target.UrlSource}). Start one with ./run.sh";

    public Task<T> GetAsync<T>(string route, CancellationToken cancellationToken) =>
        SendAsync<T>(() => new HttpRequestMessage(HttpMethod.Get, route.TrimStart('/')), cancellationToken);

    public Task<T> PostAsync<T>(string route, object body, CancellationToken cancellationToken) =>
        SendAsync<T>(() => new HttpRequestMessage(HttpMethod.Post, route.TrimStart('/')) { Content = JsonContent.Create(body, body.GetType(), options: ManagementJson.Options) }, cancellationToken);

    /// <summary>
    /// As <see cref="GetAsync{T}"/>, except that 400 and 404 (the request names something the node does not know, or is
    /// malformed) become a <see cref="CliException"/> with exit code <see cref="ExitCodes.Usage"/> and the node's own
    /// sentence, as the same mistake gets when a command runs without a node.
    /// </summary>
    public Task<T> GetWithUsageErrorsAsync<T>(string route, CancellationToken cancellationToken) =>
        SendAsync<T>(() => new HttpRequestMessage(HttpMethod.Get, route.TrimStart('/')), cancellationToken, requestErrorsAreUsage: true);

    /// <summary>As <see cref="PostAsync{T}"/>, with 400 and 404 as usage errors (<see cref="GetWithUsageErrorsAsync{T}"/>).</summary>
    public Task<T> PostWithUsageErrorsAsync<T>(string route, object body, CancellationToken cancellationToken) =>
        SendAsync<T>(() => new HttpRequestMessage(HttpMethod.Post, route.TrimStart('/')) { Content = JsonContent.Create(body, body.GetType(), options: ManagementJson.Options) },
            cancellationToken, requestErrorsAreUsage: true);

    private async Task<T> SendAsync<T>(Func<HttpRequestMessage> request, CancellationToken cancellationToken, bool requestErrorsAreUsage = false)
    {
        var token = await ReadTokenAsync(cancellationToken).ConfigureAwait(false);
        using var message = request();
        message.Headers.TryAddWithoutValidation("Authorization", BearerToken.HeaderValue(token));
        message.Headers.TryAddWithoutValidation(ManagementRoutes.CorrelationIdHeader, Guid.NewGuid().ToString("N"));
        // Taken before sending: HttpClient makes RequestUri absolute, which would print the base address twice.
        var route = message.RequestUri?.OriginalString ?? string.Empty;
        using var response = await SendRawAsync(message, cancellationToken).ConfigureAwait(false);
        // 409 carries a refusal in the normal body (e.g. rebalance while halted).
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict)
            return await ReadBodyAsync<T>(response, route, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
            throw new CliException(ExitCodes.Unauthorized,
                $"401: the node rejected the token in {_target.TokenFile}; the node at {_target.Url} was started with a different token file. " +
                $"Fix: point --config at the configuration that node was started with (it uses {_target.ConfigFile} now), or restart the node.");
        var error = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (requestErrorsAreUsage && response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound)
            throw new CliException(ExitCodes.Usage, ApiErrorText(error));
        throw new CliException(ExitCodes.NodeError, $"{(int)response.StatusCode} {response.ReasonPhrase} from {_target.Url}{route}: {ApiErrorText(error)}");
    }

    // The node's errors are {"error": "..."}; print the sentence, not the JSON around it.
    private static string ApiErrorText(string body)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<ApiError>(body, ManagementJson.Options)?.Error ?? body;
        }
        catch (System.Text.Json.JsonException)
        {
            return body;
        }
    }

    private async Task<string> ReadTokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return TokenFile.Read(_target.TokenFile);
        }
        catch (TokenFileException e) when (!File.Exists(_target.TokenFile))
        {
            // No token file usually means no node ever started with this configuration; say that if nothing answers.
            if (!await IsAnsweringAsync(cancellationToken).ConfigureAwait(false)) throw new CliException(ExitCodes.NodeNotRunning, NotRunningMessage, e);
            throw new CliException(ExitCodes.Unauthorized, e.Message, e);
        }
        catch (TokenFileException e)
        {
            throw new CliException(ExitCodes.Unauthorized, e.Message, e);
        }
    }

    private async Task<bool> IsAnsweringAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(ManagementRoutes.Health.TrimStart('/'), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Something accepted the connection but did not answer in time: it is there, just hung.
            return true;
        }
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new CliException(ExitCodes.NodeNotRunning, NotRunningMessage, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliException(ExitCodes.NodeError, $"The node at {_target.Url} did not answer within {_http.Timeout.TotalSeconds:0.#} s. Fix: check its log (data/logs) or restart it.", e);
        }
    }

    private async Task<T> ReadBodyAsync<T>(HttpResponseMessage response, string route, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(ManagementJson.Options, cancellationToken).ConfigureAwait(false)
                ?? throw new CliException(ExitCodes.NodeError, $"The node at {_target.Url} answered {route} with an empty body.");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new CliException(ExitCodes.NodeError, $"The node at {_target.Url} answered {route} with something that is not the expected JSON ({e.Message}). Is another program listening on that port?", e);
        }
    }

    public void Dispose() => _http.Dispose();
}
