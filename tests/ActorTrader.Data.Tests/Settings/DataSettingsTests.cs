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
            csv { dir = "data/samples", default-exchange = "NYSE" }
            alpaca {
              data-url = "https://data.alpaca.markets", feed = "iex", page-limit = 10000, rate-limit-per-minute = 200, request-timeout = 30s
              max-retries = 4, retry-base-delay = 1s, max-retry-delay = 60s
            }
            scanners { dir = "hocon/scanners" }
            ingestion {
              freshness-hours = 12
              parallelism = 8
              max-attempts = 4
              retry-backoff = 1s
              toxic-return = 5.0
              write-batch-size = 64
              write-batch-interval = 1s
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

    [Fact]
    public void Alpaca_retries_are_read_typed()
    {
        var alpaca = DataSettings.FromConfig(Parse("actortrader.data.alpaca { max-retries = 0, retry-base-delay = 250ms, max-retry-delay = 5s }"), "/w").Alpaca;

        Assert.Equal(0, alpaca.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(250), alpaca.RetryBaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(5), alpaca.MaxRetryDelay);
    }

    [Fact]
    public void A_max_retry_delay_shorter_than_the_base_delay_is_reported_at_the_max()
    {
        var (_, problems) = DataSettings.Read(Parse("actortrader.data.alpaca {\n  retry-base-delay = 10s\n  max-retry-delay = 2s\n}"), "/w");

        var problem = Assert.Single(problems);
        Assert.Equal("actortrader.data.alpaca.max-retry-delay", problem.Key);
        Assert.Equal(3, problem.Position?.Line);
        Assert.Contains("at least actortrader.data.alpaca.retry-base-delay", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_retry_count_is_reported()
    {
        var (settings, problems) = DataSettings.Read(Parse("actortrader.data.alpaca.max-retries = -1"), "/w");

        Assert.Equal("actortrader.data.alpaca.max-retries", Assert.Single(problems).Key);
        Assert.Equal(4, settings.Alpaca.MaxRetries);
    }

    [Fact]
    public void The_csv_default_exchange_is_read_in_upper_case()
    {
        Assert.Equal("NASDAQ", DataSettings.FromConfig(Parse("actortrader.data.csv.default-exchange = nasdaq"), "/w").CsvDefaultExchange);
    }

    [Fact]
    public void A_csv_default_exchange_outside_the_US_is_reported_with_the_allowed_ones()
    {
        var (settings, problems) = DataSettings.Read(Parse("actortrader.data.csv.default-exchange = LSE"), "/w");

        var problem = Assert.Single(problems);
        Assert.Equal("actortrader.data.csv.default-exchange", problem.Key);
        Assert.StartsWith("node.conf:1:", problem.Location, StringComparison.Ordinal);
        Assert.Contains("NASDAQ", problem.Fix, StringComparison.Ordinal);
        Assert.Equal("NYSE", settings.CsvDefaultExchange);
    }

    [Fact]
    public void A_zero_parallelism_is_reported_where_it_was_written()
    {
        var (_, problems) = DataSettings.Read(Parse("\nactortrader.data.ingestion.parallelism = 0"), "/w");

        var problem = Assert.Single(problems);
        Assert.Equal("actortrader.data.ingestion.parallelism", problem.Key);
        Assert.Equal("node.conf", problem.Position?.Source);
        Assert.Equal(2, problem.Position?.Line);
        Assert.StartsWith("node.conf:2:", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_is_reported_without_a_position_but_with_its_key()
    {
        var config = ConfigurationFactory.ParseString(Reference.Replace("parallelism = 8", "", StringComparison.Ordinal));

        var (_, problems) = DataSettings.Read(config, "/w");

        var problem = Assert.Single(problems);
        Assert.Null(problem.Position);
        Assert.Equal("actortrader.data.ingestion.parallelism", problem.Location);
        Assert.Contains("is missing", problem.Message, StringComparison.Ordinal);
    }
}
