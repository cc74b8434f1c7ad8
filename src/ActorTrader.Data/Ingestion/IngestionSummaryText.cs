using System.Globalization;
using System.Text;

namespace ActorTrader.Data.Ingestion;

/// <summary>
/// The run summary as people read it: counts first, then the catalog refresh (when the run had a catalog), then one
/// line per rejected, failed or quarantined symbol.
/// </summary>
public static class IngestionSummaryText
{
    public static string Format(IngestionSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Ingestion {summary.RunId} ({summary.Provider}, {summary.Timeframe}, {BarValidator.Time(summary.Start)} .. {BarValidator.Time(summary.End)}){(summary.Cancelled ? " CANCELLED" : "")}");
        text.AppendLine(c, $"  requested      {summary.Requested}");
        text.AppendLine(c, $"  fetched        {summary.Fetched} ({summary.BarsFetched:N0} bars)");
        text.AppendLine(c, $"  skipped fresh  {summary.SkippedFresh.Count}");
        text.AppendLine(c, $"  rejected       {summary.Rejected.Count}");
        text.AppendLine(c, $"  failed         {summary.Failed.Count}");
        text.AppendLine(c, $"  written        {summary.SymbolsWritten} symbols, {summary.BarsWritten:N0} new bars");
        text.AppendLine(c, $"  quarantined    {summary.Quarantined.Count} partitions");
        text.AppendLine(c, $"  duration       {summary.Duration.TotalSeconds:0.00} s ({summary.BarsPerSecond:N0} bars/s)");
        if (summary.Catalog is { } catalog) AppendCatalog(text, catalog);
        foreach (var r in summary.Rejected) text.AppendLine(c, $"  rejected {r.Symbol} [{Kebab(r.Kind.ToString())}]: {r.Reason}");
        foreach (var f in summary.Failed) text.AppendLine(c, $"  failed   {f.Symbol}: {f.Error}");
        foreach (var q in summary.Quarantined) text.AppendLine(c, $"  quarantined {q.Symbol} -> {q.MovedTo}: {q.Reason}");
        return text.ToString();
    }

    private static void AppendCatalog(StringBuilder text, CatalogRefresh catalog)
    {
        var c = CultureInfo.InvariantCulture;
        if (catalog.Error is { } error) text.AppendLine(c, $"  catalog        NOT refreshed: {error}");
        else text.AppendLine(c, $"  catalog        {catalog.VersionsAdded} new version(s), {catalog.UpdatedInPlace} updated in place, {catalog.Unchanged} unchanged (as of {BarValidator.Time(catalog.AsOf)})");
        if (catalog.UnknownToProvider.Count > 0)
            text.AppendLine(c, $"  unknown to provider  {catalog.UnknownToProvider.Count}: {string.Join(", ", catalog.UnknownToProvider)}");
        foreach (var note in catalog.Notes) text.AppendLine(c, $"  catalog note: {note}");
    }

    internal static string Kebab(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) text.Append('-');
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }
}
