using System.CommandLine;
using ActorTrader.Cli.Commands;
using ActorTrader.Parquet;

namespace ActorTrader.Cli.Tests.Parquet;

public sealed class ParquetCommandsTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand { ParquetCommands.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        return (exit, output.ToString().ReplaceLineEndings("\n"), error.ToString());
    }

    [Fact]
    public void From_csv_then_cat_as_json_round_trips_a_file()
    {
        var csv = _files.Path("in.csv");
        var parquet = _files.Path("out.parquet");
        File.WriteAllText(csv, "symbol,close,at\nAAPL,1.5,2024-01-02T09:30:00Z\nMSFT,,2024-01-02T09:31:00Z\n");

        var convert = Run("parquet", "from-csv", csv, parquet, "--compression", "gzip");
        var cat = Run("parquet", "cat", parquet, "--format", "json", "--limit", "1");

        Assert.Equal((0, 0), (convert.Exit, cat.Exit));
        Assert.Equal("{\"symbol\":\"AAPL\",\"close\":1.5,\"at\":\"2024-01-02T09:30:00.000000Z\"}\n", cat.Output);
    }

    [Fact]
    public void Schema_prints_the_columns_of_a_file()
    {
        var parquet = _files.Path("t.parquet");
        ParquetTable.WriteRows(parquet, new ParquetSchema(new ParquetField("qty", ParquetColumnType.Int32)), [[1], [2]]);

        var (exit, output, _) = Run("parquet", "schema", parquet);

        Assert.Equal(0, exit);
        Assert.Contains(output.Split('\n'), l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["qty", "Int(32,signed)", "no", ..]);
    }

    [Fact]
    public void A_missing_file_is_reported_on_the_error_writer_with_exit_code_1()
    {
        var missing = _files.Path("missing.parquet");

        var (exit, _, error) = Run("parquet", "cat", missing);

        Assert.Equal(1, exit);
        Assert.Contains("missing.parquet", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_csv_value_is_reported_with_its_position_and_exit_code_1()
    {
        var csv = _files.Path("in.csv");
        File.WriteAllText(csv, "n\n1\nx\n");

        var (exit, _, error) = Run("parquet", "from-csv", csv, _files.Path("out.parquet"), "--schema", "n:int64");

        Assert.Equal(1, exit);
        Assert.Contains("in.csv:3:1: column \"n\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_format_is_a_parse_error()
    {
        var root = new RootCommand { ParquetCommands.Create() };

        var parse = root.Parse(["parquet", "cat", "x.parquet", "--format", "xml"]);

        Assert.NotEmpty(parse.Errors);
    }
}
