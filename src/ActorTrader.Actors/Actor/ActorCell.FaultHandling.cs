using ActorTrader.Actors.Dispatch;

namespace ActorTrader.Actors;

/// <summary>
/// Failure, suspension, restart and stop, following Akka's ActorCell: a failed actor suspends itself
/// and its children and asks its parent; a restart keeps the mailbox and drops the failing message.
/// </summary>
internal sealed partial class ActorCell
{
    /// <summary>
    /// Suspends this actor and its children and reports to the parent. When the failure is an escalation
    /// from a child (<paramref name="perpetrator"/>), that child is already suspended and is not suspended
    /// again, so the parent's later Resume can resume it.
    /// </summary>
    private void HandleInvokeFailure(Exception cause, IActorRef? perpetrator = null, IReadOnlyCollection<ActorCell>? notToSuspend = null)
    {
        if (IsFailed || IsTerminated) return; // already waiting for the supervisor's decision
        _state |= CellState.Failed;
        _failurePerpetrator = perpetrator;
        try
        {
            Mailbox.Suspend();
            SuspendChildren(except: perpetrator, notToSuspend);
            _parent.SendSystemMessage(new Failed(Self, cause, Path.Uid));
        }
        catch (Exception e)
        {
            System.Logger.Error(e, "Could not report the failure of {ActorPath} to its parent; stopping it", Path.ToString());
            foreach (var child in ChildCells()) StopChild(child.Self);
            FinishTerminate();
        }
    }

    private IActorRef? _failurePerpetrator;

    private void ClearFailed() => _state &= ~CellState.Failed;

    private void FaultSuspend()
    {
        Mailbox.Suspend();
        SuspendChildren();
    }

    private void FaultResume(Exception? causedByFailure)
    {
        if (_actor is null && causedByFailure is not null)
        {
            FaultCreate(); // resumed after failing in its constructor: there is no state to keep, so create anew
            return;
        }
        Mailbox.Resume();
        var perpetrator = _failurePerpetrator;
        if (causedByFailure is not null)
        {
            ClearFailed();
            _failurePerpetrator = null;
            _currentEnvelope = null;
        }
        ResumeChildren(causedByFailure, perpetrator);
        ProcessDeferredSystemMessages();
    }

    /// <summary>
    /// Creates the instance again after its constructor or PreStart failed: what the failed attempt
    /// left behind (children, timers, a receive timeout) goes first, as Akka's faultCreate.
    /// </summary>
    private void FaultCreate()
    {
        SetReceiveTimeout(null);
        _timers?.CancelAll();
        _behaviorStack = null;
        foreach (var child in ChildCells()) StopChild(child.Self);
        if (_stoppingChildren is { Count: > 0 }) _waitingForChildren = ChildrenWait.Creation;
        else FinishCreate();
    }

    private void FinishCreate()
    {
        Mailbox.Resume();
        ClearFailed();
        _failurePerpetrator = null;
        Create();
        ProcessDeferredSystemMessages();
    }

    private void FaultRecreate(Exception cause)
    {
        if (_actor is null)
        {
            FaultCreate();
            return;
        }
        if (IsTerminating)
        {
            FaultResume(null); // keep the suspend count balanced; the stop wins
            return;
        }

        var failedActor = _actor;
        try
        {
            failedActor.PreRestartInternal(cause, _currentEnvelope?.Message);
        }
        catch (Exception e)
        {
            System.Logger.Error(e, "PreRestart of {ActorPath} threw while restarting after {Cause}", Path.ToString(), cause.GetType().Name);
        }
        finally
        {
            ClearActorStateForRestart();
        }

        if (_stoppingChildren is { Count: > 0 })
        {
            _waitingForChildren = ChildrenWait.Recreation;
            _recreationCause = cause;
        }
        else
        {
            FinishRecreate(cause);
        }
    }

    private void ClearActorStateForRestart()
    {
        _timers?.CancelAll();
        SetReceiveTimeout(null);
        _stash?.UnstashAll(); // stashed messages are not lost on restart: they go back to the mailbox
        _behaviorStack = null;
    }

    private void FinishRecreate(Exception cause)
    {
        var survivors = ChildCells().Where(c => _stoppingChildren is null || !_stoppingChildren.Contains(c.Self)).ToArray();
        try
        {
            Mailbox.Resume();
            ClearFailed();
            _failurePerpetrator = null;
            var fresh = NewActor();
            _actor = fresh;
            fresh.PostRestartInternal(cause);
            // Children kept by an overridden PreRestart are restarted too, after the parent is up again.
            foreach (var survivor in survivors) survivor.Self.SendSystemMessage(new Recreate(cause));
        }
        catch (Exception e)
        {
            // The kept children are still suspended from the first failure: not again, or they never resume.
            HandleInvokeFailure(new PostRestartException(Self, e, cause), notToSuspend: survivors);
        }
        ProcessDeferredSystemMessages();
    }

    private void HandleFailed(Failed failed)
    {
        var child = FindChild(failed.Child);
        if (child is null || child.Path.Uid != failed.Uid || _stoppingChildren?.Contains(failed.Child) == true) return; // stale
        var strategy = _actor?.SupervisorStrategyInternal ?? SupervisorStrategy.DefaultStrategy;
        if (!strategy.HandleFailure(this, child, failed.Cause))
            HandleInvokeFailure(failed.Cause, perpetrator: failed.Child); // escalate: this actor fails with the child's exception
    }

    private void Terminate()
    {
        SetReceiveTimeout(null);
        UnwatchWatchedActors();
        bool wasTerminating;
        ActorCell[] children;
        lock (Mailbox)
        {
            // Flag and snapshot under the children lock: CreateChildUnstarted refuses new children from here on.
            wasTerminating = IsTerminating;
            _state |= CellState.Terminating;
            children = _children is null ? [] : _children.Values.Select(c => c.Cell).ToArray();
        }
        foreach (var child in children) StopChild(child.Self);

        if (children.Length > 0)
        {
            if (!wasTerminating)
            {
                Mailbox.Suspend();
                _state |= CellState.Failed; // as Akka: failures while stopping are not reported to the supervisor
            }
            _waitingForChildren = ChildrenWait.Termination;
        }
        else
        {
            FinishTerminate();
        }
    }

    private void FinishTerminate()
    {
        var actor = _actor;
        try
        {
            actor?.PostStopInternal();
        }
        catch (Exception e)
        {
            System.Logger.Error(e, "PostStop of {ActorPath} threw", Path.ToString());
        }
        finally
        {
            _state |= CellState.Terminated;
            _deferredSystemMessages = null;
            if (_stash is not null)
            {
                foreach (var envelope in _stash.ClearStash()) System.DeadLetterRef.Publish(envelope.Message, envelope.Sender, Self);
            }
            _timers?.CancelAll();
            CancelReceiveTimeout();
            Mailbox.BecomeClosed();
            Mailbox.Dispatcher.Detach(Mailbox);
            _parent.SendSystemMessage(new DeathWatchNotification(Self, existenceConfirmed: true));
            TellWatchersWeDied();
            UnwatchWatchedActors();
            System.EventStream.Unsubscribe(Self);
            _actor = null;
            _behaviorStack = null;
            _currentEnvelope = null;
        }
    }
}
