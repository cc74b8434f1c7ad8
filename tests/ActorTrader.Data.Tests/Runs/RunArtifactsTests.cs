using ActorTrader.Data.Runs;
using ActorTrader.Data.Tests.Lakehouse.Support;

namespace ActorTrader.Data.Tests.Runs;

public sealed class RunArtifactsTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 20, 30, 0, TimeSpan.Zero);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private RunArtifacts Runs => new(Path.Combine(_directory.Path, "runs"));

    [Fact]
    public void Creating_a_run_makes_its_directory_and_points_latest_at_it()
    {
        var run = RunId.Create(Start, "aaaaaa");

        var directory = Runs.Create(run);

        Assert.True(Directory.Exists(directory));
        Assert.Equal(run, Runs.Latest());
        var latest = new FileInfo(Path.Combine(Runs.Root, "latest"));
        Assert.Equal(run.Value, latest.LinkTarget);
        Assert.True(Directory.Exists(Path.Combine(Runs.Root, "latest")));
    }

    [Fact]
    public void Latest_moves_to_each_newer_run()
    {
        var runs = Runs;
        runs.Create(RunId.Create(Start, "aaaaaa"));
        var newer = RunId.Create(Start.AddMinutes(5), "bbbbbb");

        runs.Create(newer);

        Assert.Equal(newer, runs.Latest());
        File.WriteAllText(Path.Combine(runs.LatestDirectory()!, "report.txt"), "written through latest");
        Assert.True(File.Exists(Path.Combine(runs.DirectoryOf(newer), "report.txt")));
    }

    [Fact]
    public void Creating_an_older_run_leaves_latest_on_the_newest()
    {
        var runs = Runs;
        var newest = RunId.Create(Start.AddHours(1), "cccccc");
        runs.Create(newest);

        runs.Create(RunId.Create(Start, "dddddd"));

        Assert.Equal(newest, runs.Latest());
    }

    [Fact]
    public void A_latest_text_file_is_understood_where_links_were_unavailable()
    {
        var runs = Runs;
        var run = RunId.Create(Start, "eeeeee");
        Directory.CreateDirectory(runs.DirectoryOf(run));
        File.WriteAllText(Path.Combine(runs.Root, "latest"), run.Value + "\n");

        Assert.Equal(run, runs.Latest());
    }

    [Fact]
    public void No_latest_before_the_first_run()
    {
        Assert.Null(Runs.Latest());
    }

    [Fact]
    public void Updating_latest_leaves_no_temporary_entries()
    {
        var runs = Runs;
        for (var i = 0; i < 5; i++) runs.Create(RunId.Create(Start.AddMinutes(i), "abcdef"));

        Assert.Equal(6, Directory.GetFileSystemEntries(runs.Root).Length);
    }
}
