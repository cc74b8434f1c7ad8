using ActorTrader.Hocon;

namespace ActorTrader.Persistence.Tests.Settings;

public sealed class PersistenceSettingsSpec
{
    [Fact]
    public void Settings_are_read_from_actortrader_persistence()
    {
        var config = ConfigurationFactory.ParseString("""
            actortrader.persistence {
              journal = memory
              recovery { max-concurrent = 7, replay-batch-size = 250, timeout = 90s }
              circuit-breaker { max-failures = 3, call-timeout = 2s, reset-timeout = 1m }
              at-least-once-delivery { redeliver-interval = 500ms, redelivery-burst-limit = 10, warn-after-number-of-unconfirmed-attempts = 2, max-unconfirmed-messages = 99 }
              sqlite { path = "x.db", busy-timeout = 1s, max-batch-size = 5 }
              query.gap-timeout = 3s
            }
            """);

        var settings = PersistenceSettings.FromConfig(config);

        Assert.Equal("memory", settings.Journal);
        Assert.Equal(new RecoverySettings { MaxConcurrent = 7, ReplayBatchSize = 250, Timeout = TimeSpan.FromSeconds(90) }, settings.Recovery);
        Assert.Equal(new CircuitBreakerSettings { MaxFailures = 3, CallTimeout = TimeSpan.FromSeconds(2), ResetTimeout = TimeSpan.FromMinutes(1) }, settings.CircuitBreaker);
        Assert.Equal(new AtLeastOnceDeliverySettings { RedeliverInterval = TimeSpan.FromMilliseconds(500), RedeliveryBurstLimit = 10, WarnAfterNumberOfUnconfirmedAttempts = 2, MaxUnconfirmedMessages = 99 },
            settings.AtLeastOnceDelivery);
        Assert.Equal(new SqliteSettings { Path = "x.db", BusyTimeout = TimeSpan.FromSeconds(1), MaxBatchSize = 5 }, settings.Sqlite);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.QueryGapTimeout);
    }

    [Fact]
    public void Missing_keys_take_the_reference_defaults()
    {
        var settings = PersistenceSettings.FromConfig(ConfigurationFactory.ParseString("actortrader.node.role = trader"));

        Assert.Equal(PersistenceSettings.Default, settings);
        Assert.Equal("sqlite", settings.Journal);
        Assert.Equal(50, settings.Recovery.MaxConcurrent);
    }

    [Fact]
    public void Bad_values_are_reported_together_each_with_its_key_and_fix()
    {
        var config = ConfigurationFactory.ParseString("""
            actortrader.persistence { journal = cassandra, recovery.max-concurrent = 0, circuit-breaker.call-timeout = -1s }
            """);

        var error = Assert.Throws<PersistenceSettingsException>(() => PersistenceSettings.FromConfig(config));

        Assert.Contains("actortrader.persistence.journal = \"cassandra\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("actortrader.persistence.recovery.max-concurrent = 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("actortrader.persistence.circuit-breaker.call-timeout", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_postgresql_journal_requires_a_connection_string()
    {
        var config = ConfigurationFactory.ParseString("actortrader.persistence.journal = postgresql");

        var error = Assert.Throws<PersistenceSettingsException>(() => PersistenceSettings.FromConfig(config));

        Assert.Contains("ACTORTRADER_POSTGRES", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unregistered_backend_is_named_with_the_available_ones()
    {
        var backends = new PersistenceBackends();

        var error = Assert.Throws<PersistenceSettingsException>(() => backends.Create(PersistenceSettings.Default with { Journal = "postgresql" }, "/tmp"));

        Assert.Contains("available: memory", error.Message, StringComparison.Ordinal);
    }
}
