using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Ingestion.Distributed;

/// <summary>A batch that used up its attempts: its <see cref="Symbols"/> are reported failed with <see cref="Error"/>, the last attempt's error.</summary>
public sealed record DeadIngestionBatch(string Key, int Index, IReadOnlyList<Symbol> Symbols, string Error, int Attempts);
