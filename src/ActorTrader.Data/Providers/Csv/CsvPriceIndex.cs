namespace ActorTrader.Data.Providers.Csv;

/// <summary>
/// Every ticker found in a directory's price files. A ticker present in several files is taken from the first
/// file in ordinal file-name order, whole (files are never merged); the others are recorded as shadowed.
/// Immutable once loaded.
/// </summary>
internal sealed class CsvPriceIndex
{
    private readonly Dictionary<string, CsvSeries> _series;

    private CsvPriceIndex(string directory, IReadOnlyList<string> files, Dictionary<string, CsvSeries> series)
    {
        Directory = directory;
        Files = files;
        _series = series;
    }

    public string Directory { get; }

    /// <summary>The file names read, in the order they take precedence.</summary>
    public IReadOnlyList<string> Files { get; }

    public IEnumerable<CsvSeries> AllSeries => _series.Values.OrderBy(s => s.Ticker, StringComparer.Ordinal);

    public CsvSeries? Find(string ticker) => _series.GetValueOrDefault(ticker);

    public static CsvPriceIndex Load(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            throw new MarketDataException(
                $"csv: price directory \"{directory}\" does not exist. Fix: set actortrader.data.csv.dir to a directory of .csv/.csv.gz files (e.g. data/samples).",
                isTransient: false);
        }
        var files = System.IO.Directory.EnumerateFiles(directory)
            .Where(CsvFileParser.IsPriceFile)
            .OrderBy(Path.GetFileName, StringComparer.Ordinal)
            .ToList();
        var series = new Dictionary<string, CsvSeries>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            IReadOnlyList<CsvSeries> parsed;
            try
            {
                parsed = CsvFileParser.Parse(file);
            }
            catch (CsvFormatException e)
            {
                throw new MarketDataException($"{e.Message} (in {directory})", isTransient: false, e);
            }
            catch (IOException e)
            {
                throw new MarketDataException($"csv: cannot read {file}: {e.Message} Fix: check the file exists and is readable.", isTransient: false, e);
            }
            foreach (var s in parsed) series.TryAdd(s.Ticker, s);
        }
        return new CsvPriceIndex(directory, files.Select(Path.GetFileName).ToList()!, series);
    }
}
