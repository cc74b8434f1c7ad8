using System.Threading.Channels;

namespace ActorTrader.Benchmarks.Actors;

/// <summary>
/// The raw-channel stand-in for a mailbox in every baseline: unbounded, one reader (a mailbox has one
/// consumer), continuations not inlined into the writer (a Tell never runs the receiver on the sender's thread).
/// </summary>
internal static class BaselineChannel
{
    private static readonly UnboundedChannelOptions Options = new() { SingleReader = true, SingleWriter = false, AllowSynchronousContinuations = false };

    public static Channel<object> Create() => Channel.CreateUnbounded<object>(Options);
}
