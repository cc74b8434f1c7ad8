using ActorTrader.Parquet.Compression;
using ActorTrader.Parquet.Encodings;
using ActorTrader.Parquet.Format;
using ActorTrader.Parquet.Thrift;

namespace ActorTrader.Parquet.Writing;

/// <summary>
/// Appends pages (Thrift header + compressed body) to the output stream, or to memory for a column chunk
/// encoded in parallel with others, tracking the offset and the sizes a column chunk's metadata needs.
/// Its buffers are reused for every page of the file.
/// </summary>
internal sealed class PageSink : IDisposable
{
    private readonly Stream? _stream;
    private readonly ByteBuffer? _memory;
    private readonly CompactWriter _header = new();
    private readonly ByteBuffer _compressed = new(1 << 16);

    public PageSink(Stream stream, long position, CompressionCodec codec, bool writeChecksums)
    {
        _stream = stream;
        Position = position;
        Codec = codec;
        WriteChecksums = writeChecksums;
    }

    private PageSink(CompressionCodec codec, bool writeChecksums)
    {
        _memory = new ByteBuffer(1 << 16);
        Codec = codec;
        WriteChecksums = writeChecksums;
    }

    /// <summary>A sink that keeps its pages in memory (offsets from 0) until they are copied to the file with <see cref="WrittenBytes"/>.</summary>
    public static PageSink InMemory(CompressionCodec codec, bool writeChecksums) => new(codec, writeChecksums);

    /// <summary>The bytes an in-memory sink holds.</summary>
    public ReadOnlySpan<byte> WrittenBytes => _memory is not null ? _memory.WrittenSpan : throw new InvalidOperationException("Only in-memory page sinks hold their bytes.");

    public long Position { get; private set; }

    public CompressionCodec Codec { get; }

    public bool WriteChecksums { get; }

    /// <summary>Reusable scratch buffers for page bodies.</summary>
    public ByteBuffer Body { get; } = new(1 << 16);

    public ByteBuffer Levels { get; } = new(1 << 12);

    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        if (_stream is not null)
        {
            _stream.Write(bytes);
        }
        else
        {
            _memory!.Write(bytes);
        }

        Position += bytes.Length;
    }

    /// <summary>Empties an in-memory sink for the next column chunk, keeping its buffers.</summary>
    public void Restart()
    {
        if (_memory is null)
        {
            throw new InvalidOperationException("Only in-memory page sinks restart.");
        }

        _memory.Clear();
        Position = 0;
    }

    /// <summary>Compresses <paramref name="body"/> and writes it with <paramref name="header"/>; returns (uncompressed, compressed) sizes including the header.</summary>
    public (long Uncompressed, long Compressed) WritePage(PageHeader header, ReadOnlySpan<byte> body)
    {
        _compressed.Clear();
        PageCompression.Compress(Codec, body, _compressed);
        header.UncompressedPageSize = body.Length;
        header.CompressedPageSize = _compressed.Length;
        if (WriteChecksums)
        {
            header.Crc = unchecked((int)Crc32.Compute(_compressed.WrittenSpan));
        }

        return Emit(header, _compressed.WrittenSpan, body.Length);
    }

    /// <summary>Writes a v2 data page: levels stay uncompressed, values are compressed.</summary>
    public (long Uncompressed, long Compressed) WritePageV2(PageHeader header, ReadOnlySpan<byte> levels, ReadOnlySpan<byte> values)
    {
        _compressed.Clear();
        _compressed.Write(levels);
        PageCompression.Compress(Codec, values, _compressed);
        header.UncompressedPageSize = levels.Length + values.Length;
        header.CompressedPageSize = _compressed.Length;
        header.DataPageHeaderV2!.IsCompressed = Codec != CompressionCodec.Uncompressed;
        if (WriteChecksums)
        {
            header.Crc = unchecked((int)Crc32.Compute(_compressed.WrittenSpan));
        }

        return Emit(header, _compressed.WrittenSpan, levels.Length + values.Length);
    }

    public void Dispose()
    {
        _compressed.Dispose();
        _memory?.Dispose();
        Body.Dispose();
        Levels.Dispose();
    }

    private (long Uncompressed, long Compressed) Emit(PageHeader header, ReadOnlySpan<byte> stored, int uncompressedBody)
    {
        _header.Clear();
        header.Write(_header);
        var headerBytes = _header.WrittenSpan;
        WriteRaw(headerBytes);
        WriteRaw(stored);
        return (headerBytes.Length + uncompressedBody, headerBytes.Length + stored.Length);
    }
}
