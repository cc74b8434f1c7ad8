using System.Globalization;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Instruments;
using ActorTrader.Hocon;

namespace ActorTrader.Brokers.Paper;

/// <summary>
/// How the <see cref="PaperBroker"/> simulates an account (<c>actortrader.broker.paper</c>); the defaults equal
/// hocon/reference.conf. The account defaults to margin, like an Alpaca paper account, so the short legs strategies
/// produce can be placed; set <see cref="AccountKind"/> to cash for an account that can neither short nor borrow.
/// </summary>
public sealed record PaperBrokerSettings
{
    public const string Section = "actortrader.broker.paper";

    /// <summary>File name of the paper account under the node's data directory.</summary>
    public const string DefaultStateFile = "paper-broker.db";

    /// <summary>The SQLite file holding the paper account (absolute after <see cref="Read"/>).</summary>
    public required string StateFile { get; init; }

    /// <summary>The account id reported by <see cref="PaperBroker.GetAccountAsync"/>.</summary>
    public string AccountId { get; init; } = "paper";

    /// <summary>Cash of a new account; ignored once the state file exists (the file is the truth).</summary>
    public decimal InitialCash { get; init; } = 100_000m;

    /// <summary>Cash (no shorting, no borrowing) or margin. Fixed when the state file is created.</summary>
    public AccountKind AccountKind { get; init; } = AccountKind.Margin;

    /// <summary>Margin accounts: gross exposure may reach this multiple of equity.</summary>
    public decimal MarginMultiplier { get; init; } = 2m;

    /// <summary>Basis points a fill moves against the trader from the quote (buys higher, sells lower).</summary>
    public decimal SlippageBps { get; init; } = 5m;

    /// <summary>Commission in basis points of a fill's notional.</summary>
    public decimal CommissionBps { get; init; } = 1m;

    /// <summary>Commission per unit filled, added to the basis-point part.</summary>
    public decimal CommissionPerShare { get; init; }

    /// <summary>The least commission one order pays in total (charged with its first fill).</summary>
    public decimal MinCommission { get; init; }

    /// <summary>Share of a quote's volume the paper orders on that quote may fill together, in (0, 1].</summary>
    public decimal MaxParticipation { get; init; } = 0.1m;

    /// <summary>The symbols the broker knows; empty means every symbol is a tradable asset.</summary>
    public IReadOnlyList<Symbol> Assets { get; init; } = [];

    /// <summary>Symbols that cannot be sold short (on a margin account); every other asset is shortable.</summary>
    public IReadOnlyList<Symbol> NotShortable { get; init; } = [];

    /// <summary>The defaults with this state file.</summary>
    public static PaperBrokerSettings Default(string stateFile) => new() { StateFile = stateFile };

    /// <summary>Every reason these settings cannot run a paper account (empty when they can).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(StateFile)) problems.Add("state-file is empty; give the paper account a file.");
        if (string.IsNullOrWhiteSpace(AccountId)) problems.Add("account-id is empty.");
        if (InitialCash < 0) problems.Add($"initial-cash is {Text(InitialCash)}; it must be zero or more.");
        if (!Enum.IsDefined(AccountKind)) problems.Add($"account-kind {(int)AccountKind} is not cash or margin.");
        if (MarginMultiplier < 1) problems.Add($"margin-multiplier is {Text(MarginMultiplier)}; it must be at least 1.");
        if (SlippageBps is < 0 or >= 10_000) problems.Add($"slippage-bps is {Text(SlippageBps)}; it must be from 0 to below 10000.");
        if (CommissionBps is < 0 or >= 10_000) problems.Add($"commission-bps is {Text(CommissionBps)}; it must be from 0 to below 10000.");
        if (CommissionPerShare < 0) problems.Add($"commission-per-share is {Text(CommissionPerShare)}; it must be zero or more.");
        if (MinCommission < 0) problems.Add($"min-commission is {Text(MinCommission)}; it must be zero or more.");
        if (MaxParticipation is <= 0 or > 1) problems.Add($"max-participation is {Text(MaxParticipation)}; it must be above 0 and at most 1.");
        return problems;
    }

    /// <summary>Reads the settings; throws <see cref="PaperBrokerSettingsException"/> listing every problem found.</summary>
    public static PaperBrokerSettings FromConfig(Config config, string dataDirectory)
    {
        var (settings, problems) = Read(config, dataDirectory);
        if (problems.Count > 0) throw new PaperBrokerSettingsException(problems);
        return settings;
    }

    /// <summary>
    /// Reads <c>actortrader.broker.paper</c>; a relative state file is resolved against <paramref name="dataDirectory"/>.
    /// Bad values are reported (positioned, with the fix) and replaced by their defaults; missing keys take the defaults.
    /// </summary>
    public static (PaperBrokerSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(Config config, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        var log = new ConfigProblemLog(config);
        var d = Default(DefaultStateFile);
        const string s = Section + ".";

        var stateFile = log.ReadOptional(s + "state-file", config.GetString, d.StateFile, "a file path");
        if (string.IsNullOrWhiteSpace(stateFile))
        {
            log.Report(s + "state-file", $"{s}state-file is empty.", $"Set {s}state-file to a file name such as {DefaultStateFile}.");
            stateFile = d.StateFile;
        }
        var accountId = log.ReadOptional(s + "account-id", config.GetString, d.AccountId, "a string");
        if (string.IsNullOrWhiteSpace(accountId))
        {
            log.Report(s + "account-id", $"{s}account-id is empty.", $"Set {s}account-id to a name such as paper.");
            accountId = d.AccountId;
        }
        var kind = ReadKind(log, s + "account-kind", d.AccountKind);
        var settings = d with
        {
            StateFile = Path.GetFullPath(stateFile, Path.GetFullPath(dataDirectory)),
            AccountId = accountId.Trim(),
            AccountKind = kind,
            InitialCash = Number(log, s + "initial-cash", d.InitialCash, v => v >= 0, "zero or more, e.g. 100000"),
            MarginMultiplier = Number(log, s + "margin-multiplier", d.MarginMultiplier, v => v >= 1, "at least 1, e.g. 2"),
            SlippageBps = Number(log, s + "slippage-bps", d.SlippageBps, v => v is >= 0 and < 10_000, "from 0 to below 10000, e.g. 5"),
            CommissionBps = Number(log, s + "commission-bps", d.CommissionBps, v => v is >= 0 and < 10_000, "from 0 to below 10000, e.g. 1"),
            CommissionPerShare = Number(log, s + "commission-per-share", d.CommissionPerShare, v => v >= 0, "zero or more, e.g. 0.005"),
            MinCommission = Number(log, s + "min-commission", d.MinCommission, v => v >= 0, "zero or more, e.g. 1"),
            MaxParticipation = Number(log, s + "max-participation", d.MaxParticipation, v => v is > 0 and <= 1, "above 0 and at most 1, e.g. 0.1"),
            Assets = Symbols(log, s + "assets"),
            NotShortable = Symbols(log, s + "not-shortable"),
        };
        return (settings, log.Problems);
    }

    private static AccountKind ReadKind(ConfigProblemLog log, string key, AccountKind fallback)
    {
        var text = log.ReadOptional(key, log.Config.GetString, fallback == AccountKind.Cash ? "cash" : "margin", "cash or margin").Trim().ToLowerInvariant();
        switch (text)
        {
            case "cash": return AccountKind.Cash;
            case "margin": return AccountKind.Margin;
            default:
                var hint = ClosestKey.Find(text, ["cash", "margin"]);
                log.Report(key, $"{key} = \"{text}\" is not cash or margin.", $"Set {key} to cash or margin{(hint is null ? "" : $" (did you mean {hint}?)")}.");
                return fallback;
        }
    }

    // A value outside the range is reported and the default kept.
    private static decimal Number(ConfigProblemLog log, string key, decimal fallback, Func<decimal, bool> valid, string rule)
    {
        var value = log.ReadOptional(key, log.Config.GetDecimal, fallback, "a number");
        if (valid(value)) return value;
        log.Report(key, $"{key} = {Text(value)} is out of range.", $"Set {key} to a number {rule}.");
        return fallback;
    }

    private static IReadOnlyList<Symbol> Symbols(ConfigProblemLog log, string key)
    {
        var texts = log.ReadOptional(key, log.Config.GetStringList, [], "a list of EXCHANGE:TICKER symbols");
        var symbols = new SortedSet<Symbol>();
        foreach (var text in texts)
        {
            if (Symbol.TryParse(text, out var symbol, out var error)) symbols.Add(symbol);
            else log.Report(key, $"{key} lists \"{text}\": {error}", $"Write every entry of {key} as EXCHANGE:TICKER, e.g. NASDAQ:AAPL.");
        }
        return [.. symbols];
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
