using ActorTrader.Parquet.Format;
using ActorTrader.Parquet.Tests.Support;
using ActorTrader.Parquet.Thrift;

namespace ActorTrader.Parquet.Tests.BadInput;

/// <summary>Every kind of damaged file is a <see cref="ParquetException"/> naming where, never a crash.</summary>
public sealed class BadFileTests : IDisposable
{
    private static readonly ParquetSchema Schema = new(
        new ParquetField("id", ParquetColumnType.Int64),
        new ParquetField("name", ParquetColumnType.String, Nullable: true));

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_file_shorter_than_the_magic_and_footer_is_rejected()
    {
        var path = _directory.File("short.parquet");
        File.WriteAllBytes(path, "PAR1PA"u8.ToArray());
        var error = Assert.Throws<ParquetException>(() => ParquetFileReader.Open(path));
        Assert.Equal(path, error.File);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_file_is_rejected_for_its_missing_tail_magic()
    {
        var path = WriteGood(ParquetCompression.Snappy);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var error = Assert.Throws<ParquetException>(() => ParquetFileReader.Open(path));
        Assert.Contains("'PAR1'", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_head_magic_is_rejected()
    {
        var path = WriteGood(ParquetCompression.None);
        Patch(path, 0, "XAR1"u8.ToArray());
        var error = Assert.Throws<ParquetException>(() => ParquetFileReader.Open(path));
        Assert.Contains("does not start with the Parquet magic", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_tail_magic_is_rejected()
    {
        var path = WriteGood(ParquetCompression.None);
        Patch(path, new FileInfo(path).Length - 1, "X"u8.ToArray());
        var error = Assert.Throws<ParquetException>(() => ParquetFileReader.Open(path));
        Assert.Contains("does not end with the Parquet magic", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(int.MaxValue)]
    public void A_footer_length_out_of_range_is_rejected(int footerLength)
    {
        var path = WriteGood(ParquetCompression.None);
        Patch(path, new FileInfo(path).Length - 8, BitConverter.GetBytes(footerLength));
        var error = Assert.Throws<ParquetException>(() => ParquetFileReader.Open(path));
        Assert.Contains("footer length", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_footer_thrift_is_rejected()
    {
        var path = WriteGood(ParquetCompression.None);
        var length = new FileInfo(path).Length;
        var footerLength = BitConverter.ToInt32(File.ReadAllBytes(path), (int)length - 8);
        Patch(path, length - 8 - footerLength, Enumerable.Repeat((byte)0xFF, footerLength).ToArray());
        var error = Assert.Throws<ParquetException>(() => ParquetFileReader.Open(path));
        Assert.Contains("footer", error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.File);
    }

    [Fact]
    public void A_corrupt_page_header_names_the_row_group_and_column()
    {
        var path = WriteGood(ParquetCompression.None);
        // The first column chunk (id) starts right after the 4-byte magic with its page header.
        Patch(path, 4, Enumerable.Repeat((byte)0xFF, 12).ToArray());
        using var reader = ParquetFileReader.Open(path);
        var error = Assert.Throws<ParquetException>(() => reader.ReadColumn(0, "id"));
        Assert.Equal(0, error.RowGroup);
        Assert.Equal("id", error.Column);
        Assert.Contains("header", error.Message, StringComparison.Ordinal);
        Assert.Contains("row group 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("'id'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_page_crc_is_reported_with_its_location()
    {
        var path = WriteGood(ParquetCompression.Snappy, checksums: true);
        var bodyStart = FirstPageBodyOffset(path);
        var bytes = File.ReadAllBytes(path);
        Patch(path, bodyStart + 3, [(byte)(bytes[bodyStart + 3] ^ 0x5A)]);
        using var reader = ParquetFileReader.Open(path);
        var error = Assert.Throws<ParquetException>(() => reader.ReadColumn(0, "id"));
        Assert.Contains("CRC", error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.File);
        Assert.Equal(0, error.RowGroup);
        Assert.Equal("id", error.Column);
    }

    [Fact]
    public void Pages_with_correct_crcs_read_normally()
    {
        var path = WriteGood(ParquetCompression.Gzip, checksums: true);
        using var reader = ParquetFileReader.Open(path);
        Assert.Equal(Enumerable.Range(0, 500).Select(i => (long)i).ToArray(), (long[])reader.ReadColumn(0, "id").Values);
    }

    [Theory]
    [InlineData(ParquetCompression.Snappy)]
    [InlineData(ParquetCompression.Gzip)]
    public void A_page_that_fails_to_decompress_is_reported(ParquetCompression compression)
    {
        var path = WriteGood(compression);
        var bodyStart = FirstPageBodyOffset(path);
        // Snappy's length header or GZIP's magic becomes invalid.
        Patch(path, bodyStart, [0xFF, 0xFF, 0xFF]);
        using var reader = ParquetFileReader.Open(path);
        var error = Assert.Throws<ParquetException>(() => reader.ReadColumn(0, "id"));
        Assert.Contains("decompress", error.Message, StringComparison.Ordinal);
        Assert.Equal("id", error.Column);
    }

    [Theory]
    [InlineData(CompressionCodec.Zstd, "ZSTD")]
    [InlineData(CompressionCodec.Lz4, "LZ4")]
    [InlineData(CompressionCodec.Brotli, "BROTLI")]
    [InlineData(CompressionCodec.Lzo, "LZO")]
    [InlineData(CompressionCodec.Lz4Raw, "LZ4RAW")]
    internal void An_unsupported_codec_is_named_with_the_file_and_column(CompressionCodec codec, string name)
    {
        var path = WriteGood(ParquetCompression.None);
        FooterSurgery.Rewrite(path, footer => footer.RowGroups[0].Columns[1].MetaData!.Codec = codec);
        using var reader = ParquetFileReader.Open(path);
        Assert.Equal(500, reader.ReadColumn(0, "id").Count);
        var error = Assert.Throws<ParquetException>(() => reader.ReadColumn(0, "name"));
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.Equal("name", error.Column);
        Assert.Equal(path, error.File);
    }

    [Fact]
    public void A_chunk_pointing_past_the_data_is_rejected_on_open()
    {
        var path = WriteGood(ParquetCompression.None);
        FooterSurgery.Rewrite(path, footer => footer.RowGroups[0].Columns[1].MetaData!.TotalCompressedSize = 1 << 30);
        var error = Assert.Throws<ParquetException>(() => ParquetFileReader.Open(path));
        Assert.Equal("name", error.Column);
        Assert.Equal(0, error.RowGroup);
    }

    [Fact]
    public void An_unknown_column_or_row_group_is_a_parquet_exception()
    {
        var path = WriteGood(ParquetCompression.None);
        using var reader = ParquetFileReader.Open(path);
        Assert.Contains("no column 'nope'", Assert.Throws<ParquetException>(() => reader.ReadColumn(0, "nope")).Message, StringComparison.Ordinal);
        Assert.Contains("row group 3 does not exist", Assert.Throws<ParquetException>(() => reader.ReadColumn(3, "id")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_byte_damage_never_escapes_as_anything_but_a_parquet_exception()
    {
        var good = WriteGood(ParquetCompression.Snappy);
        var original = File.ReadAllBytes(good);
        var random = new Random(99);
        var path = _directory.File("fuzz.parquet");
        for (var iteration = 0; iteration < 400; iteration++)
        {
            var bytes = (byte[])original.Clone();
            var flips = 1 + random.Next(4);
            for (var f = 0; f < flips; f++)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            if (random.Next(5) == 0)
            {
                bytes = bytes[..random.Next(bytes.Length)];
            }

            File.WriteAllBytes(path, bytes);
            try
            {
                using var reader = ParquetFileReader.Open(path);
                for (var g = 0; g < reader.RowGroupCount; g++)
                {
                    reader.ReadRowGroup(g);
                }
            }
            catch (ParquetException e)
            {
                Assert.Equal(path, e.File);
            }
        }
    }

    private static long FirstPageBodyOffset(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var reader = new CompactReader(bytes.AsSpan(4));
        PageHeader.Read(ref reader);
        return 4 + reader.Position;
    }

    private static void Patch(string path, long offset, byte[] replacement)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        stream.Position = offset;
        stream.Write(replacement);
    }

    private string WriteGood(ParquetCompression compression, bool checksums = false)
    {
        var path = _directory.File(Guid.NewGuid().ToString("N") + ".parquet");
        using var writer = ParquetFileWriter.Create(path, Schema, new ParquetWriterOptions { Compression = compression, WritePageChecksums = checksums, UseDictionary = false });
        writer.WriteRowGroup(
        [
            new ParquetColumn(Schema.Fields[0], Enumerable.Range(0, 500).Select(i => (long)i).ToArray()),
            new ParquetColumn(Schema.Fields[1], Enumerable.Range(0, 500).Select(i => i % 3 == 0 ? null : $"name {i}").ToArray()),
        ]);
        writer.Complete();
        return path;
    }
}
