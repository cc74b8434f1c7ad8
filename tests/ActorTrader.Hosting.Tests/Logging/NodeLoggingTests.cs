using System.Text.Json;
using ActorTrader.Hosting.Configuration;
using ActorTrader.Hosting.Logging;
using ActorTrader.Hosting.Settings;
using Serilog.Context;

namespace ActorTrader.Hosting.Tests.Logging;

public sealed class NodeLoggingTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private NodeSettings Settings(bool console = false) => NodeSettings.FromConfig(ConfigLoader.Load(Sources.For(_dir, _dir.WriteConfig($$"""
        actortrader {
          node { name = "log-node", roles = [trader, research], data-dir = "{{_dir.File("data")}}" }
          logging.console = {{(console ? "on" : "off")}}
        }
        """))));

    [Fact]
    public void Errors_reach_the_errors_file_with_actor_path_and_correlation_id_and_infos_do_not()
    {
        var settings = Settings();
        using (var logger = NodeLogging.CreateLogger(settings))
        {
            logger.Information("just information");
            using (LogContext.PushProperty(LogProperties.CorrelationId, "corr-1"))
                logger.ForContext(LogProperties.ActorPath, "akka://n/user/control").Error(new InvalidOperationException("boom"), "Order {OrderId} failed", 42);
        }

        var entry = Assert.Single(ErrorLog.Read(settings.Logging.ErrorsFile));
        Assert.Equal("Error", entry.Level);
        Assert.Equal("Order 42 failed", entry.Message);
        Assert.Equal("akka://n/user/control", entry.ActorPath);
        Assert.Equal("corr-1", entry.CorrelationId);
        Assert.Contains("boom", entry.Exception, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_json_log_event_carries_the_node_and_its_roles()
    {
        var settings = Settings();
        using (var logger = NodeLogging.CreateLogger(settings))
        {
            logger.Information("hello");
        }

        var file = Assert.Single(Directory.GetFiles(settings.Logging.Directory));
        Assert.Matches(@"node-\d{8}\.json$", file);
        using var json = JsonDocument.Parse(File.ReadLines(file).First());
        var properties = json.RootElement.GetProperty("Properties");
        Assert.Equal("log-node", properties.GetProperty("Node").GetString());
        Assert.Equal(["trader", "research"], properties.GetProperty("Roles").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("hello", json.RootElement.GetProperty("RenderedMessage").GetString());
    }

    [Fact]
    public void The_console_only_actor_path_suffix_stays_out_of_the_json_files()
    {
        var settings = Settings(console: true);
        using (var logger = NodeLogging.CreateLogger(settings))
        {
            logger.ForContext(LogProperties.ActorPath, "akka://n/user/control").Information("from an actor");
        }

        var file = Assert.Single(Directory.GetFiles(settings.Logging.Directory));
        using var json = JsonDocument.Parse(File.ReadLines(file).First());
        var properties = json.RootElement.GetProperty("Properties");
        Assert.Equal("akka://n/user/control", properties.GetProperty(LogProperties.ActorPath).GetString());
        Assert.False(properties.TryGetProperty("ActorPathSuffix", out _));
    }

    [Fact]
    public void The_errors_list_keeps_the_newest_entries()
    {
        var settings = Settings();
        using (var logger = NodeLogging.CreateLogger(settings))
        {
            for (var i = 0; i < 5; i++) logger.Error("error {Number}", i);
        }

        Assert.Equal(["error 3", "error 4"], ErrorLog.Read(settings.Logging.ErrorsFile, limit: 2).Select(e => e.Message));
    }

    [Fact]
    public void A_torn_line_in_the_errors_file_is_listed_not_dropped()
    {
        var path = _dir.File("errors.jsonl");
        File.WriteAllText(path, "{\"Timestamp\":\"2025-01-01T00:00:00Z\",\"Level\":\"Error\",\"RenderedMessage\":\"ok\"}\n{\"Timest");

        var entries = ErrorLog.Read(path);

        Assert.Equal(2, entries.Count);
        Assert.Equal("Unreadable", entries[1].Level);
        Assert.Contains($"{path}:2", entries[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_errors_file_yet_means_no_errors() => Assert.Empty(ErrorLog.Read(_dir.File("none.jsonl")));

    [Fact]
    public void Daily_log_files_beyond_logging_retained_files_are_deleted_when_the_node_logs()
    {
        var settings = NodeSettings.FromConfig(ConfigLoader.Load(Sources.For(_dir, _dir.WriteConfig($$"""
            actortrader {
              node { name = "log-node", data-dir = "{{_dir.File("data")}}" }
              logging { console = off, retained-files = 3 }
            }
            """))));
        Directory.CreateDirectory(settings.Logging.Directory);
        // Five older days, as the daily roll leaves them (node-yyyyMMdd.json).
        var old = Enumerable.Range(1, 5).Select(d => Path.Combine(settings.Logging.Directory, $"node-202401{d:00}.json")).ToList();
        foreach (var file in old) File.WriteAllText(file, "{}\n");

        using (var logger = NodeLogging.CreateLogger(settings)) logger.Information("today");

        var kept = Directory.GetFiles(settings.Logging.Directory, "node-*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, settings.Logging.RetainedFiles);
        Assert.Equal(3, kept.Count);
        Assert.Equal(["node-20240104.json", "node-20240105.json"], kept.Take(2));
    }
}
