using ActorTrader.Actors;
using ActorTrader.Cluster.Control;
using ActorTrader.Cluster.Tests.Support;
using ActorTrader.TestKit;

namespace ActorTrader.Cluster.Tests.Control;

public sealed class ControlBusListenerTests(SharedDatabaseFixture fixture) : TestKit.TestKit, IClassFixture<SharedDatabaseFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly Dictionary<string, string> NoArguments = [];
    private readonly ControlLog _log = new(fixture.Database);

    private static ControlBusSettings Settings(TimeSpan? poll = null, TimeSpan? applyTimeout = null) => new(
        PollInterval: poll ?? TimeSpan.FromMilliseconds(200),
        ApplyTimeout: applyTimeout ?? TimeSpan.FromSeconds(30),
        ReconnectBackoffMin: TimeSpan.FromMilliseconds(200),
        ReconnectBackoffMax: TimeSpan.FromSeconds(1));

    /// <summary>A node that has applied every command earlier tests of this class appended (they share the log).</summary>
    private async Task<string> NodeAsync(string prefix)
    {
        var node = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
        await _log.AdvanceCursorAsync(node, await _log.LatestIdAsync(CancellationToken.None), CancellationToken.None);
        return node;
    }

    private Task<ControlCommand> AppendAsync(string command) => _log.AppendAsync(command, NoArguments, "test", CancellationToken.None);

    private IActorRef Start(string node, TestProbe applier, ControlBusSettings settings) =>
        Sys.ActorOf(ControlBusListener.Props(fixture.Database, node, applier.Ref, settings));

    private static async Task ExpectCommandAsync(TestProbe applier, ControlCommand expected) =>
        await applier.ExpectMsgAsync<ApplyControlCommand>(m => m.Command.Id == expected.Id, Wait, $"command {expected.Id} ({expected.Command})");

    private static async Task ApplyAsync(TestProbe applier, ControlCommand expected)
    {
        await ExpectCommandAsync(applier, expected);
        applier.Reply(new ControlCommandApplied(expected.Id));
    }

    private static async Task<ControlBusState> StateAsync(IActorRef listener) =>
        await listener.Ask<ControlBusState>(GetControlBusState.Instance, Wait);

    private Task AwaitListeningAsync(IActorRef listener, long lastApplied) => AwaitAssertAsync(async () =>
    {
        Assert.Equal(new ControlBusState(lastApplied, true), await StateAsync(listener));
    }, Wait, TimeSpan.FromMilliseconds(50));

    private Task AwaitCursorAsync(string node, long id) => AwaitAssertAsync(async () =>
    {
        Assert.Equal(id, await _log.ReadCursorAsync(node, CancellationToken.None));
    }, Wait, TimeSpan.FromMilliseconds(20));

    [Fact]
    public async Task Two_nodes_each_apply_every_command_once_in_order_and_advance_their_cursor_only_after_the_ack()
    {
        var nodes = new[] { await NodeAsync("a"), await NodeAsync("b") };
        var baseline = await _log.LatestIdAsync(CancellationToken.None);
        var appliers = new[] { CreateTestProbe(), CreateTestProbe() };
        var listeners = new[] { Start(nodes[0], appliers[0], Settings()), Start(nodes[1], appliers[1], Settings()) };
        var commands = new[] { await AppendAsync("halt"), await AppendAsync("rebalance"), await AppendAsync("resume") };

        for (var n = 0; n < 2; n++)
        {
            var cursor = baseline;
            foreach (var command in commands)
            {
                await ExpectCommandAsync(appliers[n], command);
                await appliers[n].ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));
                Assert.Equal(cursor, await _log.ReadCursorAsync(nodes[n], CancellationToken.None));

                appliers[n].Reply(new ControlCommandApplied(command.Id));
                await AwaitCursorAsync(nodes[n], command.Id);
                cursor = command.Id;
            }
        }

        foreach (var applier in appliers) await applier.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(500));
        foreach (var listener in listeners) Assert.Equal(commands[^1].Id, (await StateAsync(listener)).LastApplied);
    }

    [Fact]
    public async Task A_node_that_was_down_applies_the_commands_after_its_cursor_and_none_before()
    {
        var node = await NodeAsync("down");
        var applied = await AppendAsync("halt");
        var missed = new[] { await AppendAsync("resume"), await AppendAsync("rebalance") };
        await _log.AdvanceCursorAsync(node, applied.Id, CancellationToken.None);
        var applier = CreateTestProbe();

        Start(node, applier, Settings());

        foreach (var command in missed) await ApplyAsync(applier, command);
        await AwaitCursorAsync(node, missed[^1].Id);
        await applier.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task A_command_the_applier_fails_is_delivered_again_before_anything_after_it()
    {
        var node = await NodeAsync("fail");
        var baseline = await _log.LatestIdAsync(CancellationToken.None);
        var failing = await AppendAsync("halt");
        var next = await AppendAsync("resume");
        var applier = CreateTestProbe();
        Start(node, applier, Settings());

        await ExpectCommandAsync(applier, failing);
        applier.Reply(new ControlCommandFailed(failing.Id, "the broker is unreachable"));

        await ExpectCommandAsync(applier, failing);
        Assert.Equal(baseline, await _log.ReadCursorAsync(node, CancellationToken.None));
        applier.Reply(new ControlCommandApplied(failing.Id));
        await ApplyAsync(applier, next);
        await AwaitCursorAsync(node, next.Id);
    }

    [Fact]
    public async Task A_command_the_applier_does_not_answer_in_time_is_delivered_again_before_anything_after_it()
    {
        var node = await NodeAsync("slow");
        var baseline = await _log.LatestIdAsync(CancellationToken.None);
        var unanswered = await AppendAsync("halt");
        var next = await AppendAsync("resume");
        var applier = CreateTestProbe();
        Start(node, applier, Settings(applyTimeout: TimeSpan.FromSeconds(1)));

        await ExpectCommandAsync(applier, unanswered);

        await ExpectCommandAsync(applier, unanswered);
        Assert.Equal(baseline, await _log.ReadCursorAsync(node, CancellationToken.None));
        applier.Reply(new ControlCommandApplied(unanswered.Id));
        // A slow machine may time out this answer too: the same command comes again (acknowledged again), never the next early.
        while ((await applier.ExpectMsgAsync<ApplyControlCommand>(m => m.Command.Id == unanswered.Id || m.Command.Id == next.Id, Wait)).Command.Id == unanswered.Id)
            applier.Reply(new ControlCommandApplied(unanswered.Id));
        applier.Reply(new ControlCommandApplied(next.Id));
        await AwaitCursorAsync(node, next.Id);
    }

    [Fact]
    public async Task A_command_arrives_by_notify_long_before_the_next_poll()
    {
        var node = await NodeAsync("notify");
        var applier = CreateTestProbe();
        var listener = Start(node, applier, Settings(poll: TimeSpan.FromMinutes(10)));
        await AwaitListeningAsync(listener, await _log.LatestIdAsync(CancellationToken.None));

        var command = await AppendAsync("halt");

        await ApplyAsync(applier, command);
        await AwaitCursorAsync(node, command.Id);
    }

    [Fact]
    public async Task A_command_written_without_notify_arrives_by_polling()
    {
        var node = await NodeAsync("poll");
        var applier = CreateTestProbe();
        var listener = Start(node, applier, Settings());
        await AwaitListeningAsync(listener, await _log.LatestIdAsync(CancellationToken.None));

        var id = (long)(await fixture.Cluster.ScalarAsync("INSERT INTO cluster_control_log (command, issued_by) VALUES ('halt', 'test') RETURNING id"))!;

        var delivered = await applier.ExpectMsgAsync<ApplyControlCommand>(m => m.Command.Id == id, Wait);
        Assert.Equal("halt", delivered.Command.Command);
        Assert.Empty(delivered.Command.Arguments);
    }

    [Fact]
    public async Task A_killed_listen_connection_is_reopened_and_commands_still_arrive()
    {
        var node = await NodeAsync("kill");
        var applier = CreateTestProbe();
        var listener = Start(node, applier, Settings());
        await AwaitListeningAsync(listener, await _log.LatestIdAsync(CancellationToken.None));
        var pidSql = $"SELECT pid FROM pg_stat_activity WHERE application_name = '{ControlNotifications.ApplicationName(node)}'";
        var killed = (int)(await fixture.Cluster.ScalarAsync(pidSql))!;

        Assert.Equal(true, await fixture.Cluster.ScalarAsync($"SELECT pg_terminate_backend({killed})"));
        var command = await AppendAsync("halt");

        await ApplyAsync(applier, command);
        await AwaitAssertAsync(async () =>
        {
            var pid = await fixture.Cluster.ScalarAsync(pidSql);
            Assert.NotNull(pid);
            Assert.NotEqual(killed, (int)pid);
            Assert.True((await StateAsync(listener)).Listening);
        }, Wait, TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task A_listener_answers_its_state_with_the_last_applied_command()
    {
        var node = await NodeAsync("state");
        var applier = CreateTestProbe();
        var listener = Start(node, applier, Settings());
        var command = await AppendAsync("rebalance-cluster");

        await ApplyAsync(applier, command);

        await AwaitListeningAsync(listener, command.Id);
    }

    [Fact]
    public void Reversed_reconnect_backoff_bounds_are_rejected_with_the_fix()
    {
        var settings = Settings() with { ReconnectBackoffMin = TimeSpan.FromSeconds(5), ReconnectBackoffMax = TimeSpan.FromSeconds(1) };

        var error = Assert.Throws<ArgumentException>(() => ControlBusListener.Props(fixture.Database, "settings", CreateTestProbe().Ref, settings));

        Assert.Contains("Node 'settings'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", error.Message, StringComparison.Ordinal);
    }
}
