using ActorTrader.Trading.Sleeves.Definition;
using ActorTrader.Trading.Sleeves.Pipeline;

namespace ActorTrader.Trading.Tests.Sleeves.Pipeline;

public sealed class StrategySynthesisTests
{
    private static readonly ReturnAxis Axis = Streams.Axis(6, "AAA", "BBB");
    private static readonly SynthesisSettings ShortLegsOn = new(true, true);

    [Fact]
    public void A_short_leg_is_the_negated_raw_stream_clipped_at_an_upper_raw_return_of_one()
    {
        var raw = new[] { 0.02, -0.03, 0.0, 1.5, -0.5, 1.0 };
        var candidate = Streams.Candidate("s", "AAA", CandidateDirection.Short, raw);

        var result = StrategySynthesis.Apply([candidate], ShortLegsOn, Axis);

        // −min(R_raw, 1.0): a raw gain of 150% costs the short 100%, not 150%.
        Assert.Equal([-0.02, 0.03, 0.0, -1.0, 0.5, -1.0], Assert.Single(result.Legs).Returns.ToArray());
        Assert.Equal(1, result.Audit.ClippedPeriods);
    }

    [Fact]
    public void A_long_candidate_keeps_its_raw_stream()
    {
        var raw = new[] { 0.02, -0.03, 0.0, 1.5, -0.5, 1.0 };

        var result = StrategySynthesis.Apply([Streams.Candidate("s", "AAA", CandidateDirection.Long, raw)], ShortLegsOn, Axis);

        Assert.Equal(raw, Assert.Single(result.Legs).Returns.ToArray());
        Assert.Empty(result.SignTest.Candidates);
    }

    [Fact]
    public void With_short_legs_off_short_candidates_are_dropped_and_named()
    {
        var longOne = Streams.Candidate("s", "AAA", CandidateDirection.Long, [0.01, 0.02, 0, 0, 0, 0]);
        var shortOne = Streams.Candidate("s", "BBB", CandidateDirection.Short, [0.01, 0.02, 0, 0, 0, 0]);

        var result = StrategySynthesis.Apply([longOne, shortOne], new SynthesisSettings(false, true), Axis);

        Assert.Equal([longOne.Id], result.Legs.Select(l => l.Id));
        Assert.Equal(shortOne.Id, Assert.Single(result.Dropped).Id);
        Assert.Equal([shortOne.Id], result.Audit.DroppedShortCandidates);
    }

    [Fact]
    public void A_correct_inversion_passes_the_directional_sign_test()
    {
        var candidate = Streams.Candidate("s", "AAA", CandidateDirection.Short, [0.02, -0.03, 0.0, 1.5, -0.5, 1.0]);

        var result = StrategySynthesis.Apply([candidate], ShortLegsOn, Axis);

        var certificate = Assert.Single(result.SignTest.Candidates);
        Assert.Equal((5, 5, 0, true), (certificate.Observations, certificate.Agreements, certificate.Violations, certificate.Passed));
        Assert.True(result.SignTest.Passed);
        Assert.False(result.GateFailed);
    }

    [Fact]
    public void A_double_inverted_leg_is_caught_and_fails_the_gate()
    {
        var candidate = Streams.Candidate("s", "AAA", CandidateDirection.Short, [0.02, -0.03, 0.0, 1.5, -0.5, 1.0]);
        // A bug that inverts twice hands the raw (long) stream over as the short leg.
        static double DoubleInverted(double raw) => -ShortLeg.Invert(raw);

        var result = StrategySynthesis.Apply([candidate], ShortLegsOn, Axis, DoubleInverted);

        var certificate = Assert.Single(result.SignTest.Candidates);
        Assert.Equal((5, 0, 5, false), (certificate.Observations, certificate.Agreements, certificate.Violations, certificate.Passed));
        Assert.Equal(0, certificate.FirstViolationPeriod);
        Assert.Equal(Axis.Dates[0], certificate.FirstViolationDate);
        Assert.Equal([candidate.Id], result.SignTest.Failed);
        Assert.True(result.GateFailed);
    }

    [Fact]
    public void With_the_gate_off_a_violation_is_recorded_but_does_not_fail_the_gate()
    {
        var candidate = Streams.Candidate("s", "AAA", CandidateDirection.Short, [0.02, -0.03, 0.0, 0.4, -0.5, 0.1]);

        var result = StrategySynthesis.Apply([candidate], new SynthesisSettings(true, false), Axis, raw => -ShortLeg.Invert(raw));

        Assert.False(result.SignTest.Passed);
        Assert.False(result.GateFailed);
    }
}
