namespace ActorTrader.Data.Ingestion;

/// <summary>Published on the event stream each time a symbol is done, for progress bars; counts are cumulative.</summary>
public sealed record IngestionProgress(string RunId, int Requested, int Done, int SkippedFresh, int Rejected, int Failed, long BarsWritten);
