using System.Text;
using System.Text.Json;

namespace ActorTrader.Data.Providers.Alpaca;

/// <summary>
/// The pieces of an error message about an Alpaca call that every client writes alike: the route (never the
/// user-info a base URL could carry) and what Alpaca said in its error body, redacted and cut to a readable length.
/// </summary>
public static class AlpacaErrorText
{
    private const int MaxQuotedLength = 300;

    /// <summary><c>METHOD scheme://host/path?query</c>.</summary>
    public static string Route(string method, Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return method + " " + url.GetComponents(UriComponents.SchemeAndServer | UriComponents.PathAndQuery, UriFormat.UriEscaped);
    }

    /// <summary>
    /// Alpaca's <c>message</c> from an error body (<c>{"code": 40310000, "message": "…"}</c>), the whole JSON when it has
    /// none, the text itself when it is not JSON (proxy error pages); empty for an empty body. Not redacted: use it to
    /// classify an error, and <see cref="Quote"/> to show one.
    /// </summary>
    public static string MessageOf(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty) return "";
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty("message", out var message)
                   && message.ValueKind == JsonValueKind.String
                ? message.GetString()!.Trim()
                : document.RootElement.GetRawText().Trim();
        }
        catch (JsonException)
        {
            return Encoding.UTF8.GetString(body.Span).Trim();
        }
    }

    /// <summary><c> (Alpaca says: "…")</c> with the credentials redacted, or empty when the body says nothing.</summary>
    public static string Quote(ReadOnlyMemory<byte> body, AlpacaCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var text = credentials.Redact(MessageOf(body));
        if (text.Length > MaxQuotedLength) text = string.Concat(text.AsSpan(0, MaxQuotedLength), "…");
        return text.Length == 0 ? "" : $" (Alpaca says: \"{text}\")";
    }
}
