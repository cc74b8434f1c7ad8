using System.Globalization;
using System.Text.RegularExpressions;

namespace ActorTrader.Cli.Parquet;

/// <summary>
/// Parses <c>--schema "name:type,..."</c>: types for some or all columns of a CSV file (the rest are inferred).
/// Types: bool, int32, int64, float, double, date, timestamp, string, decimal(P,S).
/// </summary>
internal static partial class CsvSchemaOption
{
    public static IReadOnlyDictionary<string, CsvColumnKind> Parse(string? spec)
    {
        var kinds = new Dictionary<string, CsvColumnKind>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(spec)) return kinds;
        foreach (var entry in SplitEntries(spec))
        {
            var colon = entry.LastIndexOf(':');
            if (colon <= 0 || colon == entry.Length - 1)
                throw new ParquetToolException($"--schema entry \"{entry}\" is not name:type; write for example \"price:double,day:date\".");
            var name = entry[..colon].Trim();
            var type = entry[(colon + 1)..].Trim().ToLowerInvariant();
            if (!kinds.TryAdd(name, Kind(type, entry)))
                throw new ParquetToolException($"--schema names column \"{name}\" twice; keep one entry.");
        }
        return kinds;
    }

    private static CsvColumnKind Kind(string type, string entry)
    {
        var simple = new[] { CsvColumnKind.Bool, CsvColumnKind.Int32, CsvColumnKind.Int64, CsvColumnKind.Float, CsvColumnKind.Double, CsvColumnKind.Date, CsvColumnKind.Timestamp, CsvColumnKind.String }
            .FirstOrDefault(k => k.Name == type);
        if (simple is not null) return simple;
        var match = DecimalType().Match(type);
        if (match.Success)
        {
            var precision = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var scale = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            if (precision is < 1 or > 38 || scale > precision || scale > 28)
                throw new ParquetToolException($"--schema entry \"{entry}\": decimal precision must be 1..38 and scale 0..min(precision, 28).");
            return CsvColumnKind.Decimal(precision, scale);
        }
        throw new ParquetToolException($"--schema entry \"{entry}\": unknown type \"{type}\"; use one of {CsvColumnKind.SchemaTypes}.");
    }

    // Commas inside decimal(P,S) do not separate entries.
    private static IEnumerable<string> SplitEntries(string spec)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < spec.Length; i++)
        {
            if (spec[i] == '(') depth++;
            else if (spec[i] == ')') depth--;
            else if (spec[i] == ',' && depth == 0)
            {
                yield return spec[start..i];
                start = i + 1;
            }
        }
        yield return spec[start..];
    }

    [GeneratedRegex(@"^decimal\(\s*(\d+)\s*,\s*(\d+)\s*\)$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalType();
}
