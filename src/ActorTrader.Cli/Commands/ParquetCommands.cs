using System.CommandLine;
using ActorTrader.Cli.Parquet;
using ActorTrader.Parquet;

namespace ActorTrader.Cli.Commands;

/// <summary>
/// <c>actortrader parquet schema|cat|from-csv</c>: offline tools for Parquet files. The logic lives in
/// <see cref="SchemaPrinter"/>, <see cref="ParquetCat"/> and <see cref="CsvToParquet"/>; this only wires options.
/// Output goes to the invocation's Output writer, errors (exit code 1) to its Error writer.
/// </summary>
internal static class ParquetCommands
{
    public static Command Create()
    {
        var parquet = new Command("parquet", "Inspect Parquet files and convert CSV to Parquet.");
        parquet.Add(Schema());
        parquet.Add(Cat());
        parquet.Add(FromCsv());
        return parquet;
    }

    private static Command Schema()
    {
        var file = new Argument<string>("file") { Description = "The Parquet file." };
        var command = new Command("schema", "Print a file's columns (type, nullability, nulls, min/max), row groups and metadata.") { file };
        command.SetAction(parse => Run(parse, (output, error) => SchemaPrinter.Print(parse.GetValue(file)!, output, error)));
        return command;
    }

    private static Command Cat()
    {
        var file = new Argument<string>("file") { Description = "The Parquet file." };
        var format = new Option<string>("--format")
        {
            Description = "csv (header row, nulls empty) or json (one object per line; timestamps ISO-8601, decimals as strings).",
            DefaultValueFactory = _ => "csv",
        };
        format.AcceptOnlyFromAmong("csv", "json");
        var limit = new Option<long?>("--limit") { Description = "Print at most this many rows." };
        var command = new Command("cat", "Print a file's rows as CSV or JSON lines.") { file, format, limit };
        command.SetAction(parse => Run(parse, (output, error) => ParquetCat.Write(
            parse.GetValue(file)!, output, parse.GetValue(format) == "json" ? CatFormat.Json : CatFormat.Csv, parse.GetValue(limit), warnings: error)));
        return command;
    }

    private static Command FromCsv()
    {
        var input = new Argument<string>("in") { Description = "The CSV file, with a header row." };
        var output = new Argument<string>("out") { Description = "The Parquet file to write (replaced atomically)." };
        var compression = new Option<string>("--compression")
        {
            Description = "snappy, gzip or none.",
            DefaultValueFactory = _ => "snappy",
        };
        compression.AcceptOnlyFromAmong("snappy", "gzip", "none");
        var schema = new Option<string?>("--schema")
        {
            Description = $"Types for some columns, \"name:type,...\" ({CsvColumnKind.SchemaTypes}); the rest are inferred.",
        };
        var command = new Command("from-csv", "Convert CSV to Parquet; types are inferred (bool, int64, double, date, timestamp, string), blanks are nulls.")
        {
            input, output, compression, schema,
        };
        command.SetAction(parse => Run(parse, (writer, _) => CsvToParquet.Convert(
            parse.GetValue(input)!, parse.GetValue(output)!, Compression(parse.GetValue(compression)), parse.GetValue(schema), writer)));
        return command;
    }

    private static ParquetCompression Compression(string? name) => name switch
    {
        "gzip" => ParquetCompression.Gzip,
        "none" => ParquetCompression.None,
        _ => ParquetCompression.Snappy,
    };

    // Input problems (bad file, bad CSV, unreadable Parquet) are reported as one line and exit code 1;
    // anything else is a bug and propagates with its stack trace.
    private static int Run(ParseResult parse, Action<TextWriter, TextWriter> action)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        try
        {
            action(output, error);
            return 0;
        }
        catch (Exception e) when (e is ParquetToolException or ParquetException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
