using System.Buffers.Binary;
using ActorTrader.Parquet.Encodings;
using Encoding = ActorTrader.Parquet.Format.Encoding;

namespace ActorTrader.Parquet.Reading;

/// <summary>
/// Repetition or definition levels of a data page v1: RLE, preceded by their byte length as a 4-byte
/// little-endian integer, at the start of the decompressed page (repetition first, then definition).
/// </summary>
internal static class V1PageLevels
{
    /// <summary>Returns the levels at <paramref name="offset"/> and moves <paramref name="offset"/> past them.</summary>
    public static ReadOnlySpan<byte> Read(ReadOnlySpan<byte> body, ref int offset, Encoding encoding, string what, int pageIndex)
    {
        if (encoding != Encoding.Rle)
        {
            throw new ParquetDataException($"data page {pageIndex} stores {what} levels as {encoding}; only RLE levels are supported");
        }

        if (body.Length - offset < 4)
        {
            throw new ParquetDataException($"data page {pageIndex} is too short for its {what} levels");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(body[offset..]);
        if (length < 0 || length > body.Length - offset - 4)
        {
            throw new ParquetDataException($"data page {pageIndex} {what} levels claim {length} bytes but the page has {body.Length - offset - 4}");
        }

        var levels = body.Slice(offset + 4, length);
        offset += 4 + length;
        return levels;
    }
}
