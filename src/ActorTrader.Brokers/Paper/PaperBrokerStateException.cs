using ActorTrader.Brokers.Abstractions;

namespace ActorTrader.Brokers.Paper;

/// <summary>
/// The paper account's state file cannot be used: not a SQLite file, not a paper account, corrupt, locked by another
/// process, or a write failed (and was rolled back). The message names the file and the fix; the file is never
/// overwritten to get past the problem. Definite: a failed write changed nothing.
/// </summary>
public sealed class PaperBrokerStateException : BrokerException
{
    public PaperBrokerStateException(string filePath, string message, Exception? inner = null)
        : base(message, isDefinite: true, statusCode: null, inner)
    {
        FilePath = filePath;
    }

    /// <summary>The state file concerned.</summary>
    public string FilePath { get; }

    /// <summary>Another process holds the file (SQLite busy or locked): a retry can succeed once it let go.</summary>
    public bool InUse { get; init; }
}
