using ActorTrader.Data.Lakehouse.Durability;
using ActorTrader.Domain.Instruments;
using ActorTrader.Parquet;

namespace ActorTrader.Data.Catalog;

/// <summary>
/// Reads and writes <c>symbols.parquet</c> and <c>exchanges.parquet</c>. Both are small and rewritten whole: the new
/// file is written beside the old one, fsynced and renamed over it, then the directory is fsynced.
/// </summary>
internal static class CatalogFiles
{
    private const string Bad = "Fix: restore it from a backup, or delete it and upsert the symbols again (the point-in-time history is then lost).";

    public static ParquetSchema SymbolsSchema { get; } = new(
        new ParquetField("symbol", ParquetColumnType.String),
        new ParquetField("exchange", ParquetColumnType.String),
        new ParquetField("ticker", ParquetColumnType.String),
        new ParquetField("profile", ParquetColumnType.String),
        new ParquetField("name", ParquetColumnType.String, Nullable: true),
        new ParquetField("timezone", ParquetColumnType.String),
        new ParquetField("timezone_source", ParquetColumnType.String),
        new ParquetField("session", ParquetColumnType.String),
        new ParquetField("session_source", ParquetColumnType.String),
        new ParquetField("tick_size", ParquetColumnType.Decimal(38, 18), Nullable: true),
        new ParquetField("lot_size", ParquetColumnType.Decimal(38, 18), Nullable: true),
        new ParquetField("listed_on", ParquetColumnType.Date, Nullable: true),
        new ParquetField("tradable", ParquetColumnType.Boolean),
        new ParquetField("shortable", ParquetColumnType.Boolean),
        new ParquetField("sector", ParquetColumnType.String, Nullable: true),
        new ParquetField("source", ParquetColumnType.String),
        new ParquetField("valid_from", ParquetColumnType.Timestamp(TimestampUnit.Micros)),
        new ParquetField("valid_to", ParquetColumnType.Timestamp(TimestampUnit.Micros), Nullable: true));

    public static ParquetSchema ExchangesSchema { get; } = new(
        new ParquetField("exchange", ParquetColumnType.String),
        new ParquetField("mic", ParquetColumnType.String, Nullable: true),
        new ParquetField("name", ParquetColumnType.String),
        new ParquetField("timezone", ParquetColumnType.String),
        new ParquetField("session", ParquetColumnType.String),
        new ParquetField("calendar", ParquetColumnType.String),
        new ParquetField("tick_size", ParquetColumnType.Decimal(38, 18), Nullable: true),
        new ParquetField("lot_size", ParquetColumnType.Decimal(38, 18), Nullable: true),
        new ParquetField("is_fallback", ParquetColumnType.Boolean));

    public static void WriteSymbols(string path, IReadOnlyList<SymbolVersion> rows)
    {
        var f = SymbolsSchema.Fields;
        Write(path, SymbolsSchema,
        [
            new(f[0], rows.Select(r => r.Symbol.ToString()).ToArray()),
            new(f[1], rows.Select(r => r.Symbol.Exchange).ToArray()),
            new(f[2], rows.Select(r => r.Symbol.Ticker).ToArray()),
            new(f[3], rows.Select(r => r.Profile.ToString()).ToArray()),
            new(f[4], rows.Select(r => r.Name).ToArray()),
            new(f[5], rows.Select(r => r.TimeZone).ToArray()),
            new(f[6], rows.Select(r => r.TimeZoneSource.ToString()).ToArray()),
            new(f[7], rows.Select(r => r.Session).ToArray()),
            new(f[8], rows.Select(r => r.SessionSource.ToString()).ToArray()),
            new(f[9], rows.Select(r => r.TickSize).ToArray()),
            new(f[10], rows.Select(r => r.LotSize).ToArray()),
            new(f[11], rows.Select(r => r.ListedOn).ToArray()),
            new(f[12], rows.Select(r => r.Tradable).ToArray()),
            new(f[13], rows.Select(r => r.Shortable).ToArray()),
            new(f[14], rows.Select(r => r.Sector).ToArray()),
            new(f[15], rows.Select(r => r.Source).ToArray()),
            new(f[16], rows.Select(r => r.ValidFrom.UtcDateTime).ToArray()),
            new(f[17], rows.Select(r => r.ValidTo?.UtcDateTime).ToArray()),
        ]);
    }

    public static List<SymbolVersion> ReadSymbols(string path)
    {
        var rows = new List<SymbolVersion>();
        foreach (var c in ReadGroups(path, SymbolsSchema))
        {
            var symbol = (string[])c[0].Values;
            var profile = (string[])c[3].Values;
            var name = (string?[])c[4].Values;
            var timezone = (string[])c[5].Values;
            var timezoneSource = (string[])c[6].Values;
            var session = (string[])c[7].Values;
            var sessionSource = (string[])c[8].Values;
            var tick = (decimal?[])c[9].Values;
            var lot = (decimal?[])c[10].Values;
            var listed = (DateOnly?[])c[11].Values;
            var tradable = (bool[])c[12].Values;
            var shortable = (bool[])c[13].Values;
            var sector = (string?[])c[14].Values;
            var source = (string[])c[15].Values;
            var from = (DateTime[])c[16].Values;
            var to = (DateTime?[])c[17].Values;
            for (var i = 0; i < symbol.Length; i++)
            {
                var row = rows.Count;
                rows.Add(new SymbolVersion(
                    Symbol.TryParse(symbol[i], out var s, out var error) ? s : throw Invalid(path, $"row {row} symbol: {error}"),
                    Enum.TryParse<AssetProfile>(profile[i], out var p) ? p : throw Invalid(path, $"row {row} profile \"{profile[i]}\" is not one of {string.Join(", ", Enum.GetNames<AssetProfile>())}"),
                    name[i],
                    timezone[i],
                    Source(path, row, timezoneSource[i]),
                    session[i],
                    Source(path, row, sessionSource[i]),
                    tick[i],
                    lot[i],
                    listed[i],
                    tradable[i],
                    shortable[i],
                    sector[i],
                    source[i],
                    new DateTimeOffset(from[i].Ticks, TimeSpan.Zero),
                    to[i] is { } t ? new DateTimeOffset(t.Ticks, TimeSpan.Zero) : null));
            }
        }

        return rows;
    }

    public static void WriteExchanges(string path, IReadOnlyList<ExchangeInfo> rows)
    {
        var f = ExchangesSchema.Fields;
        Write(path, ExchangesSchema,
        [
            new(f[0], rows.Select(r => r.Code).ToArray()),
            new(f[1], rows.Select(r => r.Mic).ToArray()),
            new(f[2], rows.Select(r => r.Name).ToArray()),
            new(f[3], rows.Select(r => r.TimeZone).ToArray()),
            new(f[4], rows.Select(r => r.Session).ToArray()),
            new(f[5], rows.Select(r => r.Calendar).ToArray()),
            new(f[6], rows.Select(r => r.TickSize).ToArray()),
            new(f[7], rows.Select(r => r.LotSize).ToArray()),
            new(f[8], rows.Select(r => r.IsFallback).ToArray()),
        ]);
    }

    public static List<ExchangeInfo> ReadExchanges(string path)
    {
        var rows = new List<ExchangeInfo>();
        foreach (var c in ReadGroups(path, ExchangesSchema))
        {
            var code = (string[])c[0].Values;
            var mic = (string?[])c[1].Values;
            var name = (string[])c[2].Values;
            var timezone = (string[])c[3].Values;
            var session = (string[])c[4].Values;
            var calendar = (string[])c[5].Values;
            var tick = (decimal?[])c[6].Values;
            var lot = (decimal?[])c[7].Values;
            var fallback = (bool[])c[8].Values;
            for (var i = 0; i < code.Length; i++)
            {
                rows.Add(new ExchangeInfo(code[i], mic[i], name[i], timezone[i], session[i], calendar[i], tick[i], lot[i], fallback[i]));
            }
        }

        return rows;
    }

    private static void Write(string path, ParquetSchema schema, ParquetColumn[] columns)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        DirectorySync.CreateDurably(directory);
        using (var writer = ParquetFileWriter.Create(path, schema, new ParquetWriterOptions { MaxDegreeOfParallelism = 1 }))
        {
            writer.WriteRowGroup(columns);
            writer.Complete();
        }

        DirectorySync.Flush(directory);
    }

    private static IEnumerable<IReadOnlyList<ParquetColumn>> ReadGroups(string path, ParquetSchema schema)
    {
        ParquetFileReader reader;
        try
        {
            reader = ParquetFileReader.Open(path);
        }
        catch (ParquetException e)
        {
            throw Invalid(path, e.Message, e);
        }

        using (reader)
        {
            if (!reader.Schema.Equals(schema)) throw Invalid(path, $"its columns are {reader.Schema} but {schema} are expected");
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                IReadOnlyList<ParquetColumn> columns;
                try
                {
                    columns = reader.ReadRowGroup(g);
                }
                catch (ParquetException e)
                {
                    throw Invalid(path, e.Message, e);
                }

                yield return columns;
            }
        }
    }

    private static ValueSource Source(string path, int row, string text) =>
        Enum.TryParse<ValueSource>(text, out var source) ? source : throw Invalid(path, $"row {row} value source \"{text}\" is not one of {string.Join(", ", Enum.GetNames<ValueSource>())}");

    private static InvalidDataException Invalid(string path, string problem, Exception? inner = null) =>
        new($"Catalog file {path} cannot be read: {problem}. {Bad}", inner);
}
