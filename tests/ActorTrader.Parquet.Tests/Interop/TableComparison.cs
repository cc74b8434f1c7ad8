using System.Text;

namespace ActorTrader.Parquet.Tests.Interop;

/// <summary>Compares expected and actual rows of canonical text cell by cell and fails listing the first differences.</summary>
internal static class TableComparison
{
    private const int MaxReported = 12;

    public static void AssertSameRows(
        IReadOnlyList<string> columns, IReadOnlyList<string?[]> expected, IReadOnlyList<string?[]> actual, string expectedSide, string actualSide, string context)
    {
        Assert.True(expected.Count == actual.Count, $"{context}: {expectedSide} has {expected.Count} rows, {actualSide} has {actual.Count}.");
        var report = new StringBuilder();
        var differences = 0;
        for (var row = 0; row < expected.Count; row++)
        {
            for (var column = 0; column < columns.Count; column++)
            {
                var want = expected[row][column];
                var got = actual[row][column];
                if (want == got) continue;
                if (++differences <= MaxReported)
                    report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  row {row}, column {columns[column]}: {expectedSide} {Show(want)}, {actualSide} {Show(got)}");
            }
        }
        Assert.True(differences == 0, $"{context}: {differences} cells differ.\n{report}");
    }

    private static string Show(string? value) => value is null ? "null" : value.Length > 80 ? $"\"{value[..80]}...\" ({value.Length} chars)" : $"\"{value}\"";
}
