namespace ActorTrader.Domain.Accounting;

/// <summary>
/// Everything a <see cref="Ledger"/> holds, as an immutable value: enough to rebuild it (<see cref="Ledger.FromSnapshot"/>)
/// and to persist it as a snapshot. Positions are sorted by symbol so equal ledgers give equal snapshots.
/// </summary>
public sealed record LedgerSnapshot(
    AccountKind Account,
    decimal Cash,
    decimal RealisedPnl,
    decimal Fees,
    int FillCount,
    IReadOnlyList<Position> Positions)
{
    /// <summary>Value equality including the positions (a record compares lists by reference otherwise).</summary>
    public bool Equals(LedgerSnapshot? other) =>
        other is not null && Account == other.Account && Cash == other.Cash && RealisedPnl == other.RealisedPnl &&
        Fees == other.Fees && FillCount == other.FillCount && Positions.SequenceEqual(other.Positions);

    public override int GetHashCode() => HashCode.Combine(Account, Cash, RealisedPnl, Fees, FillCount, Positions.Count);
}
