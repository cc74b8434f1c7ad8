using ActorTrader.Parquet.Encodings;
using ActorTrader.Parquet.Format;
using ActorTrader.Parquet.Reading;
using ActorTrader.Parquet.Schema;
using ActorTrader.Parquet.Thrift;

namespace ActorTrader.Parquet.Tests.Lists;

/// <summary>
/// List shapes no copied file has (legacy 2-level lists, bare repeated fields, nullable elements), each read
/// from one hand-built v1 data page whose levels are written out by hand from the Parquet spec's rules.
/// </summary>
public sealed class HandBuiltListPageTests
{
    private static SchemaElement Root(int children) => new() { Name = "schema", NumChildren = children };

    private static SchemaElement ListGroup(string name, Repetition repetition) => new()
    {
        Name = name,
        Repetition = repetition,
        NumChildren = 1,
        ConvertedType = ConvertedType.List,
        LogicalType = new LogicalType { Kind = LogicalTypeKind.List },
    };

    private static SchemaElement Int32(string name, Repetition repetition) => new() { Name = name, Type = PhysicalType.Int32, Repetition = repetition };

    private static Array ReadOnePage(ColumnDescriptor leaf, int rows, int[] repetition, int[] definition, int[] values)
    {
        using var body = new ByteBuffer();
        WriteLevels(body, repetition, 1);
        WriteLevels(body, definition, leaf.MaxDefinitionLevel);
        body.WriteValues<int>(values);
        var header = new PageHeader
        {
            Type = PageType.DataPage,
            UncompressedPageSize = body.Length,
            CompressedPageSize = body.Length,
            DataPageHeader = new DataPageHeader { NumValues = repetition.Length, Encoding = Encoding.Plain },
        };
        var writer = new CompactWriter();
        header.Write(writer);
        var chunk = writer.WrittenSpan.ToArray().Concat(body.WrittenSpan.ToArray()).ToArray();
        var meta = new ColumnMetaData { Codec = CompressionCodec.Uncompressed, NumValues = repetition.Length };
        return leaf.Codec!.ReadChunk(new ChunkReadContext(leaf, meta, chunk, chunk.Length, rows));
    }

    private static void WriteLevels(ByteBuffer body, int[] levels, int maxLevel)
    {
        using var encoded = new ByteBuffer();
        RleHybridEncoder.Encode(levels, BitPacking.BitWidth((ulong)maxLevel), encoded);
        body.WriteInt32(encoded.Length);
        body.Write(encoded.WrittenSpan);
    }

    [Fact]
    public void Legacy_two_level_list_reads_null_empty_and_filled_rows()
    {
        // optional group x (LIST) { repeated int32 item; } with rows [1, 2], null, [], [3].
        var leaf = Assert.Single(SchemaMapping.ReadLeaves([Root(1), ListGroup("x", Repetition.Optional), Int32("item", Repetition.Repeated)]));
        Assert.Equal(new ParquetField("x", ParquetColumnType.List(ParquetColumnType.Int32, false), true), leaf.Field);

        var values = ReadOnePage(leaf, 4, [0, 1, 0, 0, 0], [2, 2, 0, 1, 2], [1, 2, 3]);

        Assert.Equal(new int[]?[] { [1, 2], null, [], [3] }, Assert.IsType<int[][]>(values));
    }

    [Fact]
    public void Bare_repeated_field_reads_as_a_list_that_is_never_null()
    {
        // repeated int32 x with rows [5], [], [6, 7].
        var leaf = Assert.Single(SchemaMapping.ReadLeaves([Root(1), Int32("x", Repetition.Repeated)]));
        Assert.Equal(new ParquetField("x", ParquetColumnType.List(ParquetColumnType.Int32, false), false), leaf.Field);

        var values = ReadOnePage(leaf, 3, [0, 0, 0, 1], [1, 0, 1, 1], [5, 6, 7]);

        Assert.Equal(new int[][] { [5], [], [6, 7] }, Assert.IsType<int[][]>(values));
    }

    [Fact]
    public void Three_level_list_with_optional_elements_keeps_null_elements()
    {
        // required group x (LIST) { repeated group list { optional int32 element; } } with rows [1, null], [].
        var repeated = new SchemaElement { Name = "list", Repetition = Repetition.Repeated, NumChildren = 1 };
        var leaf = Assert.Single(SchemaMapping.ReadLeaves([Root(1), ListGroup("x", Repetition.Required), repeated, Int32("element", Repetition.Optional)]));
        Assert.Equal(new ParquetField("x", ParquetColumnType.List(ParquetColumnType.Int32, true), false), leaf.Field);
        Assert.Equal(typeof(int?[]), leaf.Field!.Type.ClrType);

        var values = ReadOnePage(leaf, 2, [0, 1, 0], [2, 1, 0], [1]);

        Assert.Equal(new int?[][] { [1, null], [] }, Assert.IsType<int?[][]>(values));
    }

    [Fact]
    public void Map_leaves_stay_unsupported_with_their_reason()
    {
        // optional group m (MAP) { repeated group key_value { required int32 key; optional int32 value; } }
        var map = new SchemaElement { Name = "m", Repetition = Repetition.Optional, NumChildren = 1, ConvertedType = ConvertedType.Map };
        var entries = new SchemaElement { Name = "key_value", Repetition = Repetition.Repeated, NumChildren = 2 };
        var leaves = SchemaMapping.ReadLeaves([Root(1), map, entries, Int32("key", Repetition.Required), Int32("value", Repetition.Optional)]);
        Assert.All(leaves, l => Assert.Null(l.Field));
        Assert.All(leaves, l => Assert.Contains("maps", l.UnsupportedReason, StringComparison.Ordinal));
    }

    [Fact]
    public void Levels_for_fewer_rows_than_the_row_group_are_reported()
    {
        var leaf = Assert.Single(SchemaMapping.ReadLeaves([Root(1), Int32("x", Repetition.Repeated)]));
        var error = Assert.Throws<ParquetDataException>(() => ReadOnePage(leaf, 3, [0, 1], [1, 1], [5, 6]));
        Assert.Contains("1 of 3 rows", error.Message, StringComparison.Ordinal);
    }
}
