using System.Diagnostics;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Brokers.Paper;
using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Serialization;
using ActorTrader.Persistence.Sqlite;
using ActorTrader.Trading.Orders;

namespace ActorTrader.Benchmarks.Orders;

/// <summary>
/// The latency baseline: what placing an order costs without actors — serialize the <see cref="OrderSubmitted"/> event,
/// insert it durably with plain ADO.NET into a journal file of the same schema, then call
/// <see cref="PaperBroker.SubmitOrderAsync"/> directly (on a paper account of its own). Timed up to the call's entry, like
/// the measured path; the call itself then runs to its end before the next order.
/// </summary>
internal sealed class RawOrderPath : IAsyncDisposable
{
    private const string PersistenceId = "orders-raw";

    private readonly RawJournalWriter _writer;
    private readonly PaperBroker _paper;
    private readonly SubmitStamps _stamps = new();
    private readonly IBroker _broker;
    private readonly EventSerializer _serializer = BenchAccount.Serializer();
    private readonly string _writerId = Guid.NewGuid().ToString("N");
    private long _sequenceNr;

    private RawOrderPath(RawJournalWriter writer, PaperBroker paper)
    {
        _writer = writer;
        _paper = paper;
        _broker = _stamps.Stamped(paper);
    }

    public static async Task<RawOrderPath> CreateAsync(string directory)
    {
        Directory.CreateDirectory(directory);
        // The store creates the file and its table, so the baseline writes into exactly the schema the journal uses.
        await using (var stores = SqliteStoreFactory.Create(new SqliteStoreOptions(BenchAccount.JournalFile(directory))))
        {
            await stores.StartAsync();
        }
        var writer = new RawJournalWriter(BenchAccount.JournalFile(directory));
        try
        {
            return new RawOrderPath(writer, BenchAccount.OpenPaper(directory));
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    /// <summary>One order; returns the milliseconds from the start to the entry of the broker call.</summary>
    public async Task<double> PlaceAsync(string rebalanceId)
    {
        var intent = BenchAccount.Intent(rebalanceId);
        var expected = _stamps.Expect(intent.ClientOrderId);
        var started = Stopwatch.GetTimestamp();
        var now = DateTimeOffset.UtcNow;
        var payload = _serializer.Serialize(OrderSubmitted.From(intent, now), PersistenceId, ++_sequenceNr);
        _writer.Insert(new PersistentRepr(PersistenceId, _sequenceNr, payload.Manifest, payload.Bytes, now, [], _writerId));
        var call = _broker.SubmitOrderAsync(intent.ToRequest());
        var entered = await expected.EnteredAt.Task;
        await call;
        return Stopwatch.GetElapsedTime(started, entered).TotalMilliseconds;
    }

    public async ValueTask DisposeAsync()
    {
        _writer.Dispose();
        await _paper.DisposeAsync();
    }
}
