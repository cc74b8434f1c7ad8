using System.Text;

namespace ActorTrader.Hosting.Settings;

/// <summary><c>actortrader.broker.alpaca</c>. The credentials never appear in <see cref="ToString"/>.</summary>
/// <param name="KeyId">API key id (from APCA_API_KEY_ID), null when absent.</param>
/// <param name="SecretKey">API secret key (from APCA_API_SECRET_KEY), null when absent.</param>
/// <param name="BaseUrl">Trading API base URL.</param>
/// <param name="Live">Whether this is a real-money account.</param>
public sealed record AlpacaSettings(string? KeyId, string? SecretKey, string BaseUrl, bool Live)
{
    /// <summary>
    /// The live confirm token (<c>live-confirm-token</c>, from ACTORTRADER_LIVE_CONFIRM_TOKEN): the plain token or
    /// <c>sha256:&lt;hex&gt;</c> of it; a live broker starts only when ACTORTRADER_LIVE_CONFIRM matches it. Null when absent.
    /// </summary>
    public string? LiveConfirmToken { get; init; }

    public bool HasCredentials => !string.IsNullOrWhiteSpace(KeyId) && !string.IsNullOrWhiteSpace(SecretKey);

    // Records print every property; credentials must not reach logs or error messages that way.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("KeyId = ").Append(KeyId is null ? "(none)" : "***")
            .Append(", SecretKey = ").Append(SecretKey is null ? "(none)" : "***")
            .Append(", BaseUrl = ").Append(BaseUrl)
            .Append(", Live = ").Append(Live)
            .Append(", LiveConfirmToken = ").Append(LiveConfirmToken is null ? "(none)" : "***");
        return true;
    }
}
