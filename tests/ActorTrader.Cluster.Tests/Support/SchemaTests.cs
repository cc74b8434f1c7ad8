namespace ActorTrader.Cluster.Tests.Support;

public sealed class SchemaTests(ClusterDatabaseFixture fixture) : IClassFixture<ClusterDatabaseFixture>
{
    [Fact]
    public async Task Creating_the_cluster_tables_twice_is_harmless()
    {
        await using var database = fixture.NewDatabase();
        await database.EnsureSchemaAsync();
        var tables = await fixture.ScalarAsync(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE 'cluster_%'");
        Assert.Equal(6L, tables);
    }

    [Fact]
    public async Task The_cluster_tables_need_the_journal_first_and_say_so()
    {
        var schema = $"nojournal_{Guid.NewGuid():N}"[..25];
        await fixture.ScalarAsync($"CREATE SCHEMA \"{schema}\"");
        await using var database = new ClusterDatabase(fixture.ConnectionString, schema);
        var error = await Assert.ThrowsAsync<ActorTrader.Persistence.Journal.PersistenceStoreException>(() => database.EnsureSchemaAsync());
        Assert.Contains("has no journal table", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", error.Message, StringComparison.Ordinal);
        await fixture.ScalarAsync($"DROP SCHEMA \"{schema}\" CASCADE");
    }

    [Fact]
    public void The_deploy_init_script_holds_the_same_cluster_schema()
    {
        var init = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "init.sql"));
        Assert.Contains(ClusterDatabase.SchemaSql("\"public\"").Trim(), init, StringComparison.Ordinal);
    }
}
