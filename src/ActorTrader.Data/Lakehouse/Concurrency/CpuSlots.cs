namespace ActorTrader.Data.Lakehouse.Concurrency;

/// <summary>
/// Bounds how many partition writes use the CPU at once while many more wait on the disk: a write holds a slot while
/// it encodes and gives it up while an fsync blocks it (<see cref="WhileWaitingOnDisk"/>), so the cores stay busy
/// encoding the next partitions while dozens of fsyncs are in flight.
/// </summary>
internal sealed class CpuSlots(int count) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(count, count);

    public void Enter() => _slots.Wait();

    public void Exit() => _slots.Release();

    /// <summary>Runs <paramref name="wait"/> (an fsync, a rename) without a slot and takes one again afterwards.</summary>
    public void WhileWaitingOnDisk(Action wait)
    {
        Exit();
        try
        {
            wait();
        }
        finally
        {
            Enter();
        }
    }

    public void Dispose() => _slots.Dispose();
}
