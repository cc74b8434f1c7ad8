using ActorTrader.Actors.Dispatch;

namespace ActorTrader.Actors;

/// <summary>Equality, ordering and formatting shared by all references: same path and same uid.</summary>
internal abstract class ActorRefBase : IInternalActorRef
{
    public abstract ActorPath Path { get; }

    public abstract IInternalActorRef? Parent { get; }

    public abstract bool IsTerminated { get; }

    public abstract void Tell(object message, IActorRef? sender);

    public abstract void SendSystemMessage(SystemMessage message);

    public abstract void Stop();

    public bool Equals(IActorRef? other) =>
        other is not null && Path.Uid == other.Path.Uid && Path.Equals(other.Path);

    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Path.Uid, Path.Name);

    public int CompareTo(IActorRef? other)
    {
        if (other is null) return 1;
        var byPath = Path.CompareTo(other.Path);
        return byPath != 0 ? byPath : Path.Uid.CompareTo(other.Path.Uid);
    }

    public override string ToString() => Path.Uid == 0 ? $"[{Path}]" : $"[{Path}#{Path.Uid}]";
}

/// <summary>A reference with no cell behind it: it handles what it is told itself.</summary>
internal abstract class MinimalActorRef : ActorRefBase
{
    public override IInternalActorRef? Parent => null;

    public override bool IsTerminated => false;

    public override void Tell(object message, IActorRef? sender) { }

    public override void SendSystemMessage(SystemMessage message) { }

    public override void Stop() { }
}
