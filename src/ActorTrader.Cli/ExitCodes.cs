namespace ActorTrader.Cli;

/// <summary>The exit codes of <c>actortrader</c>; scripts may rely on them.</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>config-check found problems, the configuration cannot be loaded, or the node refused the request (e.g. rebalance while halted).</summary>
    public const int Problems = 1;

    /// <summary>The command line is wrong (unknown command or option, missing value).</summary>
    public const int Usage = 2;

    /// <summary>No node is answering at the address from the configuration.</summary>
    public const int NodeNotRunning = 3;

    /// <summary>The node rejected the token (401), or the token file cannot be used.</summary>
    public const int Unauthorized = 4;

    /// <summary>The node answered with an unexpected error.</summary>
    public const int NodeError = 5;
}
