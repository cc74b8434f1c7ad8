using System.Globalization;
using ActorTrader.Domain.Accounting;
using ActorTrader.Hocon;

namespace ActorTrader.Trading.Ledger;

/// <summary>
/// The ledger's settings (<c>actortrader.trading.ledger</c>). <see cref="InitialCash"/> and <see cref="Kind"/> open a
/// ledger on its first start only (journaled as <see cref="LedgerOpened"/>); later changes to them have no effect on
/// an existing journal, which stays the truth.
/// </summary>
/// <param name="InitialCash">Cash of a new ledger, zero or more.</param>
/// <param name="Kind">Cash (no shorts, no borrowing) or margin.</param>
/// <param name="SnapshotEvery">A snapshot is saved after this many journaled events, so recovery replays at most that many.</param>
/// <param name="CashTolerance">Reconciliation adopts the broker's cash only when it differs by more than this (rounding of fees and prices).</param>
/// <remarks>
/// The kind defaults to margin, like the embedded paper broker's account; either way reconciliation adopts the broker
/// account's kind (journaled as <see cref="AccountKindAdopted"/>), so the ledger applies the broker's rules.
/// </remarks>
public sealed record LedgerSettings(decimal InitialCash, AccountKind Kind, int SnapshotEvery, decimal CashTolerance)
{
    public const string Section = "actortrader.trading.ledger";

    /// <summary>The defaults, equal to hocon/reference.conf.</summary>
    public static LedgerSettings Default { get; } = new(100_000m, AccountKind.Margin, 1000, 0.01m);

    /// <summary>
    /// The account's commission schedule, booked on fills whose commission the broker did not report (none by default: the
    /// node sets the paper broker's). Not a key of its own: it is the broker's schedule.
    /// </summary>
    public CommissionModel Commission { get; init; } = CommissionModel.None;

    /// <summary>Reads the settings; missing keys take the defaults, bad values are reported (positioned, with the fix) and replaced by their defaults.</summary>
    public static (LedgerSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var log = new ConfigProblemLog(config);
        var d = Default;
        var cash = log.ReadOptional($"{Section}.initial-cash", config.GetDecimal, d.InitialCash, "an amount of money such as 100000");
        var kindText = log.ReadOptional($"{Section}.account-kind", config.GetString, d.Kind == AccountKind.Cash ? "cash" : "margin", "cash or margin");
        var every = log.ReadOptional($"{Section}.snapshot-every", config.GetInt, d.SnapshotEvery, "a whole number of events");
        var tolerance = log.ReadOptional($"{Section}.cash-tolerance", config.GetDecimal, d.CashTolerance, "an amount of money such as 0.01");
        if (cash < 0)
        {
            log.Report($"{Section}.initial-cash", $"{Section}.initial-cash = {Text(cash)} is negative.", "Set it to zero or more, e.g. 100000.");
            cash = d.InitialCash;
        }
        if (!TryParseKind(kindText, out var kind))
        {
            log.Report($"{Section}.account-kind", $"{Section}.account-kind = \"{kindText}\" is not an account kind.", "Set it to cash or margin.");
            kind = d.Kind;
        }
        if (every < 1)
        {
            log.Report($"{Section}.snapshot-every", $"{Section}.snapshot-every = {every} must be at least 1.", "Set it to e.g. 1000.");
            every = d.SnapshotEvery;
        }
        if (tolerance < 0)
        {
            log.Report($"{Section}.cash-tolerance", $"{Section}.cash-tolerance = {Text(tolerance)} is negative.", "Set it to zero or more, e.g. 0.01.");
            tolerance = d.CashTolerance;
        }
        return (new LedgerSettings(cash, kind, every, tolerance), log.Problems);
    }

    private static bool TryParseKind(string text, out AccountKind kind)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "cash":
                kind = AccountKind.Cash;
                return true;
            case "margin":
                kind = AccountKind.Margin;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
