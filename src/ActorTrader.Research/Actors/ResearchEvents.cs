using ActorTrader.Persistence.Serialization;
using ActorTrader.Research.Actors.Population;
using ActorTrader.Research.Promotion.Pipeline;
using ActorTrader.Research.Promotion.Pipeline.Paper;

namespace ActorTrader.Research.Actors;

/// <summary>The stable manifest names of every research event and snapshot; never rename one (old journals use it).</summary>
public static class ResearchEvents
{
    public static EventSerializer Register(EventSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        return serializer
            .Register<ResearchRunStarted>("research-run-started")
            .Register<ResearchStopped>("research-stopped")
            .Register<ResearchResumed>("research-resumed")
            .Register<PopulationStarted>("research-population-started")
            .Register<GenerationCompleted>("research-generation-completed")
            .Register<PopulationStagnated>("research-population-stagnated")
            .Register<PenaltyPinned>("research-population-penalty-pinned")
            .Register<PopulationSnapshot>("research-population-snapshot")
            .Register<CandidateProposed>("research-candidate-proposed")
            .Register<CandidateValidated>("research-candidate-validated")
            .Register<CandidateRejected>("research-candidate-rejected")
            .Register<CandidatePaperStarted>("research-candidate-paper-started")
            .Register<CandidatePaperCompleted>("research-candidate-paper-completed")
            .Register<CandidateWentLive>("research-candidate-went-live")
            .Register<PaperDayRecorded>("research-candidate-paper-day-recorded")
            .Register<PaperDaySkipped>("research-candidate-paper-day-skipped");
    }
}
