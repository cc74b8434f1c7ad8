namespace ActorTrader.Benchmarks.Parquet;

/// <summary>One baseline write: its seconds, the bytes it left on disk and the thread count it ran with.</summary>
internal sealed record BaselineWrite(double Seconds, long Bytes, int Threads);
