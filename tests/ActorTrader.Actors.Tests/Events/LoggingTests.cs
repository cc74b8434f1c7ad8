using System.Collections.Concurrent;
using ActorTrader.Actors;
using ActorTrader.TestKit;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace ActorTrader.Actors.Tests.Events;

/// <summary>Keeps every Serilog event in memory.</summary>
internal sealed class CollectingSink : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => _events.ToArray();

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    public static string? StringProperty(LogEvent logEvent, string name) =>
        logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue { Value: string text } ? text : null;
}

public sealed class LoggingTests : TestKit.TestKit
{
    private const int DeadLetterLogLimit = 3;

    private readonly CollectingSink _sink;

    public LoggingTests() : this(new CollectingSink())
    {
    }

    private LoggingTests(CollectingSink sink)
        : base(new TestKitSettings
        {
            Setup = new ActorSystemSetup
            {
                Logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(sink).CreateLogger(),
                DeadLetterLogLimit = DeadLetterLogLimit,
            },
        })
    {
        _sink = sink;
    }

    private sealed record LogThis(string Text);

    private sealed record Logged;

    /// <summary>Logs through <c>Context.GetLogger()</c>, then confirms, so the event is in the sink before the test reads it.</summary>
    private sealed class LoggingActor : ReceiveActor
    {
        public LoggingActor()
        {
            var log = Context.GetLogger();
            Receive<LogThis>(m =>
            {
                log.Info("Handling {Text}", m.Text);
                Sender.Tell(new Logged(), Self);
            });
        }
    }

    private LogEvent[] EventsWithText(string text) =>
        _sink.Events.Where(e => CollectingSink.StringProperty(e, "Text") == text).ToArray();

    [Fact]
    public async Task Actor_log_events_carry_the_path_of_the_actor()
    {
        var actor = Sys.ActorOf(Props.Create(() => new LoggingActor()), "logger");

        actor.Tell(new LogThis("first"), TestActor);
        await ExpectMsgAsync<Logged>();

        var logEvent = Assert.Single(EventsWithText("first"));
        Assert.Equal(LogEventLevel.Information, logEvent.Level);
        Assert.Equal(actor.Path.ToString(), CollectingSink.StringProperty(logEvent, "ActorPath"));
        Assert.Equal(Sys.Name, CollectingSink.StringProperty(logEvent, "ActorSystem"));
    }

    [Fact]
    public async Task Two_actors_log_with_their_own_paths()
    {
        var a = Sys.ActorOf(Props.Create(() => new LoggingActor()), "logger-a");
        var b = Sys.ActorOf(Props.Create(() => new LoggingActor()), "logger-b");

        a.Tell(new LogThis("from a"), TestActor);
        b.Tell(new LogThis("from b"), TestActor);
        await ExpectMsgAsync<Logged>();
        await ExpectMsgAsync<Logged>();

        Assert.Equal(a.Path.ToString(), CollectingSink.StringProperty(Assert.Single(EventsWithText("from a")), "ActorPath"));
        Assert.Equal(b.Path.ToString(), CollectingSink.StringProperty(Assert.Single(EventsWithText("from b")), "ActorPath"));
    }

    [Fact]
    public async Task Dead_letters_are_logged_at_most_DeadLetterLogLimit_times_but_all_are_published()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var actor = Sys.ActorOf(Props.Create(() => new LoggingActor()));
        Watch(actor);
        Sys.Stop(actor);
        await ExpectTerminatedAsync(actor);

        for (var i = 0; i < 10; i++) actor.Tell($"lost {i}", TestActor);

        var published = await deadLetters.ReceiveNAsync(10);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"lost {i}"), published.Cast<DeadLetter>().Select(d => d.Message));
        var logged = _sink.Events.Where(e => e.MessageTemplate.Text.StartsWith("Dead letter", StringComparison.Ordinal)).ToArray();
        Assert.Equal(DeadLetterLogLimit, logged.Length);
    }

    [Fact]
    public async Task A_logged_dead_letter_names_the_message_type_and_the_recipient()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var actor = Sys.ActorOf(Props.Create(() => new LoggingActor()), "gone");
        Watch(actor);
        Sys.Stop(actor);
        await ExpectTerminatedAsync(actor);

        actor.Tell(new LogThis("never handled"), TestActor);
        await deadLetters.ExpectMsgAsync<DeadLetter>();

        var logged = Assert.Single(_sink.Events, e => e.MessageTemplate.Text.StartsWith("Dead letter", StringComparison.Ordinal));
        var rendered = logged.RenderMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(nameof(LogThis), rendered, StringComparison.Ordinal);
        Assert.Contains(actor.Path.ToString(), rendered, StringComparison.Ordinal);
    }
}
