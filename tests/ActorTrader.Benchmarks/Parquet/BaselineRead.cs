namespace ActorTrader.Benchmarks.Parquet;

/// <summary>One baseline read: its seconds, the rows and volume sum it saw (checked by the caller) and its thread count.</summary>
internal sealed record BaselineRead(double Seconds, long Rows, long Volume, int Threads);
