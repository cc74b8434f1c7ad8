using ActorTrader.Hocon;
using ActorTrader.Hosting.Alerts;

namespace ActorTrader.Hosting.Tests.Alerts;

public sealed class AlertSettingsTests
{
    private static (AlertSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(string hocon) => AlertSettings.Read(ConfigurationFactory.ParseString(hocon));

    [Fact]
    public void An_empty_section_gives_the_defaults_without_a_webhook()
    {
        var (settings, problems) = Read("");

        Assert.Empty(problems);
        Assert.Equal(AlertSettings.Default, settings);
        Assert.Null(settings.WebhookUrl);
    }

    [Fact]
    public void Every_key_is_read()
    {
        var (settings, problems) = Read("""
            actortrader.alerts {
              dedupe-window = 1m, rate-limit-per-minute = 5, recent = 10, stale-data-after = 2h, check-interval = 10s
              webhook { url = "https://hooks.example.com/x?token=s3cret", timeout = 2s, retries = 1 }
              memory { limit = 2GiB, threshold = 0.9 }
            }
            """);

        Assert.Empty(problems);
        Assert.Equal(TimeSpan.FromMinutes(1), settings.DedupeWindow);
        Assert.Equal(5, settings.RateLimitPerMinute);
        Assert.Equal(10, settings.Recent);
        Assert.Equal(new Uri("https://hooks.example.com/x?token=s3cret"), settings.WebhookUrl);
        Assert.Equal(1, settings.WebhookRetries);
        Assert.Equal(2L * 1024 * 1024 * 1024, settings.MemoryLimitBytes);
        Assert.Equal(0.9, settings.MemoryThreshold);
        Assert.Equal(TimeSpan.FromHours(2), settings.StaleDataAfter);
    }

    [Fact]
    public void The_webhook_is_displayed_without_its_path_or_query_which_may_hold_a_secret()
    {
        var (settings, _) = Read("""actortrader.alerts.webhook.url = "https://hooks.example.com/services/s3cret?token=t0ken" """);

        Assert.Equal("https://hooks.example.com/…", settings.WebhookDisplay);
    }

    [Theory]
    [InlineData("actortrader.alerts.webhook.url = \"ftp://example.com/x\"", "actortrader.alerts.webhook.url")]
    [InlineData("actortrader.alerts.memory.threshold = 1.5", "actortrader.alerts.memory.threshold")]
    [InlineData("actortrader.alerts.rate-limit-per-minute = 0", "actortrader.alerts.rate-limit-per-minute")]
    [InlineData("actortrader.alerts.dedupe-window = 0s", "actortrader.alerts.dedupe-window")]
    [InlineData("actortrader.alerts.check-interval = soon", "actortrader.alerts.check-interval")]
    public void A_bad_value_is_reported_with_its_key_and_replaced_by_the_default(string hocon, string key)
    {
        var (settings, problems) = Read(hocon);

        var problem = Assert.Single(problems);
        Assert.Equal(key, problem.Key);
        Assert.NotNull(settings);
    }
}
