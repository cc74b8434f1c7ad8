using ActorTrader.Actors;

namespace ActorTrader.Actors.Tests.Behaviour;

/// <summary>ReceiveActor dispatch: handlers in declaration order, predicates, deciding handlers, ReceiveAny, unhandled messages.</summary>
public sealed class ReceiveActorTests : TestKit.TestKit
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(150);

    private sealed class Classifier : ReceiveActor
    {
        public Classifier()
        {
            Receive<int>(n => Sender.Tell("even:" + n, Self), n => n % 2 == 0);
            Receive<int>(n => Sender.Tell("odd:" + n, Self));
            Receive<string>(s =>
            {
                if (!s.StartsWith('!')) return false;
                Sender.Tell("command:" + s[1..], Self);
                return true;
            });
            Receive<string>(s => Sender.Tell("text:" + s, Self));
            Receive<object>(_ => Sender.Tell("first-object", Self), o => o is double);
            Receive<double>(_ => Sender.Tell("never", Self));
        }
    }

    private sealed class Catcher : ReceiveActor
    {
        public Catcher()
        {
            Receive<string>(s => Sender.Tell("string:" + s, Self));
            ReceiveAny(o => Sender.Tell("any:" + o, Self));
        }
    }

    private sealed class StringsOnly : ReceiveActor
    {
        public StringsOnly()
        {
            Receive<string>(s => Sender.Tell(s, Self));
        }
    }

    [Fact]
    public async Task A_handler_whose_predicate_matches_handles_the_message()
    {
        var classifier = Sys.ActorOf(Props.Create(() => new Classifier()));

        classifier.Tell(4, TestActor);

        await ExpectMsgAsync("even:4");
    }

    [Fact]
    public async Task A_handler_whose_predicate_rejects_the_message_passes_it_to_the_next_handler()
    {
        var classifier = Sys.ActorOf(Props.Create(() => new Classifier()));

        classifier.Tell(5, TestActor);

        await ExpectMsgAsync("odd:5");
        await ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task A_deciding_handler_that_returns_false_passes_the_message_to_the_next_handler()
    {
        var classifier = Sys.ActorOf(Props.Create(() => new Classifier()));

        classifier.Tell("!buy", TestActor);
        classifier.Tell("hello", TestActor);

        await ExpectMsgAsync("command:buy");
        await ExpectMsgAsync("text:hello");
    }

    [Fact]
    public async Task Handlers_are_tried_in_declaration_order_and_only_the_first_match_runs()
    {
        var classifier = Sys.ActorOf(Props.Create(() => new Classifier()));

        classifier.Tell(1.5, TestActor);

        await ExpectMsgAsync("first-object");
        await ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task ReceiveAny_handles_what_no_earlier_handler_matched()
    {
        var catcher = Sys.ActorOf(Props.Create(() => new Catcher()));

        catcher.Tell("s", TestActor);
        catcher.Tell(3, TestActor);

        await ExpectMsgAsync("string:s");
        await ExpectMsgAsync("any:3");
    }

    [Fact]
    public async Task An_unhandled_message_is_published_as_UnhandledMessage_with_sender_and_recipient()
    {
        var unhandled = CreateTestProbe();
        Sys.EventStream.Subscribe(unhandled.Ref, typeof(UnhandledMessage));
        var actor = Sys.ActorOf(Props.Create(() => new StringsOnly()));

        actor.Tell(42, TestActor);

        var message = await unhandled.ExpectMsgAsync<UnhandledMessage>();
        Assert.Equal(42, message.Message);
        Assert.Equal(TestActor, message.Sender);
        Assert.Equal(actor, message.Recipient);
    }

    [Fact]
    public async Task An_actor_keeps_working_after_an_unhandled_message()
    {
        var unhandled = CreateTestProbe();
        Sys.EventStream.Subscribe(unhandled.Ref, typeof(UnhandledMessage));
        var actor = Sys.ActorOf(Props.Create(() => new StringsOnly()));

        actor.Tell(42, TestActor);
        await unhandled.ExpectMsgAsync<UnhandledMessage>();
        actor.Tell("still here", TestActor);

        await ExpectMsgAsync("still here");
    }

    [Fact]
    public async Task A_handled_message_is_not_published_as_unhandled()
    {
        var unhandled = CreateTestProbe();
        Sys.EventStream.Subscribe(unhandled.Ref, typeof(UnhandledMessage));
        var actor = Sys.ActorOf(Props.Create(() => new StringsOnly()));

        actor.Tell("handled", TestActor);
        await ExpectMsgAsync("handled");

        await unhandled.ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task Identify_is_answered_with_an_ActorIdentity_carrying_the_actors_reference()
    {
        var actor = Sys.ActorOf(Props.Create(() => new StringsOnly()), "identified");

        actor.Tell(new Identify("id-1"), TestActor);

        var identity = await ExpectMsgAsync<ActorIdentity>();
        Assert.Equal("id-1", identity.MessageId);
        Assert.Equal(actor, identity.Subject);
        Assert.Equal(actor, LastSender);
    }

    [Fact]
    public async Task Identify_is_answered_by_the_runtime_and_never_reaches_ReceiveAny()
    {
        var catcher = Sys.ActorOf(Props.Create(() => new Catcher()));

        catcher.Tell(new Identify(7), TestActor);

        var identity = await ExpectMsgAsync<ActorIdentity>();
        Assert.Equal(catcher, identity.Subject);
        await ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task Identify_through_a_selection_returns_the_reference_of_the_actor_at_that_path()
    {
        var actor = Sys.ActorOf(Props.Create(() => new StringsOnly()), "selected");

        Sys.ActorSelection("/user/selected").Tell(new Identify("sel"), TestActor);

        var identity = await ExpectMsgAsync<ActorIdentity>();
        Assert.Equal(actor, identity.Subject);
    }
}
