namespace ActorTrader.Node.Alerts;

/// <summary>The process's memory now (working set) and the limit it is measured against, in bytes.</summary>
internal readonly record struct MemoryUsage(long UsedBytes, long LimitBytes)
{
    public double Share => LimitBytes > 0 ? (double)UsedBytes / LimitBytes : 0;

    /// <summary>The working set against <paramref name="configuredLimit"/>, or against the memory the GC sees (the machine's, or the container's limit) when it is 0.</summary>
    public static MemoryUsage Read(long configuredLimit)
    {
        var limit = configuredLimit > 0 ? configuredLimit : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return new MemoryUsage(Environment.WorkingSet, limit);
    }
}
