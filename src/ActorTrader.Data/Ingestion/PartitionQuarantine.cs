using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Ingestion;

/// <summary>A lakehouse partition the write moved aside because it could not be read; the symbol's new bars were not written.</summary>
public sealed record PartitionQuarantine(Symbol Symbol, string MovedTo, string Reason);
