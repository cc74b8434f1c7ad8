using System.Security.Cryptography;
using System.Text;
using ActorTrader.Research.Genetics;

namespace ActorTrader.Research.Promotion.Pipeline;

/// <summary>
/// Stable candidate ids: the strategy and the first 8 hex digits of the SHA-256 of the genome key, e.g.
/// <c>relative_volume_breakout-3fa2c1d9</c>. The same genome always gets the same id (on any node, in any run), so
/// proposing it again is recognised and the id an operator types stays valid.
/// </summary>
public static class CandidateIds
{
    public static string Of(Genome genome)
    {
        ArgumentNullException.ThrowIfNull(genome);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(genome.Key));
        return $"{genome.Strategy}-{Convert.ToHexStringLower(hash.AsSpan(0, 4))}";
    }
}
