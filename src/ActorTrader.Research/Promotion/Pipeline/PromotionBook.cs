using System.Globalization;
using ActorTrader.Hocon;

namespace ActorTrader.Research.Promotion.Pipeline;

/// <summary>
/// The promotion actor's state: every candidate and its stage, built only by applying journaled events. The legal moves
/// are a table (<see cref="Transitions"/>); an event that makes an illegal move means the journal is damaged and throws.
/// Paper days are calendar days counted on the clock the caller passes (the actor system's scheduler).
/// </summary>
internal sealed class PromotionBook
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
            default:
                throw new ArgumentException($"{@event.GetType().Name} is not a promotion event.", nameof(@event));
        }
    }

    /// <summary>Whole calendar days <paramref name="id"/> has been on paper at <paramref name="now"/> (0 when not on paper).</summary>
    public int PaperDays(string id, DateTimeOffset now) =>
        Get(id).PaperSince is { } since ? Math.Max(0, (int)Math.Floor((now - since).TotalDays)) : 0;

    /// <summary>Candidates on paper whose required days have passed at <paramref name="now"/> but whose completion is not journaled yet.</summary>
    public IReadOnlyList<CandidatePaperCompleted> DuePaperCompletions(DateTimeOffset now, int requiredDays) =>
        [.. _entries.Values
            .Where(e => e.Stage == CandidateStage.Paper && e.PaperCompletedAt is null && PaperDays(e.Proposed.Id, now) >= requiredDays)
            .Select(e => new CandidatePaperCompleted(e.Proposed.Id, PaperDays(e.Proposed.Id, now), e.PaperSince!.Value, now))];

    /// <summary>Why <paramref name="id"/> may not move to <paramref name="target"/> now (null when it may), naming the fix.</summary>
    public string? Refusal(string id, CandidateStage target, DateTimeOffset now, int requiredDays)
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
            if (days < requiredDays)
            {
                var ready = entry.PaperSince!.Value.AddDays(requiredDays);
                return string.Create(CultureInfo.InvariantCulture,
                    $"Refused: candidate {id} has run on paper for {days} of the {requiredDays} day(s) promotion.paper-days requires (since {entry.PaperSince:yyyy-MM-dd HH:mm}Z). Fix: promote it to live after {ready:yyyy-MM-dd HH:mm}Z.");
            }
        }
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
            p.At, e.PaperSince, PaperDays(id, now), requiredDays, e.PaperCompletedAt, e.LiveSince);
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
    }
}
