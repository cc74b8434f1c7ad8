using System.Text;
using ActorTrader.Actors;
using ActorTrader.Persistence;
using ActorTrader.Persistence.CrashProbe;
using ActorTrader.Persistence.Postgres;
using ActorTrader.Persistence.Sql;
using ActorTrader.Persistence.Sqlite;
using Microsoft.Win32.SafeHandles;

// Runs until killed: the crash tests SIGKILL it and start it again on the same database.
ProbeArguments arguments;
try
{
    arguments = ProbeArguments.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

await using PersistenceStores stores = arguments.Backend == ProbeBackend.Sqlite
    ? SqliteStoreFactory.Create(new SqliteStoreOptions(arguments.Target))
    : PostgresStoreFactory.Create(new PostgresStoreOptions(arguments.Target) { Schema = arguments.Schema });
var system = ActorSystem.Create("crash-probe", new ActorSystemSetup { RunCoordinatedShutdownOnSignals = false });
await Persistence.StartAsync(system, new PersistenceSetup(stores.Journal, stores.SnapshotStore, stores.Query, ProbeSerialization.CreateSerializer()));

// stdout as a plain file stream: Console's own stream ignores a broken pipe, which would leave a probe whose reader is gone running forever.
await using var stdout = new StreamWriter(new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0), new UTF8Encoding(false));
var output = new ProbeOutput(stdout, Console.Error, e =>
{
    Console.Error.WriteLine($"stdout is closed ({e.Message}); nobody reads the acknowledgements any more, so the probe exits.");
    Environment.Exit(3);
});
var actors = Enumerable.Range(0, arguments.Actors)
    .Select(i => system.ActorOf(Props.Create(() => new ProbeActor(ProbeArguments.PersistenceIdOf(i), arguments.Mode, output)), $"probe-{i}"))
    .ToArray();
var failed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
system.ActorOf(Props.Create(() => new ProbeGuard(actors, failed)), "guard");

output.Fail(await failed.Task);
await system.Terminate();
return 1;
