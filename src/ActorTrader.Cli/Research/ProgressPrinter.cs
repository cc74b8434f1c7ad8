using ActorTrader.Actors;
using ActorTrader.Research.Actors.Population;

namespace ActorTrader.Cli.Research;

/// <summary>
/// Hands every population's progress to a callback (subscribed to the event stream by <c>research start</c>);
/// <see cref="Flush"/> is answered once every progress delivered before it has been handed over.
/// </summary>
internal sealed class ProgressPrinter : ReceiveActor
{
    public ProgressPrinter(Action<PopulationProgress> print)
    {
        ArgumentNullException.ThrowIfNull(print);
        Receive<PopulationProgress>(print);
        Receive<Flush>(_ => Sender.Tell(Done.Instance, Self));
    }

    public static Props CreateProps(Action<PopulationProgress> print) => Props.Create(() => new ProgressPrinter(print));

    /// <summary>Asks for <see cref="Done"/> after the progress already in the mailbox.</summary>
    public sealed record Flush
    {
        public static Flush Instance { get; } = new();
    }
}
