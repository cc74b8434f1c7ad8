using ActorTrader.Persistence;

namespace ActorTrader.Node.Hosting;

/// <summary>The node's journal settings and the directory its SQLite files and paper account resolve against (the replay directory in a replay, else node.data-dir).</summary>
internal sealed record NodeJournal(PersistenceSettings Persistence, string StateDirectory);
