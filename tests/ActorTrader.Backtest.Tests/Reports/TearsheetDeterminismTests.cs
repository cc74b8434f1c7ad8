using System.Globalization;
using ActorTrader.Backtest.Reports;

namespace ActorTrader.Backtest.Tests.Reports;

public class TearsheetDeterminismTests
{
    private static readonly string[] Files =
    [
        TearsheetWriter.HtmlFileName, TearsheetWriter.SummaryFileName, TearsheetWriter.ReturnsFileName,
        TearsheetWriter.WeightsFileName, TearsheetWriter.StatisticsFileName,
    ];

    [Fact]
    public void Two_writes_of_the_same_input_are_byte_identical()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        new TearsheetWriter().Write(ReportTestData.Rich(), first.Path);
        new TearsheetWriter().Write(ReportTestData.Rich(), second.Path);

        foreach (var name in Files) Assert.Equal(File.ReadAllBytes(first.File(name)), File.ReadAllBytes(second.File(name)));
    }

    [Fact]
    public void Output_does_not_depend_on_the_current_culture()
    {
        using var invariant = new TempDirectory();
        using var german = new TempDirectory();
        var original = CultureInfo.CurrentCulture;

        new TearsheetWriter().Write(ReportTestData.Rich(), invariant.Path);
        try
        {
            // German writes 0,5 for one half and would break CSV and JSON numbers.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            new TearsheetWriter().Write(ReportTestData.Rich(), german.Path);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }

        foreach (var name in Files) Assert.Equal(File.ReadAllBytes(invariant.File(name)), File.ReadAllBytes(german.File(name)));
    }

    [Fact]
    public void Text_files_use_newlines_and_no_byte_order_mark()
    {
        using var dir = new TempDirectory();

        new TearsheetWriter().Write(ReportTestData.Rich(), dir.Path);

        foreach (var name in Files)
        {
            var bytes = File.ReadAllBytes(dir.File(name));
            Assert.NotEqual(0xEF, bytes[0]);
            Assert.DoesNotContain((byte)'\r', bytes);
        }
    }
}
