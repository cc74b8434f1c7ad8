using System.Buffers;
using ActorTrader.Parquet.Compression;
using ActorTrader.Parquet.Encodings;
using ActorTrader.Parquet.Format;
using ActorTrader.Parquet.Values;
using Encoding = ActorTrader.Parquet.Format.Encoding;

namespace ActorTrader.Parquet.Reading;

/// <summary>
/// Decodes the pages of one column chunk (dictionary, data v1, data v2) into a CLR array. Required
/// columns decode straight into the result; nullable ones decode dense values and scatter them.
/// </summary>
internal static class ColumnChunkReader<T>
    where T : notnull
{
    public static Array Read(ColumnCodec<T> codec, ChunkReadContext context)
    {
        if (context.Column.IsList)
        {
            return ListChunkReader<T>.Read(codec, context);
        }

        var column = context.Column;
        var maxDefinition = column.MaxDefinitionLevel;
        var shape = codec.Shape(maxDefinition > 0);
        var rows = context.RowCount;
        var result = context.Target ?? shape.Create(rows);
        if (context.Target is not null && shape.IsNullable)
        {
            // Pages only write defined rows; a reused array must start all-null.
            Array.Clear(result);
        }

        var buffer = context.Buffer;
        var codecKind = context.MetaData.Codec;
        ArraySegment<T>? dictionary = null;
        var row = 0;
        var position = 0;
        var pageIndex = 0;
        try
        {
            while (row < rows)
            {
                if (position >= context.Length)
                {
                    throw new ParquetDataException($"the column chunk ends after {row} of {rows} values; the file is truncated or its metadata is wrong");
                }

                var header = PageHeaderReader.ReadNext(buffer, context.Length, ref position, pageIndex);
                var compressed = header.CompressedPageSize;

                switch (header.Type)
                {
                    case PageType.DictionaryPage:
                        ReturnDictionary(dictionary);
                        dictionary = null;
                        dictionary = ReadDictionary(codec, header, buffer, position, codecKind, pageIndex);
                        break;
                    case PageType.DataPage:
                        row += ReadDataPageV1(codec, shape, header, buffer, position, codecKind, result, row, rows, maxDefinition, dictionary, pageIndex);
                        break;
                    case PageType.DataPageV2:
                        row += ReadDataPageV2(codec, shape, header, buffer, position, codecKind, result, row, rows, maxDefinition, dictionary, pageIndex);
                        break;
                    default:
                        // Index pages and unknown page types carry nothing this reader needs.
                        break;
                }

                position += compressed;
                pageIndex++;
            }
        }
        finally
        {
            ReturnDictionary(dictionary);
        }

        return result;
    }

    // Dictionaries live only while their chunk decodes, so they come from the pool: a new one per chunk would be
    // large-object garbage (a 60k-price dictionary is 480 KB) piling up between full collections.
    internal static void ReturnDictionary(ArraySegment<T>? dictionary)
    {
        if (dictionary is { Array: { } array })
        {
            ArrayPool<T>.Shared.Return(array, clearArray: System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        }
    }

    internal static ArraySegment<T> ReadDictionary(ColumnCodec<T> codec, PageHeader header, byte[] buffer, int position, CompressionCodec codecKind, int pageIndex)
    {
        var count = header.DictionaryPageHeader?.NumValues ?? throw new ParquetDataException($"dictionary page {pageIndex} has no dictionary header");
        var encoding = header.DictionaryPageHeader.Encoding;
        if (encoding is not (Encoding.Plain or Encoding.PlainDictionary))
        {
            throw new ParquetDataException($"dictionary page {pageIndex} uses encoding {encoding}; only PLAIN dictionaries exist in the spec");
        }

        if (count < 0 || count > header.UncompressedPageSize * 8L + 1)
        {
            throw new ParquetDataException($"dictionary page {pageIndex} claims {count} values in {header.UncompressedPageSize} bytes");
        }

        var page = ArrayPool<byte>.Shared.Rent(Math.Max(1, header.UncompressedPageSize));
        try
        {
            Decompress(codecKind, buffer, position, header.CompressedPageSize, page.AsSpan(0, header.UncompressedPageSize), pageIndex);
            var dictionary = ArrayPool<T>.Shared.Rent(Math.Max(1, count));
            try
            {
                codec.DecodePlain(page.AsSpan(0, header.UncompressedPageSize), dictionary.AsSpan(0, count));
            }
            catch
            {
                ArrayPool<T>.Shared.Return(dictionary, clearArray: System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>());
                throw;
            }

            return new ArraySegment<T>(dictionary, 0, count);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(page);
        }
    }

    private static int ReadDataPageV1(ColumnCodec<T> codec, ColumnShape<T> shape, PageHeader header, byte[] buffer, int position, CompressionCodec codecKind, Array result, int row, int rows, int maxDefinition, ArraySegment<T>? dictionary, int pageIndex)
    {
        var h = header.DataPageHeader ?? throw new ParquetDataException($"data page {pageIndex} has no data page header");
        var count = h.NumValues;
        if (count < 0 || count > rows - row)
        {
            throw new ParquetDataException($"data page {pageIndex} claims {count} values but only {rows - row} rows remain in the row group");
        }

        var size = header.UncompressedPageSize;
        var page = ArrayPool<byte>.Shared.Rent(Math.Max(1, size));
        try
        {
            Decompress(codecKind, buffer, position, header.CompressedPageSize, page.AsSpan(0, size), pageIndex);
            var body = page.AsSpan(0, size);
            var offset = 0;
            var levels = maxDefinition > 0 ? V1PageLevels.Read(body, ref offset, h.DefinitionLevelEncoding, "definition", pageIndex) : default;
            DecodeValues(codec, shape, h.Encoding, levels, body[offset..], result, row, count, maxDefinition, dictionary);
            return count;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(page);
        }
    }

    private static int ReadDataPageV2(ColumnCodec<T> codec, ColumnShape<T> shape, PageHeader header, byte[] buffer, int position, CompressionCodec codecKind, Array result, int row, int rows, int maxDefinition, ArraySegment<T>? dictionary, int pageIndex)
    {
        var h = header.DataPageHeaderV2 ?? throw new ParquetDataException($"data page v2 {pageIndex} has no v2 header");
        var count = h.NumValues;
        var repetitionLength = h.RepetitionLevelsByteLength;
        var definitionLength = h.DefinitionLevelsByteLength;
        if (count < 0 || count > rows - row)
        {
            throw new ParquetDataException($"data page v2 {pageIndex} claims {count} values but only {rows - row} rows remain in the row group");
        }

        var levelBytes = (long)repetitionLength + definitionLength;
        if (repetitionLength < 0 || definitionLength < 0 || levelBytes > header.CompressedPageSize || levelBytes > header.UncompressedPageSize)
        {
            throw new ParquetDataException($"data page v2 {pageIndex} level lengths ({repetitionLength} + {definitionLength}) exceed the page size");
        }

        var levels = buffer.AsSpan(position + repetitionLength, definitionLength);
        var valuesCompressed = header.CompressedPageSize - (int)levelBytes;
        var valuesSize = header.UncompressedPageSize - (int)levelBytes;
        var page = ArrayPool<byte>.Shared.Rent(Math.Max(1, valuesSize));
        try
        {
            var kind = h.IsCompressed ? codecKind : CompressionCodec.Uncompressed;
            Decompress(kind, buffer, position + (int)levelBytes, valuesCompressed, page.AsSpan(0, valuesSize), pageIndex);
            DecodeValues(codec, shape, h.Encoding, maxDefinition > 0 ? levels : default, page.AsSpan(0, valuesSize), result, row, count, maxDefinition, dictionary);
            return count;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(page);
        }
    }

    private static void DecodeValues(ColumnCodec<T> codec, ColumnShape<T> shape, Encoding encoding, ReadOnlySpan<byte> levels, ReadOnlySpan<byte> data, Array result, int row, int count, int maxDefinition, ArraySegment<T>? dictionary)
    {
        if (maxDefinition == 0)
        {
            DecodeDense(codec, encoding, data, shape.RequiredSlice(result, row, count), dictionary);
            return;
        }

        var definitions = ArrayPool<int>.Shared.Rent(Math.Max(1, count));
        var dense = ArrayPool<T>.Shared.Rent(Math.Max(1, count));
        try
        {
            var levelSpan = definitions.AsSpan(0, count);
            new RleHybridDecoder(levels, BitPacking.BitWidth((ulong)maxDefinition)).ReadExactly(levelSpan);
            var defined = 0;
            foreach (var level in levelSpan)
            {
                if (level == maxDefinition)
                {
                    defined++;
                }
                else if ((uint)level > (uint)maxDefinition)
                {
                    throw new ParquetDataException($"definition level {level} exceeds the column's maximum {maxDefinition}");
                }
            }

            DecodeDense(codec, encoding, data, dense.AsSpan(0, defined), dictionary);
            shape.Scatter(result, row, levelSpan, maxDefinition, dense.AsSpan(0, defined));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(definitions);
            ArrayPool<T>.Shared.Return(dense, clearArray: System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        }
    }

    internal static void DecodeDense(ColumnCodec<T> codec, Encoding encoding, ReadOnlySpan<byte> data, Span<T> output, ArraySegment<T>? dictionary)
    {
        switch (encoding)
        {
            case Encoding.Plain:
                codec.DecodePlain(data, output);
                break;
            case Encoding.PlainDictionary:
            case Encoding.RleDictionary:
                DecodeDictionaryIndices(data, output, dictionary);
                break;
            case Encoding.Rle:
                codec.DecodeRle(data, output);
                break;
            case Encoding.DeltaBinaryPacked:
                codec.DecodeDeltaBinaryPacked(data, output);
                break;
            case Encoding.DeltaLengthByteArray:
                codec.DecodeDeltaLengthByteArray(data, output);
                break;
            case Encoding.DeltaByteArray:
                codec.DecodeDeltaByteArray(data, output);
                break;
            case Encoding.ByteStreamSplit:
                codec.DecodeByteStreamSplit(data, output);
                break;
            default:
                throw new ParquetDataException($"value encoding {encoding} is not supported; rewrite the file with PLAIN, dictionary or DELTA encodings");
        }
    }

    private static void DecodeDictionaryIndices(ReadOnlySpan<byte> data, Span<T> output, ArraySegment<T>? dictionary)
    {
        if (dictionary is not { } entries)
        {
            throw new ParquetDataException("a dictionary-encoded page appears before any dictionary page");
        }

        if (output.IsEmpty)
        {
            return;
        }

        if (data.IsEmpty)
        {
            throw new ParquetDataException("a dictionary-encoded page has no index bit width");
        }

        int bitWidth = data[0];
        var indices = ArrayPool<int>.Shared.Rent(output.Length);
        try
        {
            var span = indices.AsSpan(0, output.Length);
            new RleHybridDecoder(data[1..], bitWidth).ReadExactly(span);
            ReadOnlySpan<T> values = entries;
            var size = (uint)values.Length;
            for (var i = 0; i < span.Length; i++)
            {
                var index = span[i];
                if ((uint)index >= size)
                {
                    throw new ParquetDataException($"dictionary index {index} is outside the {size}-entry dictionary");
                }

                output[i] = values[index];
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(indices);
        }
    }

    internal static void Decompress(CompressionCodec codec, byte[] buffer, int position, int length, Span<byte> output, int pageIndex)
    {
        try
        {
            PageCompression.Decompress(codec, buffer, position, length, output);
        }
        catch (InvalidDataException e)
        {
            throw new ParquetDataException($"page {pageIndex} failed to decompress with {codec} ({e.Message}); the file is corrupt");
        }
    }
}
