namespace ActorTrader.Backtest.Reports;

/// <summary>What <see cref="TearsheetWriter.Write"/> produced: the full paths of the files and the statistics they show.</summary>
/// <param name="WeightsCsv">Null when the data had no weights (no file is written then).</param>
public sealed record TearsheetOutput(
    string Html,
    string Summary,
    string ReturnsCsv,
    string? WeightsCsv,
    string StatisticsJson,
    TearsheetStatistics Statistics);
