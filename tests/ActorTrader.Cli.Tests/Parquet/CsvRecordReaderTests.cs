using ActorTrader.Cli.Parquet;

namespace ActorTrader.Cli.Tests.Parquet;

public sealed class CsvRecordReaderTests
{
    private static List<CsvCell[]> ReadAll(string csv)
    {
        var reader = new CsvRecordReader(new StringReader(csv), "in.csv");
        var records = new List<CsvCell[]>();
        while (reader.Read() is { } record) records.Add(record);
        return records;
    }

    [Fact]
    public void Quoted_fields_keep_commas_line_breaks_and_doubled_quotes()
    {
        var records = ReadAll("a,b\r\n\"x, y\",\"say \"\"hi\"\"\nthere\"\r\n");

        Assert.Equal(["x, y", "say \"hi\"\nthere"], records[1].Select(c => c.Text));
    }

    [Fact]
    public void An_empty_unquoted_field_is_null_and_a_quoted_empty_field_is_an_empty_string()
    {
        var records = ReadAll("a,b,c\n,\"\",z\n");

        Assert.Equal([null, "", "z"], records[1].Select(c => c.Text));
    }

    [Fact]
    public void A_missing_final_line_break_still_ends_the_last_record()
    {
        var records = ReadAll("a,b\n1,2");

        Assert.Equal(["1", "2"], records[1].Select(c => c.Text));
    }

    [Fact]
    public void Blank_lines_are_not_records()
    {
        var records = ReadAll("a\n\n1\n\n");

        Assert.Equal(2, records.Count);
    }

    [Fact]
    public void Cells_know_their_line_and_column()
    {
        var records = ReadAll("a,bb\n\"multi\nline\",x\nlast,y\n");

        Assert.Equal((4, 1), (records[2][0].Line, records[2][0].Column));
        Assert.Equal((3, 7), (records[1][1].Line, records[1][1].Column));
    }

    [Fact]
    public void An_unterminated_quote_reports_where_the_field_starts()
    {
        var error = Assert.Throws<ParquetToolException>(() => ReadAll("a,b\n1,\"open\n"));

        Assert.StartsWith("in.csv:2:3:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_an_error_naming_the_position()
    {
        var error = Assert.Throws<ParquetToolException>(() => ReadAll("a\nab\"c\n"));

        Assert.StartsWith("in.csv:2:3:", error.Message, StringComparison.Ordinal);
    }
}
