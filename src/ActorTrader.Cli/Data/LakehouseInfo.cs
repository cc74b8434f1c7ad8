using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ActorTrader.Data.Ingestion;
using ActorTrader.Data.Lakehouse;
using ActorTrader.Domain.Bars;

namespace ActorTrader.Cli.Data;

/// <summary>
/// <c>actortrader lakehouse info</c>: one line per partition (symbol, timeframe, first and last bar, rows, files, size,
/// provider) with its strict health (daily bars: sessions missing between the first and the last bar), totals, and the
/// quarantined partitions. A partition that cannot be read is listed as corrupt; the others are still shown.
/// </summary>
internal sealed class LakehouseInfo(CliContext context, TimeProvider clock)
{
    public async Task<int> RunAsync(string? configFile, bool json)
    {
        var environment = DataEnvironment.Load(context, configFile);
        var store = environment.OpenStore(clock);
        var rows = store.List().OrderBy(p => p.Symbol).ThenBy(p => p.Timeframe.Name).Select(p => (Partition: p, Health: Health(store, p))).ToList();
        var quarantined = store.QuarantinedDirectories();
        if (json)
        {
            var root = new JsonObject
            {
                ["lakehouse"] = environment.Layout.Root,
                ["partitions"] = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject
                {
                    ["symbol"] = r.Partition.Symbol.ToString(),
                    ["timeframe"] = r.Partition.Timeframe.Name,
                    ["first_bar"] = r.Partition.FirstBar.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                    ["last_bar"] = r.Partition.LastBar.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                    ["rows"] = r.Partition.Rows,
                    ["files"] = r.Partition.Files,
                    ["bytes"] = r.Partition.Bytes,
                    ["provider"] = r.Partition.Provider,
                    ["synthetic"] = r.Partition.IsSynthetic,
                    ["health"] = r.Health,
                })]),
                ["quarantined"] = new JsonArray([.. quarantined.Select(q => (JsonNode)q)]),
            };
            await context.Out.WriteLineAsync(root.ToJsonString(new JsonSerializerOptions { WriteIndented = true })).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        await context.Out.WriteLineAsync($"Lakehouse {environment.Layout.Root}").ConfigureAwait(false);
        if (rows.Count == 0) await context.Out.WriteLineAsync("  no partitions yet; run `actortrader ingest` to add some.").ConfigureAwait(false);
        foreach (var (p, health) in rows)
        {
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {p.Symbol,-22} {p.Timeframe.Name,-5} {p.FirstBar:yyyy-MM-dd} .. {p.LastBar:yyyy-MM-dd}  {p.Rows,9:N0} rows  {p.Files,2} file(s)  {Size(p.Bytes),9}  {p.Provider}{(p.IsSynthetic ? " (synthetic)" : "")}  {health}")).ConfigureAwait(false);
        }
        await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{rows.Select(r => r.Partition.Symbol).Distinct().Count()} symbol(s), {rows.Count} partition(s), {rows.Sum(r => r.Partition.Rows):N0} rows, {Size(rows.Sum(r => r.Partition.Bytes))}; {rows.Count(r => r.Health != "healthy")} not healthy; {quarantined.Count} quarantined")).ConfigureAwait(false);
        foreach (var q in quarantined) await context.Out.WriteLineAsync($"  quarantined: {q}").ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private string Health(ParquetBarStore store, BarPartitionInfo partition)
    {
        if (partition.Timeframe != Timeframe.Day1) return "healthy";
        try
        {
            var bars = store.Read(partition.Symbol, partition.Timeframe);
            // Every session between the first and the last stored bar is expected; nothing may be missing.
            var problem = StrictHealth.Check(partition.Symbol, partition.Timeframe, bars, SymbolCalendars.For(partition.Symbol),
                partition.FirstBar, partition.LastBar.AddTicks(1), clock.GetUtcNow(), 0.0);
            return problem is null ? "healthy" : problem.Reason;
        }
        catch (CorruptPartitionException e)
        {
            return $"corrupt: {e.Message}";
        }
    }

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MiB"),
    };
}
