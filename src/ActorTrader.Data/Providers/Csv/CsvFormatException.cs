namespace ActorTrader.Data.Providers.Csv;

/// <summary>Malformed CSV input at a position; the provider turns it into a <see cref="MarketDataException"/>.</summary>
internal sealed class CsvFormatException(string file, int line, int column, string problem, string fix)
    : Exception($"csv: {file}:{line}:{column}: {problem} Fix: {fix}")
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public int Column { get; } = column;
}
