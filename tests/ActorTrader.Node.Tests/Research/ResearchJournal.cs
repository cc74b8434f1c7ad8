using System.Text.Json;
using ActorTrader.Node.Hosting;
using ActorTrader.Persistence.Serialization;
using ActorTrader.Persistence.Sqlite;
using ActorTrader.Research.Actors;
using ActorTrader.Research.Actors.Population;

namespace ActorTrader.Node.Tests.Research;

/// <summary>
/// What a research node left in its SQLite journal once the process is gone: the runs the supervisor journaled and, for
/// the first, the outcome of every generation its population journaled, in sequence order.
/// </summary>
internal sealed record ResearchJournal(IReadOnlyList<ResearchRunStarted> Runs, IReadOnlyList<GenerationOutcome> Outcomes)
{
    public static async Task<ResearchJournal> ReadAsync(string journalFile, string strategy)
    {
        var serializer = NodePersistence.CreateSerializer();
        await using var journal = new SqliteJournal(new SqliteStoreOptions(journalFile));
        await journal.StartAsync();
        var runs = (await ReadEventsAsync(journal, serializer, ResearchSupervisor.SupervisorPersistenceId)).OfType<ResearchRunStarted>().ToList();
        var outcomes = runs.Count == 0
            ? []
            : (await ReadEventsAsync(journal, serializer, PopulationActor.PersistenceIdOf(strategy, runs[0].RunId))).OfType<GenerationCompleted>().Select(c => c.Outcome).ToList();
        return new ResearchJournal(runs, outcomes);
    }

    /// <summary>Each outcome as JSON: doubles are written shortest round-trip, so equal text is equal bits.</summary>
    public IReadOnlyList<string> OutcomesJson() => [.. Outcomes.Select(o => JsonSerializer.Serialize(o))];

    private static async Task<List<object>> ReadEventsAsync(SqliteJournal journal, EventSerializer serializer, string persistenceId)
    {
        var events = new List<object>();
        await foreach (var row in journal.ReplayAsync(persistenceId, 1, long.MaxValue, long.MaxValue))
            events.Add(serializer.Deserialize(row.Manifest, row.Payload, row.PersistenceId, row.SequenceNr));
        return events;
    }
}
