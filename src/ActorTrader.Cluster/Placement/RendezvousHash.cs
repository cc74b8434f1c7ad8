using System.Text;

namespace ActorTrader.Cluster.Placement;

/// <summary>
/// Rendezvous (highest-random-weight) hashing: a key belongs to the node with the highest weight(node, key). Removing
/// a node moves only its keys; adding one moves about 1/n of them. The weight is a stable 64-bit hash (FNV-1a over
/// UTF-8 with a final avalanche), identical on every node and process, never string.GetHashCode.
/// </summary>
public static class RendezvousHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>The node that owns <paramref name="key"/>, or null when there are no nodes. Ties go to the ordinally smaller name.</summary>
    public static string? Owner(string key, IEnumerable<string> nodes)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(nodes);
        string? best = null;
        var bestWeight = 0UL;
        foreach (var node in nodes)
        {
            var weight = Weight(node, key);
            if (best is null || weight > bestWeight || (weight == bestWeight && string.CompareOrdinal(node, best) < 0))
            {
                best = node;
                bestWeight = weight;
            }
        }

        return best;
    }

    /// <summary>The weight of <paramref name="node"/> for <paramref name="key"/>.</summary>
    public static ulong Weight(string node, string key)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(key);
        var hash = FnvOffset;
        hash = Add(hash, node);
        // A separator no name contains keeps ("ab", "c") and ("a", "bc") apart.
        hash = (hash ^ 0xFF) * FnvPrime;
        hash = Add(hash, key);
        return Mix(hash);
    }

    private static ulong Add(ulong hash, string text)
    {
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetMaxByteCount(text.Length) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(text, buffer)] : Encoding.UTF8.GetBytes(text);
        foreach (var b in bytes) hash = (hash ^ b) * FnvPrime;
        return hash;
    }

    /// <summary>SplitMix64's finaliser: FNV-1a alone leaves its high bits poorly mixed for short, similar inputs.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
