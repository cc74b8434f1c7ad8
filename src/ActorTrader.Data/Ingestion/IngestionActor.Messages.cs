namespace ActorTrader.Data.Ingestion;

/// <summary>Starts a run; the sender receives <see cref="IngestionCompleted"/>, or <see cref="IngestionRefused"/> when a run is already going.</summary>
public sealed record StartIngestion(IngestionRequest Request);

/// <summary>Stops taking new symbols; the symbols in flight finish and the run completes with a cancelled summary.</summary>
public sealed record StopIngestion;

/// <summary>A run ended (normally or stopped); <see cref="Summary"/> accounts for every symbol handled.</summary>
public sealed record IngestionCompleted(IngestionSummary Summary);

/// <summary>The run could not start or broke down as a whole (not a symbol's failure, which is in the summary).</summary>
public sealed record IngestionRefused(string RunId, string Reason);
