using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Cli.Optimize;

/// <summary>
/// Reads a wide price CSV: a header "date,TICKER1,TICKER2,…", then one row per date with a price per ticker; a
/// blank cell means no price (e.g. before listing). Errors name the file, line and column and what to fix.
/// Fields are plain (no quoting): prices and tickers never need it.
/// </summary>
public static class WidePriceCsv
{
    /// <summary>Parses <paramref name="reader"/>; <paramref name="fileName"/> is only used in error messages.</summary>
    public static WidePrices Read(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine() ?? throw new OptimizeInputException($"{fileName}: the file is empty; expected a header \"date,TICKER,…\".");
        var names = header.Split(',').Select(n => n.Trim()).ToArray();
        if (names.Length < 2) throw new OptimizeInputException($"{fileName}:1: the header has no ticker columns; expected \"date,TICKER,…\".");
        var tickers = names.Skip(1).ToArray();
        for (var c = 0; c < tickers.Length; c++)
        {
            if (tickers[c].Length == 0) throw new OptimizeInputException($"{fileName}:1:{c + 2}: column {c + 2} has no ticker name.");
            var first = Array.IndexOf(tickers, tickers[c]);
            if (first != c) throw new OptimizeInputException($"{fileName}:1:{c + 2}: ticker \"{tickers[c]}\" appears twice (columns {first + 2} and {c + 2}); remove the duplicate column.");
        }
        var dates = new List<string>();
        var rows = new List<double[]>();
        var lineNumber = 1;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Trim().Length == 0) continue;
            var cells = line.Split(',');
            if (cells.Length != names.Length)
            {
                throw new OptimizeInputException($"{fileName}:{lineNumber}: {cells.Length} fields, but the header has {names.Length}; every row needs a date and one cell per ticker (blank for no price).");
            }
            var row = new double[tickers.Length];
            for (var c = 0; c < tickers.Length; c++)
            {
                var cell = cells[c + 1].Trim();
                if (cell.Length == 0)
                {
                    row[c] = double.NaN;
                    continue;
                }
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var price) || !double.IsFinite(price) || price <= 0)
                {
                    throw new OptimizeInputException(
                        $"{fileName}:{lineNumber}:{c + 2}: \"{cell}\" in column {tickers[c]} is not a positive price; use a number like 123.45 or leave the cell blank for no price.");
                }
                row[c] = price;
            }
            dates.Add(cells[0].Trim());
            rows.Add(row);
        }
        if (rows.Count < 2) throw new OptimizeInputException($"{fileName}: {rows.Count} price row(s); at least 2 are needed for one return.");
        var prices = Matrix<double>.Build.Dense(rows.Count, tickers.Length, (r, c) => rows[r][c]);
        return new WidePrices(dates, tickers, prices);
    }
}
