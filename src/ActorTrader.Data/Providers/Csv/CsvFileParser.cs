using System.Globalization;
using System.IO.Compression;
using System.Text;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Providers.Csv;

/// <summary>
/// Reads one <c>.csv</c> or <c>.csv.gz</c> file of daily prices in one of two layouts, told apart by the header:
/// <list type="bullet">
/// <item><b>long</b>: a date column and open, high, low, close (volume optional, 0 when absent; close alone gives
/// close-only bars); the ticker comes
/// from a <c>symbol</c>/<c>ticker</c> column when there is one, else from the file name up to the first '_'
/// (<c>SPY.csv</c>, <c>spy_daily_ohlcv.csv</c> → SPY). Other columns (adj close, …) are ignored.</item>
/// <item><b>wide</b>: a date column and one column of closes per ticker, the header naming the ticker; a blank cell
/// means no bar that day (not listed yet). Close-only: open = high = low = close and volume 0.</item>
/// </list>
/// Columns with an empty header (a pandas row index) are ignored. Dates are <c>yyyy-MM-dd</c>, optionally
/// followed by a midnight time. Every daily bar is stamped at the date's midnight in America/New_York, in UTC.
/// Anything malformed throws <see cref="CsvFormatException"/> naming file:line:column and the fix.
/// </summary>
internal static class CsvFileParser
{
    private static readonly string[] DateHeaders = ["date", "timestamp", "datetime", "time"];
    private static readonly string[] TickerHeaders = ["symbol", "ticker"];

    public static bool IsPriceFile(string path) =>
        path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<CsvSeries> Parse(string path)
    {
        var fileName = Path.GetFileName(path);
        using var stream = File.OpenRead(path);
        using var decompressed = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : (Stream)stream;
        using var text = new StreamReader(decompressed, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        try
        {
            return Parse(new CsvRecordReader(text, fileName), fileName);
        }
        catch (InvalidDataException e)
        {
            throw new CsvFormatException(fileName, 1, 1, $"The file is not valid gzip ({e.Message}).", "Re-compress it with gzip, or rename it to .csv if it is plain text.");
        }
    }

    internal static IReadOnlyList<CsvSeries> Parse(CsvRecordReader reader, string fileName)
    {
        var header = reader.Read() ?? throw new CsvFormatException(fileName, 1, 1, "The file is empty.", "Add a header line such as date,open,high,low,close,volume.");
        var names = header.Select(f => f.Value.Trim().ToLowerInvariant()).ToArray();
        var dateColumn = Array.FindIndex(names, n => DateHeaders.Contains(n));
        if (dateColumn < 0)
        {
            throw new CsvFormatException(fileName, header[0].Line, header[0].Column,
                $"No date column in the header ({string.Join(",", header.Select(f => f.Value))}).", "Name the date column \"date\".");
        }
        int Find(string name) => Array.IndexOf(names, name);
        var (open, high, low, close) = (Find("open"), Find("high"), Find("low"), Find("close"));
        if (close < 0) return ParseWide(reader, fileName, header, dateColumn);
        var ranges = (open >= 0 ? 1 : 0) + (high >= 0 ? 1 : 0) + (low >= 0 ? 1 : 0);
        if (ranges is 1 or 2)
        {
            throw new CsvFormatException(fileName, header[0].Line, header[0].Column,
                "The header has some but not all of open, high, low.", "Give all of open,high,low,close, or close alone for close-only bars.");
        }
        return ParseLong(reader, fileName, header, dateColumn, open, high, low, close, Find("volume"), Array.FindIndex(names, n => TickerHeaders.Contains(n)));
    }

    private static List<CsvSeries> ParseLong(CsvRecordReader reader, string fileName, List<CsvField> header,
        int dateColumn, int open, int high, int low, int close, int volume, int tickerColumn)
    {
        var isCloseOnly = open < 0;
        var fileTicker = tickerColumn < 0 ? TickerFromFileName(fileName) : null;
        var rows = new Dictionary<string, List<(DateOnly Date, Bar Bar, int Line)>>(StringComparer.Ordinal);
        while (reader.Read() is { } record)
        {
            ExpectWidth(record, header, fileName);
            var ticker = fileTicker ?? ParseTicker(record[tickerColumn], fileName, header[tickerColumn].Value);
            var date = ParseDate(record[dateColumn], fileName);
            var c = ParsePrice(record[close], fileName, header[close].Value);
            var o = isCloseOnly ? c : ParsePrice(record[open], fileName, header[open].Value);
            var h = isCloseOnly ? c : ParsePrice(record[high], fileName, header[high].Value);
            var l = isCloseOnly ? c : ParsePrice(record[low], fileName, header[low].Value);
            var v = volume >= 0 ? ParseVolume(record[volume], fileName, header[volume].Value) : 0m;
            if (h < Math.Max(o, c) || l > Math.Min(o, c) || l > h)
            {
                throw new CsvFormatException(fileName, record[dateColumn].Line, record[close].Column,
                    $"The bar of {date:yyyy-MM-dd} is inconsistent: open {o}, high {h}, low {l}, close {c} (need low ≤ open, close ≤ high).",
                    "Correct the row or delete it.");
            }
            if (!rows.TryGetValue(ticker, out var list)) rows[ticker] = list = [];
            list.Add((date, new Bar(DailyTimestamp(date), o, h, l, c, v), record[dateColumn].Line));
        }
        return rows.Select(pair => ToSeries(pair.Key, fileName, pair.Value, isCloseOnly, firstFileDate: null)).ToList();
    }

    private static List<CsvSeries> ParseWide(CsvRecordReader reader, string fileName, List<CsvField> header, int dateColumn)
    {
        var columns = new List<(int Index, string Ticker)>();
        for (var i = 0; i < header.Count; i++)
        {
            if (i == dateColumn || header[i].Value.Trim().Length == 0) continue;
            var ticker = ParseTicker(header[i], fileName, "header");
            if (columns.Any(c => c.Ticker == ticker))
                throw new CsvFormatException(fileName, header[i].Line, header[i].Column, $"Ticker {ticker} has two columns.", "Remove or rename one of them.");
            columns.Add((i, ticker));
        }
        if (columns.Count == 0)
        {
            throw new CsvFormatException(fileName, header[0].Line, header[0].Column,
                "The header has a date column but neither open,high,low,close nor ticker columns.",
                "Use date,open,high,low,close,volume for one ticker, or date,<TICKER>,<TICKER>,… for a table of closes.");
        }

        var rows = columns.ToDictionary(c => c.Ticker, _ => new List<(DateOnly Date, Bar Bar, int Line)>(), StringComparer.Ordinal);
        DateOnly? firstFileDate = null;
        while (reader.Read() is { } record)
        {
            ExpectWidth(record, header, fileName);
            var date = ParseDate(record[dateColumn], fileName);
            firstFileDate ??= date;
            if (date < firstFileDate) firstFileDate = date;
            var timestamp = DailyTimestamp(date);
            foreach (var (index, ticker) in columns)
            {
                if (record[index].Value.Trim().Length == 0) continue;
                var price = ParsePrice(record[index], fileName, ticker);
                rows[ticker].Add((date, new Bar(timestamp, price, price, price, price, 0m), record[dateColumn].Line));
            }
        }
        return rows.Where(pair => pair.Value.Count > 0)
            .Select(pair => ToSeries(pair.Key, fileName, pair.Value, isCloseOnly: true, firstFileDate))
            .ToList();
    }

    private static CsvSeries ToSeries(string ticker, string fileName, List<(DateOnly Date, Bar Bar, int Line)> rows, bool isCloseOnly, DateOnly? firstFileDate)
    {
        rows.Sort((a, b) => a.Date.CompareTo(b.Date));
        for (var i = 1; i < rows.Count; i++)
        {
            if (rows[i].Date == rows[i - 1].Date)
            {
                var (first, second) = rows[i - 1].Line < rows[i].Line ? (rows[i - 1].Line, rows[i].Line) : (rows[i].Line, rows[i - 1].Line);
                throw new CsvFormatException(fileName, second, 1,
                    $"{ticker} has two rows for {rows[i].Date:yyyy-MM-dd} (lines {first} and {second}).", "Keep one of them.");
            }
        }
        var listedOn = firstFileDate is { } start && rows[0].Date > start ? rows[0].Date : (DateOnly?)null;
        return new CsvSeries(ticker, fileName, rows.Select(r => r.Date).ToArray(), rows.Select(r => r.Bar).ToArray(), isCloseOnly, listedOn);
    }

    private static DateTimeOffset DailyTimestamp(DateOnly date) => MarketCalendars.Nyse.StartOfDayUtc(date);

    private static void ExpectWidth(List<CsvField> record, List<CsvField> header, string fileName)
    {
        if (record.Count != header.Count)
        {
            var last = record[^1];
            throw new CsvFormatException(fileName, record[0].Line, last.Column,
                $"The row has {record.Count} fields but the header has {header.Count}.", "Give every row one field per header column (leave missing values empty).");
        }
    }

    private static DateOnly ParseDate(CsvField field, string fileName)
    {
        var text = field.Value.Trim();
        if (text.Length >= 10 && DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var rest = text.AsSpan(10).TrimStart('T').TrimStart(' ');
            if (rest.IsEmpty || IsMidnight(rest)) return date;
            throw new CsvFormatException(fileName, field.Line, field.Column,
                $"\"{text}\" has a time of day; only daily bars are read.", "Give daily rows as yyyy-MM-dd.");
        }
        throw new CsvFormatException(fileName, field.Line, field.Column, $"\"{text}\" is not a date.", "Write dates as yyyy-MM-dd.");
    }

    private static bool IsMidnight(ReadOnlySpan<char> time)
    {
        var trimmed = time.TrimEnd('Z');
        var plus = trimmed.IndexOfAny('+', '-');
        if (plus >= 0) trimmed = trimmed[..plus];
        return TimeOnly.TryParse(trimmed, CultureInfo.InvariantCulture, out var t) && t == TimeOnly.MinValue;
    }

    private static decimal ParsePrice(CsvField field, string fileName, string column)
    {
        var value = ParseNumber(field, fileName, column);
        if (value <= 0)
            throw new CsvFormatException(fileName, field.Line, field.Column, $"{column} price {field.Value} is not positive.", "Prices must be > 0; leave the cell empty when there is no price.");
        return value;
    }

    private static decimal ParseVolume(CsvField field, string fileName, string column)
    {
        var value = ParseNumber(field, fileName, column);
        if (value < 0)
            throw new CsvFormatException(fileName, field.Line, field.Column, $"{column} {field.Value} is negative.", "Volumes must be ≥ 0.");
        return value;
    }

    private static decimal ParseNumber(CsvField field, string fileName, string column)
    {
        var text = field.Value.Trim();
        if (text.Length == 0)
            throw new CsvFormatException(fileName, field.Line, field.Column, $"{column} is empty.", "Fill in the value or delete the row.");
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new CsvFormatException(fileName, field.Line, field.Column,
                $"{column} \"{field.Value}\" is not a number.", "Write numbers with a '.' decimal point and no thousands separators (e.g. 1234.56).");
        }
        return value;
    }

    private static string ParseTicker(CsvField field, string fileName, string what)
    {
        var ticker = field.Value.Trim().ToUpperInvariant();
        if (!Symbol.TryParse($"X:{ticker}", out _, out _))
        {
            throw new CsvFormatException(fileName, field.Line, field.Column,
                $"\"{field.Value}\" in the {what} is not a ticker.", "Use letters, digits, '.', '/', '-' or '_' (e.g. AAPL, BRK.B).");
        }
        return ticker;
    }

    private static string TickerFromFileName(string fileName)
    {
        var stem = fileName[..^(fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? ".csv.gz".Length : ".csv".Length)];
        var underscore = stem.IndexOf('_', StringComparison.Ordinal);
        var ticker = (underscore > 0 ? stem[..underscore] : stem).ToUpperInvariant();
        if (!Symbol.TryParse($"X:{ticker}", out _, out _))
        {
            throw new CsvFormatException(fileName, 1, 1,
                $"No ticker can be taken from the file name (\"{ticker}\").", "Name the file <TICKER>.csv or add a symbol column.");
        }
        return ticker;
    }
}
