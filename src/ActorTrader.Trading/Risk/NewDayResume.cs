namespace ActorTrader.Trading.Risk;

/// <summary>Whether <see cref="StartOfDay"/> returns a restricted account to ACTIVE (<c>actortrader.risk.new-day-resume</c>).</summary>
public enum NewDayResume
{
    /// <summary>Only an operator's <see cref="ResumeTrading"/> lifts a restriction.</summary>
    Off,

    /// <summary>A new day lifts REDUCING; HALTED still needs an operator.</summary>
    Reducing,

    /// <summary>A new day lifts REDUCING and HALTED.</summary>
    All,
}
