namespace ActorTrader.Actors.Dispatch;

/// <summary>The default dispatcher: mailboxes run as work items on the .NET thread pool.</summary>
public sealed class ThreadPoolDispatcher : MessageDispatcher
{
    public ThreadPoolDispatcher(string id, int throughput) : base(id, throughput) { }

    internal override void Execute(Mailbox mailbox) => ThreadPool.UnsafeQueueUserWorkItem(mailbox, preferLocal: true);
}
