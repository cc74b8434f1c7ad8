namespace ActorTrader.Data.Providers.Alpaca;

/// <summary>
/// The Alpaca key pair, shared by the market-data client and the broker. It is sent as the
/// <c>APCA-API-KEY-ID</c> / <c>APCA-API-SECRET-KEY</c> headers and hides itself everywhere else:
/// <see cref="ToString"/> prints neither value, <see cref="Redact"/> replaces them in any text that came from outside.
/// </summary>
public sealed class AlpacaCredentials
{
    public AlpacaCredentials(string keyId, string secretKey)
    {
        KeyId = keyId ?? "";
        SecretKey = secretKey ?? "";
    }

    public string KeyId { get; }

    public string SecretKey { get; }

    public bool IsComplete => !string.IsNullOrWhiteSpace(KeyId) && !string.IsNullOrWhiteSpace(SecretKey);

    /// <summary>Replaces the key id and the secret, wherever they occur in <paramref name="text"/>, with ***.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // The secret first: a key id that happened to be part of it must not leave the rest of it behind.
        foreach (var secret in new[] { SecretKey, KeyId })
        {
            if (secret.Length > 0) text = text.Replace(secret, "***", StringComparison.Ordinal);
        }
        return text;
    }

    /// <summary>
    /// <paramref name="cause"/> itself when its text holds neither credential, else an
    /// <see cref="AlpacaRedactedException"/> carrying its type and redacted message only.
    /// </summary>
    public Exception Sanitize(Exception cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        var full = cause.ToString();
        return Redact(full) == full ? cause : new AlpacaRedactedException($"{cause.GetType().Name}: {Redact(cause.Message)}");
    }

    public override string ToString() =>
        $"AlpacaCredentials {{ KeyId = {(KeyId.Length == 0 ? "(unset)" : "***")}, SecretKey = {(SecretKey.Length == 0 ? "(unset)" : "***")} }}";
}
