using ActorTrader.Hosting.Files;

namespace ActorTrader.Hosting.Tests.Files;

public sealed class DirectorySyncTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void An_existing_directory_is_flushed_without_error()
    {
        DirectorySync.Flush(_dir.Path);
    }

    [Fact]
    public void A_directory_that_cannot_be_opened_is_an_error_naming_it()
    {
        // The flush really opens the directory: a missing one is reported, not silently skipped.
        var missing = _dir.File("missing");

        var error = Assert.Throws<IOException>(() => DirectorySync.Flush(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }
}
