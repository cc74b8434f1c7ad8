namespace ActorTrader.Data.Ingestion.Distributed;

/// <summary>How far a distributed ingestion is: batches done, dead, and still ready or claimed, of <see cref="Batches"/>.</summary>
public sealed record IngestionBatchProgress(string RequestId, int Batches, int Done, int Dead)
{
    public int Pending => Batches - Done - Dead;
}
