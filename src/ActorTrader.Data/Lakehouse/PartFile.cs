namespace ActorTrader.Data.Lakehouse;

/// <summary>
/// One <c>part-NNNNN.parquet</c> of a partition as its footer describes it: number, time range, rows, size and the
/// provenance stored in its key-value metadata. <see cref="Supersedes"/> lists the part numbers it replaced.
/// </summary>
internal sealed record PartFile(
    int Number,
    string Path,
    DateTimeOffset FirstBar,
    DateTimeOffset LastBar,
    long Rows,
    long Bytes,
    string Provider,
    bool IsSynthetic,
    string RunId,
    DateTimeOffset WrittenAt,
    IReadOnlyList<int> Supersedes)
{
    public const string Prefix = "part-";
    public const string Extension = ".parquet";

    public static string FileName(int number) => $"{Prefix}{number:D5}{Extension}";

    /// <summary>The part number of <c>part-00012.parquet</c>, or null for any other name (temporary files start with '.').</summary>
    public static int? ParseNumber(string fileName)
    {
        if (!fileName.StartsWith(Prefix, StringComparison.Ordinal) || !fileName.EndsWith(Extension, StringComparison.Ordinal)) return null;
        var digits = fileName.AsSpan(Prefix.Length, fileName.Length - Prefix.Length - Extension.Length);
        return digits.Length > 0 && int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>Whether this part's time range meets [first, last].</summary>
    public bool Overlaps(DateTimeOffset first, DateTimeOffset last) => FirstBar <= last && LastBar >= first;
}
