namespace ActorTrader.Research.Tests.Actors;

/// <summary>A temporary directory of its own, removed with everything in it when disposed.</summary>
internal sealed class ScratchDirectory : IDisposable
{
    public ScratchDirectory(string purpose)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"actortrader-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
