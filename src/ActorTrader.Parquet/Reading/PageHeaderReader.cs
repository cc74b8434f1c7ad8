using ActorTrader.Parquet.Compression;
using ActorTrader.Parquet.Encodings;
using ActorTrader.Parquet.Format;
using ActorTrader.Parquet.Thrift;

namespace ActorTrader.Parquet.Reading;

/// <summary>
/// Reads the next page header of a column chunk and checks it before any page is decoded: the sizes fit the
/// chunk, and the page bytes match the CRC when one is stored. Shared by the flat and the list chunk readers.
/// </summary>
internal static class PageHeaderReader
{
    /// <summary>Largest uncompressed page accepted; anything bigger is a corrupt header, not a real page.</summary>
    public const int MaxPageBytes = 1 << 30;

    /// <summary>Reads the header at <paramref name="position"/> and moves <paramref name="position"/> to the page's bytes.</summary>
    public static PageHeader ReadNext(byte[] buffer, int chunkLength, ref int position, int pageIndex)
    {
        var headerReader = new CompactReader(buffer.AsSpan(position, chunkLength - position));
        PageHeader header;
        try
        {
            header = PageHeader.Read(ref headerReader);
        }
        catch (ThriftFormatException e)
        {
            throw new ParquetDataException($"page {pageIndex} header at chunk byte {position} is corrupt ({e.Message})");
        }

        position += headerReader.Position;
        var compressed = header.CompressedPageSize;
        var uncompressed = header.UncompressedPageSize;
        if (compressed < 0 || compressed > chunkLength - position || uncompressed < 0 || uncompressed > MaxPageBytes)
        {
            throw new ParquetDataException($"page {pageIndex} header claims {compressed} compressed / {uncompressed} uncompressed bytes but {chunkLength - position} bytes remain in the chunk; the page header is corrupt");
        }

        if (header.Crc is int expected)
        {
            var actual = Crc32.Compute(buffer.AsSpan(position, compressed));
            if (actual != (uint)expected)
            {
                throw new ParquetDataException($"page {pageIndex} fails its CRC check (stored 0x{(uint)expected:X8}, computed 0x{actual:X8}); the file is corrupt, restore it from a good copy");
            }
        }

        return header;
    }
}
