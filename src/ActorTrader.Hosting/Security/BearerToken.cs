using System.Security.Cryptography;
using System.Text;

namespace ActorTrader.Hosting.Security;

/// <summary>Checks an <c>Authorization: Bearer ...</c> header against the expected token in constant time.</summary>
public static class BearerToken
{
    private const string Scheme = "Bearer ";

    /// <summary>True when <paramref name="authorizationHeader"/> carries exactly <paramref name="expectedToken"/>.</summary>
    public static bool Matches(string? authorizationHeader, string expectedToken)
    {
        ArgumentNullException.ThrowIfNull(expectedToken);
        if (authorizationHeader is null || !authorizationHeader.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)) return false;
        var presented = Encoding.UTF8.GetBytes(authorizationHeader[Scheme.Length..].Trim());
        var expected = Encoding.UTF8.GetBytes(expectedToken);
        // Compare hashes so the time taken depends on neither the content nor the length of the token.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(presented), SHA256.HashData(expected));
    }

    /// <summary>The header value that presents <paramref name="token"/>.</summary>
    public static string HeaderValue(string token) => Scheme + token;
}
