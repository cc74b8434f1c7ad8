namespace ActorTrader.Data.Providers.Csv;

/// <summary>One cell of a CSV record and where it starts (1-based line and character column).</summary>
internal readonly record struct CsvField(string Value, int Line, int Column);
