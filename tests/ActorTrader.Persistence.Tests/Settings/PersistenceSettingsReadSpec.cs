using ActorTrader.Hocon;

namespace ActorTrader.Persistence.Tests.Settings;

/// <summary><see cref="PersistenceSettings.Read"/>: every problem as a positioned <see cref="ConfigProblem"/> with its fix.</summary>
public sealed class PersistenceSettingsReadSpec
{
    private static Config Parse(string text) => ConfigurationFactory.ParseString(text, new HoconParseOptions { SourceName = "node.conf", UseEnvironment = false });

    [Fact]
    public void A_config_without_a_persistence_section_has_no_problems()
    {
        var (settings, problems) = PersistenceSettings.Read(Parse("actortrader.node.name = n"));

        Assert.Empty(problems);
        Assert.Equal(PersistenceSettings.Default, settings);
    }

    [Fact]
    public void An_out_of_range_value_is_reported_where_it_was_written()
    {
        var (settings, problems) = PersistenceSettings.Read(Parse("actortrader.persistence {\n  recovery.max-concurrent = 0\n}"));

        var problem = Assert.Single(problems);
        Assert.Equal("actortrader.persistence.recovery.max-concurrent", problem.Key);
        Assert.Equal("node.conf", problem.Position?.Source);
        Assert.Equal(2, problem.Position?.Line);
        Assert.StartsWith("node.conf:2:", problem.ToString(), StringComparison.Ordinal);
        Assert.Contains("at least 1", problem.Fix, StringComparison.Ordinal);
        Assert.Equal(PersistenceSettings.Default.Recovery.MaxConcurrent, settings.Recovery.MaxConcurrent);
    }

    [Fact]
    public void A_wrong_type_is_reported_with_its_position_once()
    {
        var (_, problems) = PersistenceSettings.Read(Parse("actortrader.persistence.circuit-breaker.call-timeout = soon"));

        var problem = Assert.Single(problems);
        Assert.Equal("actortrader.persistence.circuit-breaker.call-timeout", problem.Key);
        Assert.Equal(1, problem.Position?.Line);
        Assert.DoesNotContain("node.conf:", problem.Message, StringComparison.Ordinal);
        Assert.Contains("\"soon\"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_journal_names_the_known_ones()
    {
        var (settings, problems) = PersistenceSettings.Read(Parse("actortrader.persistence.journal = cassandra"));

        var problem = Assert.Single(problems);
        Assert.Equal("actortrader.persistence.journal", problem.Key);
        Assert.Contains("sqlite, postgresql, memory", problem.Fix, StringComparison.Ordinal);
        Assert.Equal("sqlite", settings.Journal);
    }

    [Fact]
    public void A_postgresql_journal_without_a_connection_string_is_positioned_at_the_journal_key()
    {
        var (_, problems) = PersistenceSettings.Read(Parse("actortrader.persistence {\n  journal = postgresql\n}"));

        var problem = Assert.Single(problems);
        Assert.Equal("actortrader.persistence.postgresql.connection-string", problem.Key);
        Assert.Equal(2, problem.Position?.Line);
        Assert.Contains("actortrader.persistence.postgresql.connection-string is not set", problem.Message, StringComparison.Ordinal);
        Assert.Contains("ACTORTRADER_POSTGRES", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_connection_string_is_positioned_where_it_was_written()
    {
        var (_, problems) = PersistenceSettings.Read(Parse("actortrader.persistence {\n  journal = postgresql\n  postgresql.connection-string = \"\"\n}"));

        Assert.Equal(3, Assert.Single(problems).Position?.Line);
    }

    [Fact]
    public void A_connection_string_from_ACTORTRADER_POSTGRES_satisfies_the_postgresql_journal()
    {
        var config = ConfigurationFactory.ParseString(
            "actortrader.persistence { journal = postgresql, postgresql.connection-string = ${?ACTORTRADER_POSTGRES} }",
            new HoconParseOptions { Environment = new Dictionary<string, string> { ["ACTORTRADER_POSTGRES"] = "Host=db;Username=at;Password=pw" } });

        var (settings, problems) = PersistenceSettings.Read(config);

        Assert.Empty(problems);
        Assert.Equal("Host=db;Username=at;Password=pw", settings.Postgres.ConnectionString);
    }

    [Fact]
    public void FromConfig_throws_with_every_problem_listed()
    {
        var config = Parse("actortrader.persistence { journal = postgresql, recovery.timeout = -1s }");

        var error = Assert.Throws<PersistenceSettingsException>(() => PersistenceSettings.FromConfig(config));

        Assert.Equal(2, error.Problems.Count);
        Assert.All(error.Problems, p => Assert.Contains(p.ToString(), error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void The_connection_string_never_appears_in_the_printed_settings()
    {
        var settings = PersistenceSettings.Default with { Postgres = new PostgresSettings { ConnectionString = "Host=db;Password=TOPSECRET" } };

        Assert.DoesNotContain("TOPSECRET", settings.ToString(), StringComparison.Ordinal);
        Assert.Contains("ConnectionString = ***", settings.Postgres.ToString(), StringComparison.Ordinal);
    }
}
