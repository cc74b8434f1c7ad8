using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Orders;
using ActorTrader.Persistence.Serialization;
using ActorTrader.Trading.Ledger;

namespace ActorTrader.Trading.Tests.Ledger;

/// <summary>The ledger's journaled shapes: stable manifests, exact decimals, enums by name.</summary>
public sealed class LedgerEventsTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 5, 21, 0, 0, TimeSpan.Zero);
    private readonly EventSerializer _serializer = LedgerEvents.Register(new EventSerializer());

    private T RoundTrip<T>(T value) where T : notnull
    {
        var payload = _serializer.Serialize(value, "ledger-test", 1);
        return (T)_serializer.Deserialize(payload.Manifest, payload.Bytes, "ledger-test", 1);
    }

    [Fact]
    public void Every_event_is_registered_under_its_stable_manifest()
    {
        Assert.Equal("ledger-opened", _serializer.ManifestOf(typeof(LedgerOpened)));
        Assert.Equal("ledger-fill-booked", _serializer.ManifestOf(typeof(LedgerFillBooked)));
        Assert.Equal("ledger-portfolio-daily-recorded", _serializer.ManifestOf(typeof(PortfolioDailyRecorded)));
        Assert.Equal("ledger-position-adopted", _serializer.ManifestOf(typeof(PositionAdopted)));
        Assert.Equal("ledger-cash-adopted", _serializer.ManifestOf(typeof(CashAdopted)));
        Assert.Equal("ledger-snapshot", _serializer.ManifestOf(typeof(LedgerActorSnapshot)));
    }

    [Fact]
    public void A_booked_fill_round_trips_with_exact_decimals_and_its_side_by_name()
    {
        var booked = new LedgerFillBooked("exec-1", "co-1", "NASDAQ:AAPL", OrderSide.Sell, 0.123456789m, 187.0001m, 0.0035m, At, At.AddSeconds(1));

        var payload = _serializer.Serialize(booked, "ledger-test", 1);

        Assert.Equal(booked, RoundTrip(booked));
        Assert.Contains("\"Side\":\"Sell\"", System.Text.Encoding.UTF8.GetString(payload.Bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void The_opening_round_trips_with_its_kind_by_name()
    {
        var opened = new LedgerOpened("paper", AccountKind.Margin, 100_000.25m, At);

        Assert.Equal(opened, RoundTrip(opened));
    }

    [Fact]
    public void A_snapshot_round_trips_positions_execution_ids_and_daily_rows()
    {
        var daily = new PortfolioDailyRecorded(new DateOnly(2026, 1, 5), 10_039m, 8_999m, 39m, 0m, 40m, 1m, 1_040m, 1_040m, 1, 0, At);
        var snapshot = new LedgerActorSnapshot("paper", AccountKind.Cash, 10_000m, 8_999m, 0m, 1m, 1,
            [new LedgerSnapshotPosition("NASDAQ:AAPL", 10m, 100m)], ["e1"], [daily]);

        var read = RoundTrip(snapshot);

        Assert.Equal(snapshot with { Positions = read.Positions, ExecutionIds = read.ExecutionIds, Daily = read.Daily }, read);
        Assert.Equal(snapshot.Positions, read.Positions);
        Assert.Equal(snapshot.ExecutionIds, read.ExecutionIds);
        Assert.Equal(snapshot.Daily, read.Daily);
    }
}
