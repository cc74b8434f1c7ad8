using System.Text.Json;
using ActorTrader.Cli.Parquet;

namespace ActorTrader.Cli.Tests.Parquet;

/// <summary>
/// List columns through schema and cat, on parquet-testing's datapage_v2 file whose column e is an optional
/// list of required int32 (expected values from hyparquet: [1,2,3], null, null, [1,2,3], [1,2]).
/// </summary>
public sealed class ListCatTests
{
    private static readonly int[]?[] ExpectedE = [[1, 2, 3], null, null, [1, 2, 3], [1, 2]];

    private static string DataPageV2File() =>
        Path.Combine(AppContext.BaseDirectory, "Parquet", "TestData", "datapage_v2.snappy.parquet");

    [Fact]
    public void Schema_prints_the_list_column_with_its_element_type()
    {
        var output = new StringWriter();
        var warnings = new StringWriter();

        SchemaPrinter.Print(DataPageV2File(), output, warnings);

        var lines = output.ToString().ReplaceLineEndings("\n").Split('\n');
        Assert.Contains(lines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["e", "List<Int(32,signed)>", "yes", ..]);
        Assert.Equal("", warnings.ToString());
    }

    [Fact]
    public void Cat_as_json_prints_list_values_as_arrays_and_null_lists_as_null()
    {
        var output = new StringWriter();

        ParquetCat.Write(DataPageV2File(), output, CatFormat.Json, warnings: TextWriter.Null);

        var rows = output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        var e = rows.Select(r => JsonDocument.Parse(r).RootElement.GetProperty("e")).ToArray();
        Assert.Equal(ExpectedE, e.Select(v => v.ValueKind == JsonValueKind.Null ? null : v.EnumerateArray().Select(x => x.GetInt32()).ToArray()).ToArray());
    }

    [Fact]
    public void Cat_as_csv_puts_a_json_array_in_the_list_cell()
    {
        var output = new StringWriter();

        ParquetCat.Write(DataPageV2File(), output, CatFormat.Csv, warnings: TextWriter.Null);

        var lines = output.ToString().ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("a,b,c,d,e", lines[0]);
        Assert.EndsWith(",\"[1,2,3]\"", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",true,", lines[2], StringComparison.Ordinal);
        Assert.EndsWith(",\"[1,2]\"", lines[5], StringComparison.Ordinal);
    }
}
