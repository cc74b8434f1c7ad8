using ActorTrader.Actors;
using ActorTrader.Trading.Sleeves;

namespace ActorTrader.Trading.Tests.Meta;

/// <summary>What a fake sleeve does with <see cref="RunSleeve"/>.</summary>
internal abstract record FakeBehaviour
{
    /// <summary>Answers with the outcome built for the command.</summary>
    public sealed record Answer(Func<RunSleeve, SleeveOutcome> Outcome) : FakeBehaviour;

    /// <summary>Throws from the message handler.</summary>
    public sealed record Throw(string Message) : FakeBehaviour;

    /// <summary>Never answers.</summary>
    public sealed record Silent : FakeBehaviour;

    /// <summary>Stops itself without answering.</summary>
    public sealed record Stop : FakeBehaviour;
}

/// <summary>Told to the observer when a fake sleeve receives its command, before it acts.</summary>
internal sealed record SleeveAsked(string Sleeve, RunSleeve Command);

/// <summary>A stand-in for the real sleeve actor: reports the command to an observer, then behaves as scripted.</summary>
internal sealed class FakeSleeve : ReceiveActor
{
    public FakeSleeve(string name, FakeBehaviour behaviour, IActorRef observer)
    {
        Receive<RunSleeve>(command =>
        {
            observer.Tell(new SleeveAsked(name, command), Self);
            switch (behaviour)
            {
                case FakeBehaviour.Answer answer:
                    Sender.Tell(answer.Outcome(command), Self);
                    break;
                case FakeBehaviour.Throw thrown:
                    throw new InvalidOperationException(thrown.Message);
                case FakeBehaviour.Stop:
                    Context.Stop(Self);
                    break;
            }
        });
    }
}
