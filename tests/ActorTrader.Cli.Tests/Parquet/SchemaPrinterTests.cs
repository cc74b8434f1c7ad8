using ActorTrader.Cli.Parquet;
using ActorTrader.Parquet;

namespace ActorTrader.Cli.Tests.Parquet;

public sealed class SchemaPrinterTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private string Print()
    {
        var path = _files.Path("t.parquet");
        var schema = new ParquetSchema(
            new ParquetField("symbol", ParquetColumnType.String),
            new ParquetField("volume", ParquetColumnType.Int64, Nullable: true));
        ParquetTable.WriteRows(path, schema, [["B", 5L], ["A", null], ["C", 9L]], rowGroupRows: 2);
        var output = new StringWriter();
        SchemaPrinter.Print(path, output);
        return output.ToString().ReplaceLineEndings("\n");
    }

    [Fact]
    public void It_prints_the_row_and_row_group_counts()
    {
        Assert.Contains("rows: 3 in 2 row group(s)\n", Print(), StringComparison.Ordinal);
    }

    [Fact]
    public void It_prints_each_column_with_type_nullability_nulls_and_range()
    {
        var lines = Print().Split('\n');

        Assert.Contains(lines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["symbol", "String", "no", "0", "A", "C"]);
        Assert.Contains(lines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["volume", "Int(64,signed)", "yes", "1", "5", "9"]);
    }
}
