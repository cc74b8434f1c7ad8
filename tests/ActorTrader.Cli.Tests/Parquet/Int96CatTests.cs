using ActorTrader.Cli.Parquet;
using ActorTrader.Parquet;

namespace ActorTrader.Cli.Tests.Parquet;

/// <summary>
/// Legacy INT96 timestamps through cat and schema, on Spark's file whose last value is in year 290000
/// (expected instants are the microseconds listed in parquet-testing's int96_from_spark.md, as UTC; the
/// zone-less first input was parsed by Spark in a UTC-8 session, hence 20:34:56).
/// </summary>
public sealed class Int96CatTests
{
    [Fact]
    public void Cat_prints_every_int96_value_including_year_290000_as_iso_utc()
    {
        var output = new StringWriter();

        var written = ParquetCat.Write(SparkFile(), output, CatFormat.Csv);

        Assert.Equal(6, written);
        Assert.Equal(
            "a\n" +
            "2024-01-01T20:34:56.123456000Z\n" +
            "2024-01-01T01:00:00.000000000Z\n" +
            "9999-12-31T03:00:00.000000000Z\n" +
            "2024-12-30T23:00:00.000000000Z\n" +
            "\n" +
            "+290000-12-30T23:00:00.000000000Z\n",
            output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Json_cat_prints_int96_values_as_strings_and_nulls_as_null()
    {
        var output = new StringWriter();

        ParquetCat.Write(SparkFile(), output, CatFormat.Json);

        var lines = output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal("{\"a\":null}", lines[4]);
        Assert.Equal("{\"a\":\"+290000-12-30T23:00:00.000000000Z\"}", lines[5]);
    }

    [Fact]
    public void Schema_names_the_int96_column_and_its_null_count()
    {
        var output = new StringWriter();

        SchemaPrinter.Print(SparkFile(), output);

        var line = output.ToString().ReplaceLineEndings("\n").Split('\n').Single(l => l.StartsWith("a ", StringComparison.Ordinal));
        Assert.Equal(["a", "Int96", "yes", "1", "?", "?"], line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Value_text_of_an_int96_timestamp_keeps_its_nanoseconds()
    {
        var value = new Int96Timestamp(Int96Timestamp.JulianDayOfUnixEpoch, 1);

        Assert.Equal("1970-01-01T00:00:00.000000001Z", ParquetValueText.Format(value, ParquetColumnType.Int96));
    }

    // Copied next to the test assembly (see the csproj): CI builds map source paths, so the source folder is not a path.
    private static string SparkFile() =>
        Path.Combine(AppContext.BaseDirectory, "Parquet", "TestData", "int96_from_spark.parquet");
}
