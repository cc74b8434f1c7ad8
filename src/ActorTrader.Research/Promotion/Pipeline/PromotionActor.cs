using ActorTrader.Actors;
using ActorTrader.Persistence;
using ActorTrader.Research.Promotion.Pipeline.Paper;
using ActorTrader.Research.Promotion.Statistics;

namespace ActorTrader.Research.Promotion.Pipeline;

/// <summary>
/// <c>/user/research/promotion</c>: the promotion pipeline, event-sourced under <c>research-promotion</c>. A proposal is
/// journaled as a candidate and, in the same write, validated out of sample (<see cref="PromotionValidator"/>: minimum
/// trades, Sharpe, deflated Sharpe, Diebold–Mariano and paired tests against the incumbent) with the evidence; a
/// validated candidate goes to paper when an operator says so (or at once with auto-paper), and live only on an
/// operator's request after <see cref="PromotionPipelineSettings.PaperDays"/> days on paper and when the paper record passes
/// the checks of <see cref="PaperTrialSettings"/>. Every step is journaled before it is acknowledged; the promoted
/// candidates' returns are published (<see cref="PromotedReturns"/>) for the populations' correlation penalty.
/// <para>
/// With paper accounts (<see cref="PaperTrialServices"/>) each candidate on paper runs in its own paper account through a
/// child <c>paper-&lt;id&gt;</c> (<see cref="PaperTrialActor"/>), and its paper days are the trading days that child ran,
/// each journaled here once per date with its evidence (<see cref="PaperDayRecorded"/>, <see cref="PaperDaySkipped"/>) and
/// published on the event stream. Without them (a pipeline under test, or a host that gives none) paper days are calendar
/// days counted on the actor system's clock.
/// </para>
/// </summary>
public sealed class PromotionActor : ReceivePersistentActor
{
    /// <summary>The journal id of the pipeline (one per cluster).</summary>
    public const string PromotionPersistenceId = "research-promotion";

    /// <summary>The child name under the research supervisor.</summary>
    public const string ActorName = "promotion";

    private readonly PromotionPipelineSettings _settings;
    private readonly PromotionBook _book;
    private readonly PaperTrialServices? _paper;
    private readonly Dictionary<string, IActorRef> _trials = new(StringComparer.Ordinal);

    public PromotionActor(PromotionPipelineSettings settings, PaperTrialServices? paper = null)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _paper = paper;
        _book = new PromotionBook(recordedDays: paper is not null);

        Recover<CandidateProposed>(_book.Apply);
        Recover<CandidateValidated>(_book.Apply);
        Recover<CandidateRejected>(_book.Apply);
        Recover<CandidatePaperStarted>(_book.Apply);
        Recover<CandidatePaperCompleted>(_book.Apply);
        Recover<CandidateWentLive>(_book.Apply);
        Recover<PaperDayRecorded>(_book.Apply);
        Recover<PaperDaySkipped>(_book.Apply);
        Recover<RecoveryCompleted>(_ =>
        {
            Log.Info("Promotion pipeline recovered: {Count} candidate(s), {Promoted} on paper or live", _book.Count, _book.Promoted().Count);
            PublishPromoted();
            foreach (var id in _book.OnPaper()) StartTrial(id);
        });

        Command<ProposeCandidate>(Propose);
        Command<GetCandidates>(_ => WithDuePaperCompleted(replyTo => replyTo.Tell(new CandidateList(_book.Views(Now, _settings.PaperDays)), Self)));
        Command<PromoteCandidate>(Promote);
        Command<GetPromotedReturns>(_ => Sender.Tell(new PromotedReturns(_book.Promoted()), Self));
        Command<RunPaperTrials>(run =>
        {
            foreach (var trial in _trials.Values) trial.Tell(run, Self);
        });
        Command<GetPaperTrialCursor>(get => Sender.Tell(_book.PaperCursor(get.Id), Self));
        Command<BookPaperDay>(book => BookPaper(book.Day.Id, book.Day.Date, book.Day with { At = Now }));
        Command<BookPaperSkip>(book => BookPaper(book.Skip.Id, book.Skip.Date, book.Skip with { At = Now }));
    }

    public override string PersistenceId => PromotionPersistenceId;

    public static Props CreateProps(PromotionPipelineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Props.Create(() => new PromotionActor(settings));
    }

    /// <summary>The pipeline whose candidates on paper run in paper accounts (<paramref name="paper"/>; null = days counted on the clock).</summary>
    public static Props CreateProps(PromotionPipelineSettings settings, PaperTrialServices? paper)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Props.Create(() => new PromotionActor(settings, paper));
    }

    private static DateTimeOffset Now => Context.System.Scheduler.Now;

    private void Propose(ProposeCandidate command)
    {
        var p = command.Proposal;
        if (_book.Contains(p.Id))
        {
            Sender.Tell(new CandidateRecorded(p.Id, _book.StageOf(p.Id), New: false), Self);
            return;
        }
        var now = Now;
        ValidationEvidence evidence;
        try
        {
            evidence = PromotionValidator.Validate(p.OutOfSample.Returns, p.Incumbent.Returns, p.OutOfSample.Trades, _settings.Validation, Math.Max(p.Trials, 0));
        }
        catch (ArgumentException e)
        {
            // The proposal itself is inconsistent (e.g. different out-of-sample lengths): a failed validation, with the cause.
            evidence = new ValidationEvidence(double.NaN, double.NaN, p.OutOfSample.Trades, p.OutOfSample.Returns.Count, null, null, null, null, null, false,
                [$"the validation could not run: {e.Message}"]);
        }
        var record = ValidationRecord.From(evidence);
        var events = new List<object>
        {
            new CandidateProposed(p.Id, p.Strategy, p.RunId, p.Generation, p.Parameters, p.Fitness, p.Adjusted, p.Sharpe, p.DeflatedSharpe, p.Trades,
                p.Window, p.InSampleReturns, now, p.InSampleTimes, p.Trials)
            {
                Rule = p.Rule,
            },
            record.Passed ? new CandidateValidated(p.Id, record, p.IncumbentParameters, now) : new CandidateRejected(p.Id, record, p.IncumbentParameters, now),
        };
        if (record.Passed && _settings.AutoPaper) events.Add(new CandidatePaperStarted(p.Id, "auto-paper", now));
        var replyTo = Sender;
        var left = events.Count;
        PersistAll(events, e =>
        {
            _book.Apply(e);
            Describe(e);
            FollowTrials(e);
            if (--left > 0) return;
            if (_book.StageOf(p.Id) == CandidateStage.Paper) PublishPromoted();
            replyTo.Tell(new CandidateRecorded(p.Id, _book.StageOf(p.Id), New: true), Self);
        });
    }

    private void Promote(PromoteCandidate command)
    {
        if (!_book.Contains(command.Id))
        {
            Sender.Tell(new PromotionResult(false, _book.UnknownMessage(command.Id), null, UnknownId: true), Self);
            return;
        }
        var now = Now;
        if (_book.Refusal(command.Id, command.Target, now, _settings.PaperDays, _settings.Paper) is { } refusal)
        {
            Log.Warning("Promotion of {Id} to {Target} by {By} refused: {Reason}", command.Id, PromotionBook.Name(command.Target), command.By, refusal);
            Sender.Tell(new PromotionResult(false, refusal, _book.View(command.Id, now, _settings.PaperDays)), Self);
            return;
        }
        var events = new List<object>();
        if (command.Target == CandidateStage.Paper)
        {
            events.Add(new CandidatePaperStarted(command.Id, command.By, now));
        }
        else
        {
            var view = _book.View(command.Id, now, _settings.PaperDays);
            if (view.PaperCompletedAt is null) events.Add(new CandidatePaperCompleted(command.Id, view.PaperDays, view.PaperSince!.Value, now));
            events.Add(new CandidateWentLive(command.Id, command.By, view.PaperDays, now));
        }
        var replyTo = Sender;
        var left = events.Count;
        PersistAll(events, e =>
        {
            _book.Apply(e);
            Describe(e);
            FollowTrials(e);
            if (--left > 0) return;
            PublishPromoted();
            var after = _book.View(command.Id, Now, _settings.PaperDays);
            // Live is the operator's approval, journaled with its evidence; the trading node keeps trading its configured
            // parameters until they are changed, so the message says how to deploy them.
            var message = after.Stage == CandidateStage.Live
                ? $"Candidate {command.Id} is approved for live. Deploy it by setting its parameters under actortrader.strategies.{after.Strategy}.parameters (or its rule) in the trading node's config; `actortrader research candidates` shows them."
                : $"Candidate {command.Id} is now {PromotionBook.Name(after.Stage)}.";
            replyTo.Tell(new PromotionResult(true, message, after), Self);
        });
    }

    /// <summary>Journals the paper periods that have run their days, then answers.</summary>
    private void WithDuePaperCompleted(Action<IActorRef> answer)
    {
        var replyTo = Sender;
        var due = _book.DuePaperCompletions(Now, _settings.PaperDays);
        if (due.Count == 0)
        {
            answer(replyTo);
            return;
        }
        var left = due.Count;
        PersistAll(due, e =>
        {
            _book.Apply(e);
            Describe(e);
            FollowTrials(e);
            if (--left == 0) answer(replyTo);
        });
    }

    private void PublishPromoted() => Context.System.EventStream.Publish(new PromotedReturns(_book.Promoted()));

    /// <summary>
    /// Journals a trial's paper day (or skipped day) unless its date is booked already, then tells the trial where the
    /// journal stands; the day that completes the required paper days also completes the paper period, in the same write.
    /// </summary>
    private void BookPaper(string id, DateOnly date, object @event)
    {
        var trial = Sender;
        if (!_book.IsOnPaper(id) || _book.LastPaperDate(id) is { } last && date <= last)
        {
            trial.Tell(Booked(id), Self);
            return;
        }
        var now = Now;
        var events = new List<object> { @event };
        var view = _book.View(id, now, _settings.PaperDays);
        var days = _book.PaperDays(id, now) + 1;
        if (@event is PaperDayRecorded && view.PaperCompletedAt is null && days >= _settings.PaperDays)
            events.Add(new CandidatePaperCompleted(id, days, view.PaperSince!.Value, now));
        var left = events.Count;
        PersistAll(events, e =>
        {
            _book.Apply(e);
            Describe(e);
            Context.System.EventStream.Publish(e);
            if (--left == 0) trial.Tell(Booked(id), Self);
        });
    }

    private PaperDayBooked Booked(string id) => _book.IsOnPaper(id)
        ? new PaperDayBooked(id, _book.LastPaperDate(id), _book.PaperCursor(id).LastNav)
        : new PaperDayBooked(id, null, null);

    /// <summary>A candidate that went to paper gets its trial; one that went live leaves paper (its account file stays as evidence).</summary>
    private void FollowTrials(object @event)
    {
        switch (@event)
        {
            case CandidatePaperStarted started:
                StartTrial(started.Id);
                break;
            case CandidateWentLive live when _trials.Remove(live.Id, out var trial):
                Context.Stop(trial);
                break;
        }
    }

    private void StartTrial(string id)
    {
        if (_paper is null || _trials.ContainsKey(id)) return;
        _trials[id] = Context.ActorOf(PaperTrialActor.CreateProps(id, _settings.Paper, _paper), PaperTrialActor.NameOf(id));
    }

    private void Describe(object @event)
    {
        switch (@event)
        {
            case CandidateProposed p:
                Log.Info("Candidate {Id} proposed by {Strategy} run {RunId} generation {Generation}: fitness {Fitness}", p.Id, p.Strategy, p.RunId, p.Generation, p.Adjusted);
                break;
            case CandidateValidated v:
                Log.Info("Candidate {Id} validated out of sample: Sharpe {Sharpe}, deflated Sharpe {Deflated}, {Trades} trades", v.Id, v.Evidence.OutOfSampleSharpe,
                    v.Evidence.DeflatedSharpe, v.Evidence.Trades);
                break;
            case CandidateRejected r:
                Log.Info("Candidate {Id} rejected out of sample: {Reasons}", r.Id, string.Join(" ", r.Evidence.Reasons));
                break;
            case CandidatePaperStarted s:
                Log.Warning("Candidate {Id} runs on paper from now ({By}); live after {Days} day(s) and an operator's promotion", s.Id, s.By, _settings.PaperDays);
                break;
            case CandidatePaperCompleted c:
                Log.Info("Candidate {Id} completed {Days} day(s) on paper", c.Id, c.Days);
                break;
            case CandidateWentLive l:
                Log.Warning("Candidate {Id} promoted to live by {By} after {Days} day(s) on paper", l.Id, l.By, l.PaperDays);
                break;
            case PaperDayRecorded d:
                Log.Info("Candidate {Id} paper day {Date}: NAV {Nav}, return {Return}, {Orders} order(s), {Fills} fill(s)", d.Id, Iso(d.Date), d.Nav, d.Return, d.Orders.Count, d.Fills.Count);
                break;
            case PaperDaySkipped k:
                Log.Warning("Candidate {Id} paper day {Date} skipped: {Reason}", k.Id, Iso(k.Date), k.Reason);
                break;
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr) =>
        Log.Error(cause, "The promotion step {Event} could not be journaled; the promotion actor stops and the step did not happen", @event.GetType().Name);

    protected override void OnRecoveryFailure(Exception reason, object? @event) =>
        Log.Error(reason, "The promotion journal could not be recovered; the promotion actor stops (no promotion is possible until it is fixed)");
}
