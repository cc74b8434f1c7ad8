using ActorTrader.Actors;
using ActorTrader.Trading.Ledger;

namespace ActorTrader.Trading.Host.Replay;

/// <summary>Reads a ledger's journal (persistence id <c>ledger-&lt;account&gt;</c>): its opening cash and every booked execution, in order.</summary>
public static class LedgerJournal
{
    public static async Task<(decimal? InitialCash, IReadOnlyList<LedgerFillBooked> Fills)> ReadAsync(ActorSystem system, string accountId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(system);
        var journal = Persistence.Persistence.Get(system).ReadJournal;
        decimal? opening = null;
        var fills = new List<LedgerFillBooked>();
        await foreach (var envelope in journal.CurrentEventsByPersistenceId(LedgerActor.PersistenceIdOf(accountId), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            switch (envelope.Event)
            {
                case LedgerOpened opened:
                    opening ??= opened.InitialCash;
                    break;
                case LedgerFillBooked fill:
                    fills.Add(fill);
                    break;
            }
        }
        return (opening, fills);
    }
}
