using System.Text.Json;
using ActorTrader.Parquet.Tests.Support;

namespace ActorTrader.Parquet.Tests.Lists;

public sealed class DatapageV2ListTests
{
    private static ParquetFileReader Open() => ParquetFileReader.Open(TestFiles.Path("datapage_v2.snappy.parquet"));

    [Fact]
    public void List_column_e_is_part_of_the_schema_as_a_nullable_list_of_required_int32()
    {
        using var reader = Open();
        var field = reader.Schema.Fields[reader.Schema.IndexOf("e")];
        Assert.Equal(new ParquetField("e", ParquetColumnType.List(ParquetColumnType.Int32, elementNullable: false), Nullable: true), field);
        Assert.Equal(typeof(int[]), field.Type.ClrType);
        Assert.Empty(reader.UnsupportedColumns);
    }

    [Fact]
    public void List_column_e_equals_the_hyparquet_expected_values_for_every_row()
    {
        var expected = JsonDocument.Parse(File.ReadAllText(TestFiles.Path("datapage_v2.snappy.expected.hyparquet.json"))).RootElement
            .EnumerateArray()
            .Select(row => row[4].ValueKind == JsonValueKind.Null ? null : row[4].EnumerateArray().Select(v => v.GetInt32()).ToArray())
            .ToArray();
        using var reader = Open();
        var values = Assert.IsType<int[][]>(reader.ReadColumn(0, "e").Values);
        Assert.Equal(expected, values);
    }

    [Fact]
    public void Reading_the_whole_row_group_includes_the_list_column()
    {
        using var reader = Open();
        var columns = reader.ReadRowGroup(0);
        Assert.Equal(["a", "b", "c", "d", "e"], columns.Select(c => c.Field.Name).ToArray());
        Assert.Equal([1, 2], ((int[][])columns[4].Values)[4]);
    }

    [Fact]
    public void List_columns_cannot_be_written()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pqlist-{Guid.NewGuid():N}.parquet");
        var schema = new ParquetSchema([new ParquetField("e", ParquetColumnType.List(ParquetColumnType.Int32, false), true)]);
        var error = Assert.Throws<ParquetException>(() => ParquetFileWriter.Create(path, schema).Dispose());
        Assert.Equal("e", error.Column);
        Assert.Contains("can be read but not written", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }
}
