using ActorTrader.Data.Providers.Csv;

namespace ActorTrader.Data.Tests.Providers.Csv;

public sealed class CsvRecordReaderTests
{
    private static List<List<CsvField>> ReadAll(string text)
    {
        var reader = new CsvRecordReader(new StringReader(text), "t.csv");
        var records = new List<List<CsvField>>();
        while (reader.Read() is { } record) records.Add(record);
        return records;
    }

    [Fact]
    public void Fields_carry_their_line_and_column()
    {
        var records = ReadAll("a,bb,ccc\n\nd,,f\n");

        Assert.Equal([new CsvField("a", 1, 1), new CsvField("bb", 1, 3), new CsvField("ccc", 1, 6)], records[0]);
        Assert.Equal([new CsvField("d", 3, 1), new CsvField("", 3, 3), new CsvField("f", 3, 4)], records[1]);
    }

    [Fact]
    public void A_trailing_comma_makes_an_empty_last_field()
    {
        Assert.Equal(["x", ""], ReadAll("x,\n")[0].Select(f => f.Value));
    }

    [Fact]
    public void Quoted_fields_keep_commas_doubled_quotes_and_line_breaks()
    {
        var records = ReadAll("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\nnext\n");

        Assert.Equal(["a,b", "say \"hi\"", "two\nlines"], records[0].Select(f => f.Value));
        Assert.Equal(new CsvField("next", 3, 1), Assert.Single(records[1]));
    }

    [Fact]
    public void Text_after_a_closing_quote_is_an_error_at_its_position()
    {
        var error = Assert.Throws<CsvFormatException>(() => ReadAll("\"a\"b,c\n"));

        Assert.Equal((1, 4), (error.Line, error.Column));
    }
}
