using ActorTrader.Data.Settings;
using ActorTrader.Hocon;

namespace ActorTrader.Data.Tests.Settings;

public class DataSettingsTests
{
    private const string Reference = """
        actortrader {
          node { data-dir = "state" }
          data {
            lakehouse-dir = "lakehouse"
            export-dir = "export"
            runs-dir = "runs"
            provider = "synthetic"
            synthetic { seed = 42 }
            csv { dir = "data/samples" }
            alpaca { data-url = "https://data.alpaca.markets", feed = "iex", page-limit = 10000, rate-limit-per-minute = 200, request-timeout = 30s }
            scanners { dir = "hocon/scanners" }
            ingestion {
              freshness-hours = 12
              parallelism = 8
              max-attempts = 4
              retry-backoff = 1s
              toxic-return = 5.0
              write-batch-size = 64
              max-missing-fraction = 0.02
            }
          }
        }
        """;

    private static Config Parse(string overrides = "") =>
        ConfigurationFactory.ParseString(overrides, new HoconParseOptions { SourceName = "node.conf" })
            .WithFallback(ConfigurationFactory.ParseString(Reference, new HoconParseOptions { SourceName = "reference.conf" }));

    [Fact]
    public void Lakehouse_export_and_runs_directories_are_resolved_against_the_data_directory()
    {
        var settings = DataSettings.FromConfig(Parse(), "/work");
        Assert.Equal("/work/state/lakehouse", settings.LakehouseDir);
        Assert.Equal("/work/state/export", settings.ExportDir);
        Assert.Equal("/work/state/runs", settings.RunsDir);
        Assert.Equal("/work/hocon/scanners", settings.ScannersDir);
    }

    [Fact]
    public void Ingestion_values_are_read_typed()
    {
        var ingestion = DataSettings.FromConfig(Parse("actortrader.data.ingestion { parallelism = 3, retry-backoff = 250ms, toxic-return = 2.5 }"), "/w").Ingestion;
        Assert.Equal(3, ingestion.Parallelism);
        Assert.Equal(TimeSpan.FromMilliseconds(250), ingestion.RetryBackoff);
        Assert.Equal(2.5m, ingestion.ToxicReturn);
        Assert.Equal(TimeSpan.FromSeconds(1), ingestion.WriteBatchInterval);
    }

    [Fact]
    public void An_unknown_provider_is_reported_with_its_position()
    {
        var e = Assert.Throws<DataSettingsException>(() => DataSettings.FromConfig(Parse("actortrader.data.provider = polygon"), "/w"));
        var problem = Assert.Single(e.Problems);
        Assert.StartsWith("node.conf:1:", problem.Location, StringComparison.Ordinal);
        Assert.Contains("synthetic, csv, alpaca", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_value_is_reported_not_only_the_first()
    {
        var e = Assert.Throws<DataSettingsException>(() => DataSettings.FromConfig(Parse("""
            actortrader.data.ingestion { parallelism = 0, max-missing-fraction = 1.5, toxic-return = -1 }
            """), "/w"));
        Assert.Equal(3, e.Problems.Count);
    }
}
