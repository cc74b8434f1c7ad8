using System.Collections.Concurrent;
using ActorTrader.Actors;
using ActorTrader.Research.Promotion.Pipeline;

namespace ActorTrader.Research.Tests.Actors;

/// <summary>
/// A promotion pipeline a test controls: it answers <see cref="GetPromotedReturns"/> with its promoted set (or holds the
/// answers until <see cref="ReleasePromoted"/>), records every proposal and, with auto-paper, promotes each at once —
/// publishing the new set to the proposer before it acknowledges, as the real pipeline does. A silent one records
/// proposals and never answers them (a pipeline that hangs or dies).
/// </summary>
internal sealed class FakePromotion : ReceiveActor
{
    private readonly List<IActorRef> _waiting = [];
    private List<PromotedSeries> _promoted;
    private bool _holding;

    public FakePromotion(IReadOnlyList<PromotedSeries> promoted, ConcurrentQueue<CandidateProposal> proposals, bool hold = false, bool autoPaper = false, bool silent = false)
    {
        _promoted = [.. promoted];
        _holding = hold;
        Receive<GetPromotedReturns>(_ =>
        {
            if (_holding) _waiting.Add(Sender);
            else Sender.Tell(new PromotedReturns([.. _promoted]), Self);
        });
        Receive<ReleasePromoted>(_ =>
        {
            _holding = false;
            foreach (var waiter in _waiting) waiter.Tell(new PromotedReturns([.. _promoted]), Self);
            _waiting.Clear();
        });
        Receive<ProposeCandidate>(propose =>
        {
            var p = propose.Proposal;
            proposals.Enqueue(p);
            if (silent) return;
            if (autoPaper && _promoted.All(s => s.Id != p.Id))
            {
                _promoted = [.. _promoted, new PromotedSeries(p.Id, p.Strategy, p.InSampleReturns, p.InSampleTimes)];
                Sender.Tell(new PromotedReturns([.. _promoted]), Self);
            }
            Sender.Tell(new CandidateRecorded(p.Id, autoPaper ? CandidateStage.Paper : CandidateStage.Validated, New: true), Self);
        });
    }

    public static Props Props(IReadOnlyList<PromotedSeries> promoted, ConcurrentQueue<CandidateProposal> proposals, bool hold = false, bool autoPaper = false,
        bool silent = false) =>
        ActorTrader.Actors.Props.Create(() => new FakePromotion(promoted, proposals, hold, autoPaper, silent));
}

/// <summary>Lets a held <see cref="FakePromotion"/> answer.</summary>
internal sealed record ReleasePromoted
{
    public static ReleasePromoted Instance { get; } = new();
}
