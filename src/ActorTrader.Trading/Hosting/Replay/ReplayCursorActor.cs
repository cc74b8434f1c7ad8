using ActorTrader.Actors;
using ActorTrader.Persistence;

namespace ActorTrader.Trading.Host.Replay;

/// <summary>
/// <c>/user/trading/replay-cursor</c> (persistence id <c>replay-cursor</c>): the journaled progress of a replay, so a node
/// killed in the middle continues after the last completed day when started again with the same arguments. A day is
/// recorded after its daily snapshot; a restart redoes at most the day it was in, which is safe (deterministic client
/// order ids, idempotent snapshot). Fail closed: a journal it cannot read or write stops it.
/// </summary>
public sealed class ReplayCursorActor : ReceivePersistentActor
{
    private ReplayCursor _cursor = ReplayCursor.Empty;

    public ReplayCursorActor()
    {
        Recover<ReplayStarted>(e => _cursor = _cursor.Apply(e));
        Recover<ReplayDayCompleted>(e => _cursor = _cursor.Apply(e));
        Recover<ReplayFinished>(e => _cursor = _cursor.Apply(e));

        Command<GetReplayCursor>(_ => Sender.Tell(_cursor, Self));
        Command<BeginReplay>(begin =>
        {
            if (_cursor.Started is not null && !_cursor.Finished)
            {
                Sender.Tell(_cursor, Self);
                return;
            }
            var replyTo = Sender;
            Persist(begin.Started, started =>
            {
                _cursor = _cursor.Apply(started);
                replyTo.Tell(_cursor, Self);
            });
        });
        Command<RecordReplayDay>(record =>
        {
            if (_cursor.Completed.Any(d => d.Date == record.Day.Date))
            {
                Sender.Tell(_cursor, Self);
                return;
            }
            var replyTo = Sender;
            Persist(record.Day, day =>
            {
                _cursor = _cursor.Apply(day);
                replyTo.Tell(_cursor, Self);
            });
        });
        Command<FinishReplay>(finish =>
        {
            if (_cursor.Finished)
            {
                Sender.Tell(_cursor, Self);
                return;
            }
            var replyTo = Sender;
            Persist(new ReplayFinished(finish.RunId, Context.System.Scheduler.Now), finished =>
            {
                _cursor = _cursor.Apply(finished);
                replyTo.Tell(_cursor, Self);
            });
        });
    }

    /// <summary>The actor's name under <c>/user/trading</c>.</summary>
    public const string Name = "replay-cursor";

    public override string PersistenceId => ReplayCursor.PersistenceId;

    public static Props CreateProps() => Props.Create(() => new ReplayCursorActor());

    protected override void OnRecoveryFailure(Exception reason, object? @event) =>
        Log.Error(reason, "The replay cursor could not be recovered; the replay cannot tell which days are done and stops (fail closed)");

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr) =>
        Log.Error(cause, "The replay cursor could not journal {Event}; it stops and the replay ends without recording the day", @event.GetType().Name);
}
