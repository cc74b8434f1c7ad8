using System.Security.Cryptography;
using System.Text;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Trading.Orders;

/// <summary>
/// Deterministic client order ids: <c>at-</c> + 32 lowercase hex digits of SHA-256 over the order's identity. The same
/// (account, sleeve, rebalance id, symbol, side, leg) always gives the same id, on any machine and after any restart;
/// 35 characters fit Alpaca's limit of 48.
/// </summary>
public static class ClientOrderIds
{
    public const string Prefix = "at-";

    public static string For(string accountId, string sleeve, string rebalanceId, Symbol symbol, OrderSide side, string leg)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ArgumentException.ThrowIfNullOrWhiteSpace(sleeve);
        ArgumentException.ThrowIfNullOrWhiteSpace(rebalanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(leg);
        // Unit separators keep ("a","bc") and ("ab","c") apart.
        var identity = string.Join('\u001f', accountId, sleeve, rebalanceId, symbol.ToString(), side.ToWire(), leg);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity));
        return Prefix + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
