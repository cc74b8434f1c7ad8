using System.Globalization;
using ActorTrader.Hocon;
using ActorTrader.Research.Promotion.Pipeline.Paper;

namespace ActorTrader.Research.Promotion.Pipeline;

/// <summary>
/// The promotion actor's state: every candidate and its stage, built only by applying journaled events. The legal moves
/// are a table (<see cref="Transitions"/>); an event that makes an illegal move means the journal is damaged and throws.
/// Paper days are the trading days a candidate's paper trial has recorded (<see cref="PaperDayRecorded"/>); a book built
/// without paper accounts (<c>recordedDays</c> false) counts calendar days on the clock the caller passes instead.
/// </summary>
internal sealed class PromotionBook(bool recordedDays = false)
{
    /// <summary>Every legal stage change; anything else is refused (commands) or a damaged journal (events).</summary>
    public static IReadOnlySet<(CandidateStage From, CandidateStage To)> Transitions { get; } = new HashSet<(CandidateStage, CandidateStage)>
    {
        (CandidateStage.Candidate, CandidateStage.Validated),
        (CandidateStage.Candidate, CandidateStage.Rejected),
        (CandidateStage.Validated, CandidateStage.Paper),
        (CandidateStage.Paper, CandidateStage.Live),
    };

    private readonly SortedDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public bool Contains(string id) => _entries.ContainsKey(id);

    public IEnumerable<string> Ids => _entries.Keys;

    public void Apply(object @event)
    {
        switch (@event)
        {
            case CandidateProposed proposed:
                if (!_entries.TryAdd(proposed.Id, new Entry(proposed)))
                    throw Damaged($"candidate {proposed.Id} is proposed twice");
                break;
            case CandidateValidated validated:
                Move(validated.Id, CandidateStage.Validated).Validation = (validated.Evidence, validated.Incumbent);
                break;
            case CandidateRejected rejected:
                Move(rejected.Id, CandidateStage.Rejected).Validation = (rejected.Evidence, rejected.Incumbent);
                break;
            case CandidatePaperStarted paper:
                Move(paper.Id, CandidateStage.Paper).PaperSince = paper.At;
                break;
            case CandidatePaperCompleted completed:
                var entry = Get(completed.Id);
                if (entry.Stage != CandidateStage.Paper || entry.PaperCompletedAt is not null) throw Damaged($"candidate {completed.Id} completes a paper period it is not in");
                entry.PaperCompletedAt = completed.At;
                break;
            case CandidateWentLive live:
                var going = Get(live.Id);
                if (going.PaperCompletedAt is null) throw Damaged($"candidate {live.Id} goes live before completing its paper period");
                Move(live.Id, CandidateStage.Live).LiveSince = live.At;
                break;
            case PaperDayRecorded day:
                PaperEntry(day.Id, day.Date, "records").PaperDays.Add(day);
                break;
            case PaperDaySkipped skipped:
                PaperEntry(skipped.Id, skipped.Date, "skips").PaperSkips.Add(skipped);
                break;
            default:
                throw new ArgumentException($"{@event.GetType().Name} is not a promotion event.", nameof(@event));
        }
    }

    /// <summary>
    /// The paper days of <paramref name="id"/> at <paramref name="now"/>: the trading days its trial recorded, or (without
    /// paper accounts) whole calendar days since it went to paper; 0 when it never did.
    /// </summary>
    public int PaperDays(string id, DateTimeOffset now)
    {
        var entry = Get(id);
        if (recordedDays) return entry.PaperDays.Count;
        return entry.PaperSince is { } since ? Math.Max(0, (int)Math.Floor((now - since).TotalDays)) : 0;
    }

    /// <summary>True when the candidate is on paper (its trial runs).</summary>
    public bool IsOnPaper(string id) => _entries.TryGetValue(id, out var entry) && entry.Stage == CandidateStage.Paper;

    /// <summary>The candidates on paper, in id order.</summary>
    public IReadOnlyList<string> OnPaper() => [.. _entries.Values.Where(e => e.Stage == CandidateStage.Paper).Select(e => e.Proposed.Id)];

    /// <summary>The last date booked for <paramref name="id"/> on paper (recorded or skipped), or null.</summary>
    public DateOnly? LastPaperDate(string id)
    {
        var entry = Get(id);
        DateOnly? recorded = entry.PaperDays.Count > 0 ? entry.PaperDays[^1].Date : null;
        DateOnly? skipped = entry.PaperSkips.Count > 0 ? entry.PaperSkips[^1].Date : null;
        return recorded > skipped || skipped is null ? recorded : skipped;
    }

    /// <summary>Where the paper trial of <paramref name="id"/> stands, for the trial to resume from.</summary>
    public PaperTrialCursor PaperCursor(string id)
    {
        if (!_entries.TryGetValue(id, out var entry) || entry.Stage != CandidateStage.Paper)
            return new PaperTrialCursor(id, false, entry?.Proposed.Strategy ?? "", new Dictionary<string, double>(), default, null, null);
        return new PaperTrialCursor(id, true, entry.Proposed.Strategy, entry.Proposed.Parameters, entry.PaperSince!.Value, LastPaperDate(id),
            entry.PaperDays.Count > 0 ? entry.PaperDays[^1].Nav : null, entry.Proposed.Rule);
    }

    /// <summary>Candidates on paper whose required days have passed at <paramref name="now"/> but whose completion is not journaled yet.</summary>
    public IReadOnlyList<CandidatePaperCompleted> DuePaperCompletions(DateTimeOffset now, int requiredDays) =>
        [.. _entries.Values
            .Where(e => e.Stage == CandidateStage.Paper && e.PaperCompletedAt is null && PaperDays(e.Proposed.Id, now) >= requiredDays)
            .Select(e => new CandidatePaperCompleted(e.Proposed.Id, PaperDays(e.Proposed.Id, now), e.PaperSince!.Value, now))];

    /// <summary>
    /// Why <paramref name="id"/> may not move to <paramref name="target"/> now (null when it may), naming the fix. Live needs
    /// the paper days and a paper record that passes <paramref name="checks"/> (when given).
    /// </summary>
    public string? Refusal(string id, CandidateStage target, DateTimeOffset now, int requiredDays, PaperTrialSettings? checks = null)
    {
        var entry = Get(id);
        if (target is not (CandidateStage.Paper or CandidateStage.Live))
            return $"Refused: a candidate is promoted to paper or live, not to {Name(target)}. Fix: actortrader research promote {id} --to paper|live.";
        if (entry.Stage == target) return $"Refused: candidate {id} is already {Name(target)}.";
        switch (entry.Stage)
        {
            case CandidateStage.Rejected:
                return $"Refused: candidate {id} failed out-of-sample validation ({string.Join(" ", entry.Validation?.Evidence.Reasons ?? [])}); it cannot be promoted.";
            case CandidateStage.Live:
                return $"Refused: candidate {id} is already live.";
            case CandidateStage.Candidate:
                return $"Refused: candidate {id} has not been validated out of sample yet. Fix: wait for its validation (actortrader research candidates shows it).";
        }
        if (target == CandidateStage.Live && entry.Stage == CandidateStage.Validated)
        {
            return $"Refused: candidate {id} is validated but has not run on paper; live needs {requiredDays} day(s) on paper first. " +
                $"Fix: actortrader research promote {id} --to paper, then promote it to live after {requiredDays} day(s).";
        }
        if (target == CandidateStage.Live && entry.PaperCompletedAt is null)
        {
            var days = PaperDays(id, now);
            if (days < requiredDays && recordedDays)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"Refused: candidate {id} has run {days} of the {requiredDays} paper day(s) promotion.paper-days requires (trading days booked in its paper account since {entry.PaperSince:yyyy-MM-dd HH:mm}Z). Fix: promote it to live after {requiredDays - days} more session(s) on paper (actortrader research candidates shows its paper record).");
            }
            if (days < requiredDays)
            {
                var ready = entry.PaperSince!.Value.AddDays(requiredDays);
                return string.Create(CultureInfo.InvariantCulture,
                    $"Refused: candidate {id} has run on paper for {days} of the {requiredDays} day(s) promotion.paper-days requires (since {entry.PaperSince:yyyy-MM-dd HH:mm}Z). Fix: promote it to live after {ready:yyyy-MM-dd HH:mm}Z.");
            }
        }
        if (target == CandidateStage.Live && entry.Stage == CandidateStage.Paper && checks is not null &&
            PaperChecks.Refusal(id, PaperEvidence.From(entry.PaperDays, entry.PaperSkips), checks) is { } failed)
            return failed;
        return Transitions.Contains((entry.Stage, target)) ? null : $"Refused: candidate {id} cannot go from {Name(entry.Stage)} to {Name(target)}.";
    }

    /// <summary>The known id closest to <paramref name="id"/>, for "did you mean".</summary>
    public string? Suggest(string id) => ClosestKey.Find(id, _entries.Keys);

    public string UnknownMessage(string id)
    {
        if (_entries.Count == 0) return $"Unknown candidate \"{id}\": there are no candidates yet. Fix: run research until a population proposes one (actortrader research candidates lists them).";
        return $"Unknown candidate \"{id}\"; did you mean {Suggest(id)}? Fix: use an id from actortrader research candidates.";
    }

    /// <summary>The returns of every candidate on paper or live, in id order.</summary>
    public IReadOnlyList<PromotedSeries> Promoted() =>
        [.. _entries.Values
            .Where(e => e.Stage is CandidateStage.Paper or CandidateStage.Live)
            .Select(e => new PromotedSeries(e.Proposed.Id, e.Proposed.Strategy, e.Proposed.InSampleReturns, e.Proposed.InSampleTimes))];

    public CandidateView View(string id, DateTimeOffset now, int requiredDays)
    {
        var e = Get(id);
        var p = e.Proposed;
        return new CandidateView(p.Id, p.Strategy, e.Stage, p.RunId, p.Generation, p.Parameters, p.Fitness, p.Adjusted, p.Sharpe, e.Validation?.Evidence,
            p.At, e.PaperSince, PaperDays(id, now), requiredDays, e.PaperCompletedAt, e.LiveSince)
        {
            Rule = p.Rule,
            Paper = e.PaperSince is null ? null : PaperEvidence.From(e.PaperDays, e.PaperSkips),
        };
    }

    public IReadOnlyList<CandidateView> Views(DateTimeOffset now, int requiredDays) => [.. _entries.Keys.Select(id => View(id, now, requiredDays))];

    public CandidateStage StageOf(string id) => Get(id).Stage;

    private Entry Move(string id, CandidateStage to)
    {
        var entry = Get(id);
        if (!Transitions.Contains((entry.Stage, to))) throw Damaged($"candidate {id} moves from {Name(entry.Stage)} to {Name(to)}, which is not a legal step");
        entry.Stage = to;
        return entry;
    }

    /// <summary>The entry of a paper day's candidate: on paper, and the date after every date booked before.</summary>
    private Entry PaperEntry(string id, DateOnly date, string what)
    {
        var entry = Get(id);
        if (entry.Stage != CandidateStage.Paper) throw Damaged($"candidate {id} {what} paper day {date:yyyy-MM-dd} while {Name(entry.Stage)}");
        if (LastPaperDate(id) is { } last && date <= last) throw Damaged($"candidate {id} {what} paper day {date:yyyy-MM-dd} after booking {last:yyyy-MM-dd}");
        return entry;
    }

    private Entry Get(string id) =>
        _entries.TryGetValue(id, out var entry) ? entry : throw new KeyNotFoundException(UnknownMessage(id));

    public static string Name(CandidateStage stage) => stage.ToString().ToLowerInvariant();

    private static InvalidOperationException Damaged(string what) =>
        new($"The promotion journal is inconsistent: {what}. Fix: restore the journal from a backup.");

    private sealed class Entry(CandidateProposed proposed)
    {
        public CandidateProposed Proposed { get; } = proposed;

        public CandidateStage Stage { get; set; } = CandidateStage.Candidate;

        public (ValidationRecord Evidence, IReadOnlyDictionary<string, double> Incumbent)? Validation { get; set; }

        public DateTimeOffset? PaperSince { get; set; }

        public DateTimeOffset? PaperCompletedAt { get; set; }

        public DateTimeOffset? LiveSince { get; set; }

        public List<PaperDayRecorded> PaperDays { get; } = [];

        public List<PaperDaySkipped> PaperSkips { get; } = [];
    }
}
