using System.Text;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Providers.Synthetic;

/// <summary>
/// FNV-1a 64 over the UTF-8 bytes of the symbol's text (EXCHANGE:TICKER). Unlike string.GetHashCode it is the
/// same in every process and .NET version, so a symbol's synthetic history never changes between runs.
/// </summary>
internal static class StableHash
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = OffsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(text)) hash = (hash ^ b) * Prime;
        return hash;
    }

    public static ulong Of(Symbol symbol) => Of(symbol.ToString());
}
