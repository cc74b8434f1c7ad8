using ActorTrader.Hosting.Control;

namespace ActorTrader.Hosting.Tests.Control;

public sealed class HaltStateFileTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 14, 30, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string HaltFile => _dir.File("halt-state.json");

    [Fact]
    public void A_saved_halt_reads_back_unchanged()
    {
        var state = HaltState.HaltedNow("broker outage", Now, HaltState.ByOperator);

        HaltStateFile.Save(HaltFile, state);

        Assert.Equal(new HaltStateLoad(state, null), HaltStateFile.Load(HaltFile, Now.AddHours(1)));
    }

    [Fact]
    public void No_file_means_never_halted()
    {
        Assert.Equal(new HaltStateLoad(HaltState.Active, null), HaltStateFile.Load(HaltFile, Now));
    }

    [Fact]
    public void A_halt_file_whose_directory_cannot_be_searched_means_halted_not_never_halted()
    {
        // A symbolic-link loop fails every lookup (ELOOP), as an unsearchable directory does, even for root.
        var loop = _dir.File("loop");
        File.CreateSymbolicLink(loop, loop);
        var path = Path.Combine(loop, "halt-state.json");

        var load = HaltStateFile.Load(path, Now);

        Assert.False(File.Exists(path));
        Assert.True(load.State.Halted);
        Assert.Equal(HaltState.ByFailClosed, load.State.HaltedBy);
        Assert.Contains(path, load.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_directory_means_never_halted()
    {
        Assert.Equal(new HaltStateLoad(HaltState.Active, null), HaltStateFile.Load(Path.Combine(_dir.File("never-created"), "halt-state.json"), Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{ \"version\": 1, \"halted\": tru")]
    [InlineData("{ \"version\": 1 }")]
    [InlineData("{ \"version\": 2, \"halted\": false }")]
    [InlineData("null")]
    public void A_corrupt_file_means_halted_with_an_error_naming_the_file(string content)
    {
        File.WriteAllText(HaltFile, content);

        var load = HaltStateFile.Load(HaltFile, Now);

        Assert.True(load.State.Halted);
        Assert.Equal(HaltState.ByFailClosed, load.State.HaltedBy);
        Assert.Equal(Now, load.State.Since);
        Assert.Contains(HaltFile, load.Error, StringComparison.Ordinal);
        Assert.Contains("fail-closed", load.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Saving_replaces_the_file_and_leaves_no_temp_file_behind()
    {
        HaltStateFile.Save(HaltFile, HaltState.HaltedNow("first", Now, HaltState.ByOperator));

        HaltStateFile.Save(HaltFile, HaltState.Active);

        Assert.Equal(HaltState.Active, HaltStateFile.Load(HaltFile, Now).State);
        Assert.Equal([HaltFile], Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public async Task A_reader_never_sees_a_partly_written_state()
    {
        // With a plain truncate-and-write a concurrent reader sees empty or torn JSON; with temp + rename it never does.
        var halted = HaltState.HaltedNow(new string('x', 20_000), Now, HaltState.ByOperator);
        HaltStateFile.Save(HaltFile, HaltState.Active);
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 300; i++) HaltStateFile.Save(HaltFile, i % 2 == 0 ? halted : HaltState.Active);
            stop.Cancel();
        });
        var reads = 0;
        while (!stop.IsCancellationRequested)
        {
            var load = HaltStateFile.Load(HaltFile, Now);
            Assert.Null(load.Error);
            Assert.Contains(load.State, new[] { halted, HaltState.Active });
            reads++;
        }
        await writer;
        Assert.True(reads > 0);
    }

    [Fact]
    public void Saving_creates_a_missing_directory()
    {
        var nested = Path.Combine(_dir.Path, "a", "b", "halt-state.json");

        HaltStateFile.Save(nested, HaltState.HaltedNow("x", Now, HaltState.ByOperator));

        Assert.True(HaltStateFile.Load(nested, Now).State.Halted);
    }
}
