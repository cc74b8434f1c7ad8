using System.Buffers;
using System.Runtime.InteropServices;
using ActorTrader.Parquet.Encodings;
using ActorTrader.Parquet.Format;
using ActorTrader.Parquet.Values;
using Encoding = ActorTrader.Parquet.Format.Encoding;

namespace ActorTrader.Parquet.Writing;

/// <summary>
/// Writes one column chunk: statistics, an optional dictionary page (abandoned for PLAIN when the
/// dictionary grows past its limit or barely repeats), then data pages of about DataPageBytes each.
/// </summary>
internal static class ColumnChunkWriter<T>
    where T : notnull
{
    private const int MaxRowsPerPage = 1 << 20;

    public static ColumnChunk Write(ColumnCodec<T> codec, ChunkWriteContext context, Array values)
    {
        var field = context.Field;
        var options = context.Options;
        var sink = context.Sink;
        var shape = codec.Shape(field.Nullable);
        var rows = values.Length;
        int[]? definitions = null;
        T[]? denseRented = null;
        int[]? indices = null;
        try
        {
            ReadOnlySpan<T> dense;
            if (field.Nullable)
            {
                definitions = ArrayPool<int>.Shared.Rent(Math.Max(1, rows));
                denseRented = ArrayPool<T>.Shared.Rent(Math.Max(1, rows));
                var defined = shape.Gather(values, 0, rows, definitions, denseRented);
                dense = denseRented.AsSpan(0, defined);
            }
            else
            {
                dense = shape.RequiredValues(values);
            }

            var statistics = new Statistics { NullCount = rows - dense.Length };
            if (codec.Physical != PhysicalType.Int96 && codec.TryMinMax(dense, out var min, out var max))
            {
                statistics.MinValue = codec.EncodeStatistic(min);
                statistics.MaxValue = codec.EncodeStatistic(max);
            }

            var delta = options.DeltaEncodeTimestamps && field.Type.Kind == ParquetTypeKind.Timestamp && codec.SupportsDeltaEncoding;
            T[]? dictionary = null;
            if (!delta && options.UseDictionary && codec.Physical != PhysicalType.Boolean)
            {
                indices = ArrayPool<int>.Shared.Rent(Math.Max(1, dense.Length));
                dictionary = TryBuildDictionary(codec, dense, indices, options.DictionaryMaxBytes);
            }

            var chunkStart = sink.Position;
            long uncompressedTotal = 0;
            long compressedTotal = 0;
            long? dictionaryOffset = null;
            var encodings = new List<Encoding>();
            if (field.Nullable)
            {
                encodings.Add(Encoding.Rle);
            }

            var bitWidth = 0;
            if (dictionary is not null)
            {
                dictionaryOffset = sink.Position;
                var body = sink.Body;
                body.Clear();
                codec.EncodePlain(dictionary, body);
                var header = new PageHeader
                {
                    Type = PageType.DictionaryPage,
                    DictionaryPageHeader = new DictionaryPageHeader { NumValues = dictionary.Length, Encoding = Encoding.Plain },
                };
                var (u, c) = sink.WritePage(header, body.WrittenSpan);
                uncompressedTotal += u;
                compressedTotal += c;
                encodings.Add(Encoding.Plain);
                encodings.Add(Encoding.RleDictionary);
                bitWidth = BitPacking.BitWidth((ulong)Math.Max(0, dictionary.Length - 1));
            }
            else
            {
                encodings.Add(delta ? Encoding.DeltaBinaryPacked : Encoding.Plain);
            }

            var valueEncoding = dictionary is not null ? Encoding.RleDictionary : delta ? Encoding.DeltaBinaryPacked : Encoding.Plain;
            var rowsPerPage = RowsPerPage(codec, dense, rows, dictionary is not null, bitWidth, options.DataPageBytes);
            var dataPageOffset = sink.Position;
            var denseStart = 0;
            var row = 0;
            do
            {
                var pageRows = Math.Min(rowsPerPage, rows - row);
                var pageDefined = pageRows;
                ReadOnlySpan<int> pageLevels = default;
                if (definitions is not null)
                {
                    pageLevels = definitions.AsSpan(row, pageRows);
                    pageDefined = pageLevels.Length - pageLevels.Count(0);
                }

                var pageDense = dense.Slice(denseStart, pageDefined);
                var (u, c) = WriteDataPage(codec, sink, options.DataPageVersion, valueEncoding, pageLevels, field.Nullable, pageRows, pageDense, indices is not null && dictionary is not null ? indices.AsSpan(denseStart, pageDefined) : default, bitWidth);
                uncompressedTotal += u;
                compressedTotal += c;
                row += pageRows;
                denseStart += pageDefined;
            }
            while (row < rows);

            return new ColumnChunk
            {
                FileOffset = chunkStart,
                MetaData = new ColumnMetaData
                {
                    Type = codec.Physical,
                    Encodings = encodings.Distinct().ToList(),
                    PathInSchema = [field.Name],
                    Codec = sink.Codec,
                    NumValues = rows,
                    TotalUncompressedSize = uncompressedTotal,
                    TotalCompressedSize = compressedTotal,
                    DataPageOffset = dataPageOffset,
                    DictionaryPageOffset = dictionaryOffset,
                    Statistics = statistics,
                },
            };
        }
        finally
        {
            if (definitions is not null)
            {
                ArrayPool<int>.Shared.Return(definitions);
            }

            if (denseRented is not null)
            {
                ArrayPool<T>.Shared.Return(denseRented, clearArray: System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>());
            }

            if (indices is not null)
            {
                ArrayPool<int>.Shared.Return(indices);
            }
        }
    }

    private static (long Uncompressed, long Compressed) WriteDataPage(ColumnCodec<T> codec, PageSink sink, int version, Encoding encoding, ReadOnlySpan<int> levels, bool nullable, int rows, ReadOnlySpan<T> dense, ReadOnlySpan<int> indices, int bitWidth)
    {
        var body = sink.Body;
        body.Clear();
        var levelBuffer = sink.Levels;
        levelBuffer.Clear();
        if (nullable)
        {
            RleHybridEncoder.Encode(levels, 1, levelBuffer);
        }

        if (version == 1 && nullable)
        {
            body.WriteInt32(levelBuffer.Length);
            body.Write(levelBuffer.WrittenSpan);
        }

        var valuesStart = body.Length;
        switch (encoding)
        {
            case Encoding.RleDictionary:
                body.WriteByte((byte)bitWidth);
                RleHybridEncoder.Encode(indices, bitWidth, body);
                break;
            case Encoding.DeltaBinaryPacked:
                codec.EncodeDeltaBinaryPacked(dense, body);
                break;
            default:
                codec.EncodePlain(dense, body);
                break;
        }

        if (version == 1)
        {
            var header = new PageHeader
            {
                Type = PageType.DataPage,
                DataPageHeader = new DataPageHeader { NumValues = rows, Encoding = encoding },
            };
            return sink.WritePage(header, body.WrittenSpan);
        }

        var v2 = new PageHeader
        {
            Type = PageType.DataPageV2,
            DataPageHeaderV2 = new DataPageHeaderV2
            {
                NumValues = rows,
                NumNulls = rows - dense.Length,
                NumRows = rows,
                Encoding = encoding,
                DefinitionLevelsByteLength = levelBuffer.Length,
                RepetitionLevelsByteLength = 0,
            },
        };
        return sink.WritePageV2(v2, levelBuffer.WrittenSpan, body.WrittenSpan[valuesStart..]);
    }

    private static int RowsPerPage(ColumnCodec<T> codec, ReadOnlySpan<T> dense, int rows, bool dictionary, int bitWidth, int pageBytes)
    {
        if (rows == 0)
        {
            return 1;
        }

        double bytesPerRow;
        if (dictionary)
        {
            bytesPerRow = Math.Max(bitWidth, 1) / 8.0;
        }
        else
        {
            var sample = dense[..Math.Min(dense.Length, 4096)];
            bytesPerRow = sample.IsEmpty ? 0.125 : (double)codec.PlainSize(sample) / sample.Length * dense.Length / rows;
        }

        bytesPerRow = Math.Max(bytesPerRow, 0.125);
        var perPage = (long)(Math.Max(1, pageBytes) / bytesPerRow);
        return (int)Math.Clamp(perPage, 1, MaxRowsPerPage);
    }

    /// <summary>
    /// Assigns dictionary indices; returns null (use PLAIN) when the dictionary page would pass
    /// <paramref name="maxBytes"/> or when dictionary page + bit-packed indices would not be smaller than
    /// PLAIN. Sizes decide, not an early distinct-ratio sample: time-sorted bars look all-distinct in their
    /// first minutes yet repeat prices heavily over a row group (as DuckDB's dictionaries show).
    /// </summary>
    private static T[]? TryBuildDictionary(ColumnCodec<T> codec, ReadOnlySpan<T> dense, Span<int> indices, int maxBytes)
    {
        var map = new Dictionary<T, int>(codec.DictionaryEquality);
        var order = new List<T>();
        var fixedWidth = codec.FixedWidth;
        var entryBytes = fixedWidth > 0 ? null : new List<int>();
        long dictionaryBytes = 0;
        long plainBytes = (long)dense.Length * fixedWidth;
        Span<T> one = new T[1];
        object? previous = null;
        var previousIndex = 0;
        for (var i = 0; i < dense.Length; i++)
        {
            var value = dense[i];

            // Symbol-like columns repeat the same string instance in runs; skip hashing for those.
            if (!typeof(T).IsValueType && previous is not null && ReferenceEquals(value, previous))
            {
                indices[i] = previousIndex;
                plainBytes += entryBytes is null ? 0 : entryBytes[previousIndex];
                continue;
            }

            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(map, value!, out var exists);
            if (!exists)
            {
                slot = order.Count;
                order.Add(value);
                if (entryBytes is null)
                {
                    dictionaryBytes += fixedWidth;
                }
                else
                {
                    one[0] = value;
                    var size = (int)codec.PlainSize(one);
                    entryBytes.Add(size);
                    dictionaryBytes += size;
                }

                if (dictionaryBytes > maxBytes)
                {
                    return null;
                }
            }

            indices[i] = slot;
            if (entryBytes is not null)
            {
                plainBytes += entryBytes[slot];
            }

            if (!typeof(T).IsValueType)
            {
                previous = value;
                previousIndex = slot;
            }
        }

        var indexBytes = ((long)dense.Length * BitPacking.BitWidth((ulong)Math.Max(0, order.Count - 1)) + 7) / 8;
        return dictionaryBytes + indexBytes < plainBytes ? order.ToArray() : null;
    }
}
