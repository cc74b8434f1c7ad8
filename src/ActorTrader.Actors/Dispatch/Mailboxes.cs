using System.Collections.Concurrent;

namespace ActorTrader.Actors.Dispatch;

/// <summary>The system's registry of mailbox types by id, used by <see cref="Props.WithMailbox(string)"/>.</summary>
public sealed class Mailboxes
{
    public const string DefaultMailboxId = "akka.actor.default-mailbox";

    private readonly ConcurrentDictionary<string, MailboxType> _types = new(StringComparer.Ordinal);

    internal Mailboxes()
    {
        _types[DefaultMailboxId] = new UnboundedMailbox();
        _types["unbounded-mailbox"] = new UnboundedMailbox();
    }

    /// <summary>Registers (or replaces) a mailbox type under an id.</summary>
    public void Register(string id, MailboxType mailboxType)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(mailboxType);
        _types[id] = mailboxType;
    }

    public MailboxType Lookup(string id) =>
        _types.TryGetValue(id, out var type)
            ? type
            : throw new ArgumentException(
                $"No mailbox is registered under \"{id}\". Registered: {string.Join(", ", _types.Keys.Order(StringComparer.Ordinal))}. " +
                "Fix: call system.Mailboxes.Register(id, mailboxType) before creating the actor.", nameof(id));
}
