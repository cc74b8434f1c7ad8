using ActorTrader.Trading.Host;
using ActorTrader.Trading.Risk;

namespace ActorTrader.Trading.Tests.Host;

public sealed class GateInputsTests
{
    private static readonly OperatorHalt NotHalted = OperatorHalt.Active;
    private static readonly GateInputs AllGood = new(true, "rec-1", NotHalted, TradingState.Active, "no restriction");

    [Fact]
    public void Nothing_known_refuses_and_names_every_missing_input()
    {
        var permission = new GateInputs().Permission();

        Assert.False(permission.Allowed);
        Assert.Contains("the operator's halt state", permission.Reason, StringComparison.Ordinal);
        Assert.Contains("startup reconciliation", permission.Reason, StringComparison.Ordinal);
        Assert.Contains("the risk manager's state", permission.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("halt")]
    [InlineData("reconciliation")]
    [InlineData("risk")]
    public void One_unknown_input_is_enough_to_refuse(string missing)
    {
        var inputs = missing switch
        {
            "halt" => AllGood with { Halt = null },
            "reconciliation" => AllGood with { Reconciled = null },
            _ => AllGood with { Risk = null },
        };

        Assert.False(inputs.Permission().Allowed);
    }

    [Fact]
    public void Reconciled_not_halted_and_risk_active_allows_everything()
    {
        var permission = AllGood.Permission();

        Assert.True(permission.Allowed);
        Assert.False(permission.ReducingOnly);
    }

    [Fact]
    public void An_operator_halt_refuses_whatever_risk_and_reconciliation_say()
    {
        var permission = (AllGood with { Halt = new OperatorHalt(true, "earnings", DateTimeOffset.UnixEpoch, "operator") }).Permission();

        Assert.False(permission.Allowed);
        Assert.Contains("earnings", permission.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_reconciliation_refuses_with_its_reason()
    {
        var permission = (AllGood with { Reconciled = false, ReconciliationNote = "Positions: broker unreachable" }).Permission();

        Assert.False(permission.Allowed);
        Assert.Contains("broker unreachable", permission.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Risk_reducing_allows_only_orders_that_reduce_exposure()
    {
        var permission = (AllGood with { Risk = TradingState.Reducing }).Permission();

        Assert.True(permission.Allowed);
        Assert.True(permission.ReducingOnly);
    }

    [Fact]
    public void Risk_halted_refuses()
    {
        Assert.False((AllGood with { Risk = TradingState.Halted }).Permission().Allowed);
    }

    [Fact]
    public void A_stopped_account_actor_refuses_even_when_everything_else_allows()
    {
        Assert.False((AllGood with { Stopped = "ledger" }).Permission().Allowed);
    }
}
