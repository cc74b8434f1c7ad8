using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ActorTrader.Quant.Forecasting.Signals;

/// <summary>
/// A short, stable hash of exactly the data a model saw (symbol, bar times and closes): two signals with the same
/// fingerprint were made from the same bars. Format <c>sha256:</c> + the first 16 hex digits.
/// </summary>
public static class DataFingerprint
{
    public static string Of(string symbol, IReadOnlyList<DateTime> times, IReadOnlyList<double> values)
    {
        if (times.Count != values.Count) throw new ArgumentException($"{times.Count} times but {values.Count} values; pass one time per value.", nameof(values));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(symbol));
        Span<byte> buffer = stackalloc byte[16];
        for (var i = 0; i < values.Count; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(buffer, times[i].Ticks);
            BinaryPrimitives.WriteDoubleLittleEndian(buffer[8..], values[i]);
            hash.AppendData(buffer);
        }
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
