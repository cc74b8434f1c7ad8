using ActorTrader.Parquet;

namespace ActorTrader.Cli.Parquet;

/// <summary>
/// Tells the user which columns <c>parquet schema</c> and <c>parquet cat</c> leave out (maps, nested lists,
/// exotic types), one "column X skipped: reason" line each, so no column disappears silently.
/// </summary>
internal static class SkippedColumns
{
    public static void Report(ParquetFileReader reader, TextWriter warnings)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(warnings);
        foreach (var entry in reader.UnsupportedColumns)
        {
            // Entries are "path: reason"; the path is the leaf's dotted schema path.
            var split = entry.IndexOf(": ", StringComparison.Ordinal);
            var line = split < 0 ? $"column {entry} skipped" : $"column {entry[..split]} skipped: {entry[(split + 2)..]}";
            warnings.WriteLine(line);
        }
    }
}
