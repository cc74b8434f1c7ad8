using ActorTrader.Persistence.Serialization;
using ActorTrader.Research.Actors;
using ActorTrader.Research.Actors.Population;
using ActorTrader.Research.Promotion.Pipeline;
using ActorTrader.Research.Promotion.Pipeline.Paper;

namespace ActorTrader.Research.Tests.Actors;

/// <summary>The research journals' manifests: every persisted type has one, and none is ever renamed.</summary>
public sealed class ResearchEventsTests
{
    private static readonly EventSerializer Serializer = ResearchEvents.Register(new EventSerializer());

    [Fact]
    public void The_manifests_are_the_stable_names_old_journals_use()
    {
        Assert.Equal(
        [
            "research-candidate-paper-completed", "research-candidate-paper-day-recorded", "research-candidate-paper-day-skipped", "research-candidate-paper-started", "research-candidate-proposed", "research-candidate-rejected",
            "research-candidate-validated", "research-candidate-went-live", "research-generation-completed", "research-population-penalty-pinned",
            "research-population-snapshot", "research-population-stagnated", "research-population-started", "research-resumed", "research-run-started",
            "research-stopped",
        ], Serializer.Manifests.Where(m => m.StartsWith("research-", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(typeof(ResearchRunStarted))]
    [InlineData(typeof(ResearchStopped))]
    [InlineData(typeof(ResearchResumed))]
    [InlineData(typeof(PopulationStarted))]
    [InlineData(typeof(PenaltyPinned))]
    [InlineData(typeof(GenerationCompleted))]
    [InlineData(typeof(PopulationStagnated))]
    [InlineData(typeof(PopulationSnapshot))]
    [InlineData(typeof(CandidateProposed))]
    [InlineData(typeof(CandidateValidated))]
    [InlineData(typeof(CandidateRejected))]
    [InlineData(typeof(CandidatePaperStarted))]
    [InlineData(typeof(CandidatePaperCompleted))]
    [InlineData(typeof(CandidateWentLive))]
    [InlineData(typeof(PaperDayRecorded))]
    [InlineData(typeof(PaperDaySkipped))]
    public void Every_persisted_type_is_registered(Type type)
    {
        Assert.NotNull(Serializer.ManifestOf(type));
    }
}
