using ActorTrader.Parquet.Format;
using ActorTrader.Parquet.Thrift;

namespace ActorTrader.Parquet.Tests.Encodings;

public sealed class ThriftCompactTests
{
    [Theory]
    [InlineData(0, 0u)]
    [InlineData(-1, 1u)]
    [InlineData(1, 2u)]
    [InlineData(-2, 3u)]
    [InlineData(int.MaxValue, uint.MaxValue - 1)]
    [InlineData(int.MinValue, uint.MaxValue)]
    public void Zigzag_maps_small_magnitudes_to_small_numbers(int value, uint encoded)
    {
        Assert.Equal(encoded, ZigZag.Encode32(value));
        Assert.Equal(value, ZigZag.Decode32(encoded));
    }

    [Theory]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    [InlineData(0L)]
    [InlineData(-123456789012L)]
    public void Zigzag_64_round_trips_extremes(long value) => Assert.Equal(value, ZigZag.Decode64(ZigZag.Encode64(value)));

    [Theory]
    [InlineData(0UL, new byte[] { 0x00 })]
    [InlineData(127UL, new byte[] { 0x7F })]
    [InlineData(128UL, new byte[] { 0x80, 0x01 })]
    [InlineData(300UL, new byte[] { 0xAC, 0x02 })]
    [InlineData(ulong.MaxValue, new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 })]
    public void Varints_use_seven_bits_per_byte_least_significant_first(ulong value, byte[] bytes)
    {
        var writer = new CompactWriter();
        writer.WriteVarint(value);
        Assert.Equal(bytes, writer.WrittenSpan.ToArray());
        var reader = new CompactReader(bytes);
        Assert.Equal(value, reader.ReadVarint());
    }

    [Fact]
    public void Field_ids_use_deltas_and_fall_back_to_full_ids()
    {
        var writer = new CompactWriter();
        writer.BeginStruct();
        writer.I32Field(1, 5);
        writer.I32Field(40, 6);
        writer.EndStruct();
        Assert.Equal(new byte[] { 0x15, 0x0A, 0x05, 0x50, 0x0C, 0x00 }, writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void Page_header_round_trips_through_the_compact_protocol()
    {
        var header = new PageHeader
        {
            Type = PageType.DataPageV2,
            UncompressedPageSize = 1234,
            CompressedPageSize = 567,
            Crc = -42,
            DataPageHeaderV2 = new DataPageHeaderV2 { NumValues = 10, NumNulls = 2, NumRows = 10, Encoding = Format.Encoding.RleDictionary, DefinitionLevelsByteLength = 3, IsCompressed = false },
        };
        var writer = new CompactWriter();
        header.Write(writer);
        var reader = new CompactReader(writer.WrittenSpan);
        var read = PageHeader.Read(ref reader);
        Assert.Equal(PageType.DataPageV2, read.Type);
        Assert.Equal(1234, read.UncompressedPageSize);
        Assert.Equal(567, read.CompressedPageSize);
        Assert.Equal(-42, read.Crc);
        Assert.Equal(2, read.DataPageHeaderV2!.NumNulls);
        Assert.Equal(Format.Encoding.RleDictionary, read.DataPageHeaderV2.Encoding);
        Assert.False(read.DataPageHeaderV2.IsCompressed);
        Assert.Equal(writer.WrittenSpan.Length, reader.Position);
    }

    // Each struct holds unknown fields, then known field 1 = 7 via a full id. First: field 9 (binary "xy") and field 10
    // (list of 2 i32). Second: field 9 (list of two booleans, one byte each) and field 10 (struct { 1: list of one struct { 1: true } }).
    [Theory]
    [InlineData(new byte[] { 0x98, 0x02, (byte)'x', (byte)'y', 0x19, 0x25, 0x02, 0x04, 0x05, 0x02, 0x0E, 0x00 })]
    [InlineData(new byte[] { 0x99, 0x21, 0x01, 0x02, 0x1C, 0x19, 0x1C, 0x11, 0x00, 0x00, 0x05, 0x02, 0x0E, 0x00 })]
    public void Unknown_fields_are_skipped(byte[] bytes)
    {
        var reader = new CompactReader(bytes);
        var header = DictionaryPageHeader.Read(ref reader);
        Assert.Equal(7, header.NumValues);
        Assert.Equal(bytes.Length, reader.Position);
    }

    [Fact]
    public void Deeply_nested_unknown_lists_are_a_format_error_not_a_stack_overflow()
    {
        // Unknown field 9 holds a list of one list of one list ... 100,000 deep: each 0x19 is "1 element of type list".
        var bytes = new byte[100_002];
        bytes[0] = 0x99;
        bytes.AsSpan(1, 100_000).Fill(0x19);
        var error = Assert.Throws<ThriftFormatException>(() =>
        {
            var reader = new CompactReader(bytes);
            DictionaryPageHeader.Read(ref reader);
        });
        Assert.Contains("nested deeper than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_thrift_is_a_format_error()
    {
        var reader = new CompactReader(new byte[] { 0x15 });
        try
        {
            PageHeader.Read(ref reader);
            Assert.Fail("expected a ThriftFormatException");
        }
        catch (ThriftFormatException e)
        {
            Assert.Contains("ends early", e.Message, StringComparison.Ordinal);
        }
    }
}
