using System.Buffers;
using ActorTrader.Parquet.Encodings;
using ActorTrader.Parquet.Format;
using ActorTrader.Parquet.Values;
using Encoding = ActorTrader.Parquet.Format.Encoding;

namespace ActorTrader.Parquet.Reading;

/// <summary>
/// Decodes the chunk of a list-of-primitives leaf (maximum repetition level 1): collects repetition levels,
/// definition levels and dense values from every data page (v1 and v2), then cuts them into one element
/// array per row. A row starts at repetition level 0; its first definition level tells a null list (below
/// <see cref="Schema.ColumnDescriptor.ListEmptyDefinitionLevel"/>) from an empty one (equal to it).
/// </summary>
internal static class ListChunkReader<T>
    where T : notnull
{
    public static Array Read(ColumnCodec<T> codec, ChunkReadContext context)
    {
        var column = context.Column;
        var levels = new PageLevels();
        var dense = new List<T>();
        var buffer = context.Buffer;
        ArraySegment<T>? dictionary = null;
        var position = 0;
        var pageIndex = 0;
        try
        {
            while (position < context.Length)
            {
                var header = PageHeaderReader.ReadNext(buffer, context.Length, ref position, pageIndex);
                var compressed = header.CompressedPageSize;

                switch (header.Type)
                {
                    case PageType.DictionaryPage:
                        ColumnChunkReader<T>.ReturnDictionary(dictionary);
                        dictionary = null;
                        dictionary = ColumnChunkReader<T>.ReadDictionary(codec, header, buffer, position, context.MetaData.Codec, pageIndex);
                        break;
                    case PageType.DataPage:
                        ReadDataPageV1(codec, column.MaxDefinitionLevel, header, buffer, position, context.MetaData.Codec, dictionary, pageIndex, levels, dense);
                        break;
                    case PageType.DataPageV2:
                        ReadDataPageV2(codec, column.MaxDefinitionLevel, header, buffer, position, context.MetaData.Codec, dictionary, pageIndex, levels, dense);
                        break;
                    default:
                        break;
                }

                position += compressed;
                pageIndex++;
            }
        }
        finally
        {
            ColumnChunkReader<T>.ReturnDictionary(dictionary);
        }

        return Assemble(codec, column.ListEmptyDefinitionLevel, column.MaxDefinitionLevel, context.RowCount, levels, dense);
    }

    private static Array Assemble(ColumnCodec<T> codec, int emptyLevel, int maxDefinition, int rows, PageLevels levels, List<T> dense)
    {
        var repetition = levels.Repetition;
        var definition = levels.Definition;
        var shape = codec.Shape(maxDefinition > emptyLevel + 1);
        var result = Array.CreateInstance(shape.ArrayType, rows);
        var values = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(dense);
        var row = -1;
        var d = 0;
        var i = 0;
        while (i < repetition.Count)
        {
            if (repetition[i] != 0)
            {
                throw new ParquetDataException($"level {i} continues a list (repetition level {repetition[i]}) but no row has started; the levels are corrupt");
            }

            var end = i + 1;
            while (end < repetition.Count && repetition[end] != 0)
            {
                end++;
            }

            if (++row >= rows)
            {
                throw new ParquetDataException($"the levels hold more than the row group's {rows} rows; the file's metadata is wrong");
            }

            var first = definition[i];
            if (first <= emptyLevel)
            {
                if (end != i + 1)
                {
                    throw new ParquetDataException($"row {row} is a null or empty list but has {end - i} levels; the levels are corrupt");
                }

                // Below the empty level the list itself (or its parent) is null: the row stays null.
                if (first == emptyLevel)
                {
                    result.SetValue(shape.Create(0), row);
                }

                i = end;
                continue;
            }

            var count = end - i;
            var rowLevels = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(definition).Slice(i, count);
            var defined = 0;
            foreach (var level in rowLevels)
            {
                if (level <= emptyLevel || level > maxDefinition)
                {
                    throw new ParquetDataException($"row {row} has an element with definition level {level}, outside {emptyLevel + 1}..{maxDefinition}; the levels are corrupt");
                }

                if (level == maxDefinition)
                {
                    defined++;
                }
            }

            if (d + defined > values.Length)
            {
                throw new ParquetDataException($"row {row} needs more values than the pages hold; the file is corrupt");
            }

            var elements = shape.Create(count);
            if (shape.IsNullable)
            {
                shape.Scatter(elements, 0, rowLevels, maxDefinition, values.Slice(d, defined));
            }
            else
            {
                values.Slice(d, defined).CopyTo(shape.RequiredSlice(elements, 0, count));
            }

            result.SetValue(elements, row);
            d += defined;
            i = end;
        }

        if (row + 1 != rows)
        {
            throw new ParquetDataException($"the column chunk holds {row + 1} of {rows} rows; the file is truncated or its metadata is wrong");
        }

        return result;
    }

    private static void ReadDataPageV1(ColumnCodec<T> codec, int maxDefinition, PageHeader header, byte[] buffer, int position, CompressionCodec codecKind, ArraySegment<T>? dictionary, int pageIndex, PageLevels levels, List<T> dense)
    {
        var h = header.DataPageHeader ?? throw new ParquetDataException($"data page {pageIndex} has no data page header");
        var count = h.NumValues;
        var size = header.UncompressedPageSize;
        if (count < 0)
        {
            throw new ParquetDataException($"data page {pageIndex} claims {count} values");
        }

        var page = ArrayPool<byte>.Shared.Rent(Math.Max(1, size));
        try
        {
            ColumnChunkReader<T>.Decompress(codecKind, buffer, position, header.CompressedPageSize, page.AsSpan(0, size), pageIndex);
            var body = page.AsSpan(0, size);
            var offset = 0;
            var repetition = V1PageLevels.Read(body, ref offset, h.RepetitionLevelEncoding, "repetition", pageIndex);
            var definition = maxDefinition > 0 ? V1PageLevels.Read(body, ref offset, h.DefinitionLevelEncoding, "definition", pageIndex) : default;
            DecodePage(codec, h.Encoding, repetition, definition, body[offset..], count, maxDefinition, dictionary, levels, dense);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(page);
        }
    }

    private static void ReadDataPageV2(ColumnCodec<T> codec, int maxDefinition, PageHeader header, byte[] buffer, int position, CompressionCodec codecKind, ArraySegment<T>? dictionary, int pageIndex, PageLevels levels, List<T> dense)
    {
        var h = header.DataPageHeaderV2 ?? throw new ParquetDataException($"data page v2 {pageIndex} has no v2 header");
        var count = h.NumValues;
        var repetitionLength = h.RepetitionLevelsByteLength;
        var definitionLength = h.DefinitionLevelsByteLength;
        var levelBytes = (long)repetitionLength + definitionLength;
        if (count < 0 || repetitionLength < 0 || definitionLength < 0 || levelBytes > header.CompressedPageSize || levelBytes > header.UncompressedPageSize)
        {
            throw new ParquetDataException($"data page v2 {pageIndex} claims {count} values and level lengths ({repetitionLength} + {definitionLength}) that do not fit the page");
        }

        // v2 pages keep levels uncompressed and without length prefixes, ahead of the (maybe compressed) values.
        var repetition = buffer.AsSpan(position, repetitionLength);
        var definition = buffer.AsSpan(position + repetitionLength, definitionLength);
        var valuesSize = header.UncompressedPageSize - (int)levelBytes;
        var page = ArrayPool<byte>.Shared.Rent(Math.Max(1, valuesSize));
        try
        {
            var kind = h.IsCompressed ? codecKind : CompressionCodec.Uncompressed;
            ColumnChunkReader<T>.Decompress(kind, buffer, position + (int)levelBytes, header.CompressedPageSize - (int)levelBytes, page.AsSpan(0, valuesSize), pageIndex);
            DecodePage(codec, h.Encoding, repetition, definition, page.AsSpan(0, valuesSize), count, maxDefinition, dictionary, levels, dense);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(page);
        }
    }

    private static void DecodePage(ColumnCodec<T> codec, Encoding encoding, ReadOnlySpan<byte> repetitionBytes, ReadOnlySpan<byte> definitionBytes, ReadOnlySpan<byte> data, int count, int maxDefinition, ArraySegment<T>? dictionary, PageLevels levels, List<T> dense)
    {
        var repetition = new int[count];
        var definition = new int[count];
        new RleHybridDecoder(repetitionBytes, 1).ReadExactly(repetition);
        if (maxDefinition > 0)
        {
            new RleHybridDecoder(definitionBytes, BitPacking.BitWidth((ulong)maxDefinition)).ReadExactly(definition);
        }

        var defined = 0;
        foreach (var level in definition)
        {
            if (level == maxDefinition)
            {
                defined++;
            }
        }

        var values = new T[defined];
        ColumnChunkReader<T>.DecodeDense(codec, encoding, data, values, dictionary);
        levels.Repetition.AddRange(repetition);
        levels.Definition.AddRange(definition);
        dense.AddRange(values);
    }

    /// <summary>The chunk's levels so far, in page order.</summary>
    private sealed class PageLevels
    {
        public List<int> Repetition { get; } = [];

        public List<int> Definition { get; } = [];
    }
}
