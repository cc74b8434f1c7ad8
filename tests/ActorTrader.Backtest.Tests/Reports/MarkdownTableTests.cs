using ActorTrader.Backtest.Reports;

namespace ActorTrader.Backtest.Tests.Reports;

public class MarkdownTableTests
{
    [Fact]
    public void Renders_header_alignment_row_and_cells()
    {
        var table = new MarkdownTable(["Asset", "Weight", "Note"], [MarkdownAlignment.Left, MarkdownAlignment.Right, MarkdownAlignment.Center]);
        table.AddRow("SPY", "0.60", "core");

        Assert.Equal("| Asset | Weight | Note |\n|---|---:|:---:|\n| SPY | 0.60 | core |\n", table.Render());
    }

    [Fact]
    public void Pipes_backslashes_html_and_line_breaks_in_cells_are_escaped()
    {
        Assert.Equal("a \\| b \\\\ &lt;i> c d", MarkdownTable.EscapeCell("a | b \\ <i> c\r\nd"));
    }

    [Fact]
    public void Escaped_pipe_does_not_add_a_column()
    {
        var table = new MarkdownTable(["Name"]);
        table.AddRow("x|y");

        var row = table.Render().Split('\n')[2];

        // Unescaped pipes: the two borders only.
        Assert.Equal(2, row.Replace("\\|", "", StringComparison.Ordinal).Count(c => c == '|'));
    }

    [Fact]
    public void Row_with_the_wrong_number_of_cells_names_the_row_and_counts()
    {
        var table = new MarkdownTable(["A", "B"]);

        var error = Assert.Throws<ArgumentException>(() => table.AddRow("only one"));

        Assert.Contains("Row 1 has 1 cells but the table has 2 columns (A, B)", error.Message, StringComparison.Ordinal);
    }
}
