using ActorTrader.Parquet.Tests.Support;

namespace ActorTrader.Parquet.Tests.Writing;

/// <summary>Schema mismatches are rejected with the file, row group and column named.</summary>
public sealed class WriterValidationTests : IDisposable
{
    private static readonly ParquetField Id = new("id", ParquetColumnType.Int32);
    private static readonly ParquetField Name = new("name", ParquetColumnType.String, Nullable: true);
    private static readonly ParquetSchema Schema = new(Id, Name);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_column_whose_type_differs_from_the_schema_is_rejected()
    {
        var error = WriteBad([new ParquetColumn(new ParquetField("id", ParquetColumnType.Int64), new long[] { 1 }), new ParquetColumn(Name, new string?[] { "a" })]);
        Assert.Equal("id", error.Column);
        Assert.Contains("schema expects", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_values_array_of_the_wrong_clr_type_is_rejected()
    {
        var error = WriteBad([new ParquetColumn(Id, new long[] { 1 }), new ParquetColumn(Name, new string?[] { "a" })]);
        Assert.Equal("id", error.Column);
        Assert.Contains("Int32[]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_of_different_lengths_are_rejected()
    {
        var error = WriteBad([new ParquetColumn(Id, new[] { 1, 2 }), new ParquetColumn(Name, new string?[] { "a" })]);
        Assert.Equal("name", error.Column);
        Assert.Contains("same length", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_group_with_missing_columns_is_rejected()
    {
        var error = WriteBad([new ParquetColumn(Id, new[] { 1 })]);
        Assert.Equal(0, error.RowGroup);
        Assert.Contains("schema has 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_row_group_that_does_not_match_the_file_schema_is_rejected()
    {
        var path = _directory.File("append.parquet");
        using var writer = ParquetFileWriter.Create(path, Schema);
        writer.WriteRowGroup([new ParquetColumn(Id, new[] { 1 }), new ParquetColumn(Name, new string?[] { "a" })]);
        var error = Assert.Throws<ParquetException>(() => writer.WriteRowGroup([new ParquetColumn(Id, new[] { 2 }), new ParquetColumn(new ParquetField("name", ParquetColumnType.String), new[] { "b" })]));
        Assert.Equal(1, error.RowGroup);
        Assert.Equal("name", error.Column);
        Assert.Equal(path, error.File);
    }

    [Fact]
    public void A_null_in_a_required_string_column_is_rejected()
    {
        var field = new ParquetField("s", ParquetColumnType.String);
        var path = _directory.File("null.parquet");
        using var writer = ParquetFileWriter.Create(path, new ParquetSchema(field));
        var error = Assert.Throws<ParquetException>(() => writer.WriteRowGroup([new ParquetColumn(field, new string[] { "a", null! })]));
        Assert.Contains("row 1 is null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fixed_length_value_of_the_wrong_length_is_rejected()
    {
        var field = new ParquetField("f", ParquetColumnType.FixedBytes(4));
        var path = _directory.File("fixed.parquet");
        using var writer = ParquetFileWriter.Create(path, new ParquetSchema(field), new ParquetWriterOptions { UseDictionary = false });
        var error = Assert.Throws<ParquetException>(() => writer.WriteRowGroup([new ParquetColumn(field, new[] { new byte[4], new byte[3] })]));
        Assert.Equal("f", error.Column);
        Assert.Contains("FIXED_LEN_BYTE_ARRAY(4)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decimal_with_more_places_than_the_scale_is_rejected()
    {
        var field = new ParquetField("p", ParquetColumnType.Decimal(9, 2));
        var path = _directory.File("decimal.parquet");
        using var writer = ParquetFileWriter.Create(path, new ParquetSchema(field));
        var error = Assert.Throws<ParquetException>(() => writer.WriteRowGroup([new ParquetColumn(field, new[] { 1.234m })]));
        Assert.Contains("decimal places", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Int96_cannot_be_declared_for_writing()
    {
        var error = Assert.Throws<ParquetException>(() => ParquetFileWriter.Create(_directory.File("x.parquet"), new ParquetSchema(new ParquetField("t", ParquetColumnType.Int96))));
        Assert.Contains("Timestamp", error.Message, StringComparison.Ordinal);
    }

    private ParquetException WriteBad(ParquetColumn[] columns)
    {
        var path = _directory.File(Guid.NewGuid().ToString("N") + ".parquet");
        using var writer = ParquetFileWriter.Create(path, Schema);
        var error = Assert.Throws<ParquetException>(() => writer.WriteRowGroup(columns));
        Assert.Equal(path, error.File);
        return error;
    }
}
