using ActorTrader.Backtest.Forecasting;

namespace ActorTrader.Backtest.Tests.Forecasting;

public sealed class ValidationStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"validation-store-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    private static ValidationReport Report(DateTime at, ValidationTier tier) => new(at, ["AAA"], at.AddYears(-1), at, ValidationSettings.Default,
    [
        new ModelValidation("arima", "1", 5, 1, 120, 1, ["AAA fold 1: not converged"], 0.01, 0.02, 1.5, 0.011, 0.021, 0.55, 1.3, 0.1, 0.9,
            new TestSummary(-2.1, 0.02), new TestSummary(-1.9, 0.03), 0.2, null, tier, tier == ValidationTier.Green ? [] : ["not GREEN: x"]),
    ]);

    [Fact]
    public void Reports_round_trip_and_every_run_is_kept_in_the_history()
    {
        var store = new ValidationStore(_directory);
        Assert.Null(store.LoadLatest());
        var first = Report(new DateTime(2026, 11, 20, 22, 0, 0, DateTimeKind.Utc), ValidationTier.Green);
        var second = Report(new DateTime(2026, 11, 21, 22, 0, 0, DateTimeKind.Utc), ValidationTier.Yellow);

        store.Save(first);
        store.Save(second);
        store.Save(second);

        var loaded = store.LoadLatest()!;
        Assert.Equal(ValidationTier.Yellow, loaded.Results[0].Tier);
        Assert.Equal(second.Results[0] with { Failures = [], Reasons = [] }, loaded.Results[0] with { Failures = [], Reasons = [] });
        Assert.Equal(second.Results[0].Failures, loaded.Results[0].Failures);
        Assert.Equal(second.Settings.Horizons, loaded.Settings.Horizons);
        Assert.Equal(3, Directory.GetFiles(Path.Combine(_directory, "history")).Length);
        Assert.Contains("\"tier\": \"yellow\"", File.ReadAllText(store.LatestPath), StringComparison.Ordinal);
        Assert.Contains("\"jarqueBeraRejected\": null", File.ReadAllText(store.LatestPath), StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_report_is_an_error_naming_the_file_and_the_fix()
    {
        var store = new ValidationStore(_directory);
        store.Save(Report(DateTime.UtcNow, ValidationTier.Green));
        File.WriteAllText(store.LatestPath, "{ \"generatedAt\": ");

        var error = Assert.Throws<InvalidDataException>(() => store.LoadLatest());

        Assert.Contains(store.LatestPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("actortrader forecast validate", error.Message, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(_directory, "history")));
    }
}
