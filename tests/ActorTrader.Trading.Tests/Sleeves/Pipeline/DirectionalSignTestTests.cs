using ActorTrader.Trading.Sleeves.Pipeline;

namespace ActorTrader.Trading.Tests.Sleeves.Pipeline;

public sealed class DirectionalSignTestTests
{
    [Fact]
    public void Zero_raw_periods_are_not_observations()
    {
        var record = DirectionalSignTest.Certify("c", [0, 0.1, 0, -0.2], [0, -0.1, 0, 0.2]);

        Assert.Equal(2, record.Observations);
        Assert.Equal(2, record.Agreements);
    }

    [Fact]
    public void The_p_value_of_n_agreements_out_of_n_is_one_half_to_the_n()
    {
        // Exact binomial, one-sided: P(X ≥ n | n, ½) = ½ⁿ.
        var record = DirectionalSignTest.Certify("c", [0.1, -0.2, 0.3, -0.4, 0.5], [-0.1, 0.2, -0.3, 0.4, -0.5]);

        Assert.Equal(1.0 / 32, record.PValue!.Value, 12);
    }

    [Fact]
    public void One_violation_fails_the_candidate_and_names_the_period()
    {
        var record = DirectionalSignTest.Certify("c", [0.1, -0.2, 0.3], [-0.1, -0.2, -0.3]);

        Assert.False(record.Passed);
        Assert.Equal(1, record.Violations);
        Assert.Equal(1, record.FirstViolationPeriod);
        // P(X ≥ 2 | 3, ½) = 4/8.
        Assert.Equal(0.5, record.PValue!.Value, 12);
    }

    [Fact]
    public void A_leg_of_zero_against_a_non_zero_raw_return_is_a_violation()
    {
        var record = DirectionalSignTest.Certify("c", [0.1], [0.0]);

        Assert.False(record.Passed);
    }

    [Fact]
    public void A_candidate_without_non_zero_periods_passes_with_no_p_value()
    {
        var record = DirectionalSignTest.Certify("c", [0, 0], [0, 0]);

        Assert.True(record.Passed);
        Assert.Null(record.PValue);
    }
}
