using System.IO.Compression;
using ActorTrader.Parquet.Encodings;
using ActorTrader.Parquet.Format;

namespace ActorTrader.Parquet.Compression;

/// <summary>Compresses and decompresses page bodies for the codecs this library supports.</summary>
internal static class PageCompression
{
    public static bool IsSupported(CompressionCodec codec) =>
        codec is CompressionCodec.Uncompressed or CompressionCodec.Snappy or CompressionCodec.Gzip;

    public static CompressionCodec ToCodec(ParquetCompression compression) => compression switch
    {
        ParquetCompression.None => CompressionCodec.Uncompressed,
        ParquetCompression.Snappy => CompressionCodec.Snappy,
        ParquetCompression.Gzip => CompressionCodec.Gzip,
        _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, "Use None, Snappy or Gzip."),
    };

    /// <summary>Appends the compressed form of <paramref name="input"/> to <paramref name="output"/>.</summary>
    public static void Compress(CompressionCodec codec, ReadOnlySpan<byte> input, ByteBuffer output)
    {
        switch (codec)
        {
            case CompressionCodec.Uncompressed:
                output.Write(input);
                break;
            case CompressionCodec.Snappy:
                SnappyEncoder.Compress(input, output);
                break;
            case CompressionCodec.Gzip:
                {
                    using var stream = new MemoryStream();
                    using (var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true))
                    {
                        gzip.Write(input);
                    }

                    output.Write(stream.GetBuffer().AsSpan(0, (int)stream.Length));
                    break;
                }

            default:
                throw new NotSupportedException($"Compression codec {codec} is not supported for writing.");
        }
    }

    /// <summary>Decompresses <paramref name="input"/> into exactly <paramref name="output"/>.</summary>
    public static void Decompress(CompressionCodec codec, byte[] input, int offset, int length, Span<byte> output)
    {
        switch (codec)
        {
            case CompressionCodec.Uncompressed:
                if (length != output.Length)
                {
                    throw new InvalidDataException($"Uncompressed page holds {length} bytes but the header says {output.Length}.");
                }

                input.AsSpan(offset, length).CopyTo(output);
                break;
            case CompressionCodec.Snappy:
                SnappyDecoder.Decompress(input.AsSpan(offset, length), output);
                break;
            case CompressionCodec.Gzip:
                {
                    using var source = new MemoryStream(input, offset, length, writable: false);
                    using var gzip = new GZipStream(source, CompressionMode.Decompress);
                    var total = 0;
                    while (total < output.Length)
                    {
                        var read = gzip.Read(output[total..]);
                        if (read == 0)
                        {
                            throw new InvalidDataException($"GZIP page decompressed to {total} bytes but the header says {output.Length}.");
                        }

                        total += read;
                    }

                    break;
                }

            default:
                throw new NotSupportedException($"Compression codec {codec} is not supported.");
        }
    }
}
