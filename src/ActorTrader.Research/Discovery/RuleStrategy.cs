using ActorTrader.Domain.Bars;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Signals;

namespace ActorTrader.Research.Discovery;

/// <summary>
/// A discovered <see cref="TradingRule"/> as a strategy: long each symbol while the rule holds it (entry fired, exit not
/// yet), each held symbol at an equal weight of 1 / (symbols in the panel), the rest in cash; no parameters. Daily bars.
/// <para>
/// The rule is causal (<see cref="RuleEvaluator"/>: a position at bar t reads closes 0..t only), so its positions over a
/// whole panel are those of every point-in-time view of it. Built with a panel, it computes them once and each decision on
/// that panel reads its bar — what research does, where one evaluation makes hundreds of decisions. Any other panel (a
/// sleeve's, a paper account's) is evaluated from the point-in-time closes at each decision, with the same result.
/// </para>
/// <para>
/// <see cref="Discovery"/> is the strategy the discovery population goes by (journal, status, candidates): its rule is
/// the incumbent discovered rules are validated against, equal-weight buy and hold.
/// </para>
/// </summary>
public sealed class RuleStrategy : IStrategy
{
    /// <summary>The name of the discovery population and its strategy.</summary>
    public const string DiscoveryName = "discovery";

    /// <summary>Equal-weight buy and hold as a rule: enter at every symbol's first close, never exit.</summary>
    public const string BuyAndHoldText = "entry: gt(close, 0); exit: lt(close, 0)";

    private static readonly ParameterSpace NoParameters = new([]);
    private readonly BarPanel? _panel;
    private readonly int[][]? _positions;

    /// <param name="name">The strategy's name (the population's, for a discovered rule).</param>
    /// <param name="rule">The rule.</param>
    /// <param name="panel">The panel most decisions will be on (its positions are computed here), or null.</param>
    public RuleStrategy(string name, TradingRule rule, BarPanel? panel = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(rule);
        Name = name;
        Rule = rule;
        if (panel is null) return;
        _panel = panel;
        _positions = new int[panel.SymbolCount][];
        for (var s = 0; s < panel.SymbolCount; s++) _positions[s] = RuleEvaluator.Positions(rule, panel, panel.Symbols[s]);
    }

    /// <summary>The discovery population's strategy: <see cref="DiscoveryName"/>, equal-weight buy and hold.</summary>
    public static RuleStrategy Discovery { get; } = new(DiscoveryName, TradingRule.Parse(BuyAndHoldText));

    public string Name { get; }

    public TradingRule Rule { get; }

    public string Description => $"Discovered rule, long/flat, equal weight: {Rule}";

    public StrategyRequirements Requirements { get; } = new(Timeframe.Day1, MinimumHistory: 1);

    public ParameterSpace Parameters => NoParameters;

    public SignalSet Evaluate(PointInTimePanel panel, ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(parameters);
        NoParameters.Validate(parameters, Name);
        var weight = 1.0 / panel.SymbolCount;
        var signals = new List<StrategySignal>();
        var known = IsBuiltOn(panel);
        for (var s = 0; s < panel.SymbolCount; s++)
        {
            var held = known ? _positions![s][panel.Now] : HeldAt(panel, s);
            if (held == 1) signals.Add(new StrategySignal(panel.Symbols[s], weight));
        }
        return new SignalSet(panel.DecisionTime, signals);
    }

    // The symbol list is the panel's own (one instance per panel), so it identifies the panel the positions belong to.
    private bool IsBuiltOn(PointInTimePanel panel) =>
        _panel is not null && ReferenceEquals(panel.Symbols, _panel.Symbols) && panel.Now < _panel.TimeCount && panel.DecisionTime == _panel.Times[panel.Now];

    /// <summary>The rule's position at the decision bar from the visible closes (leading gaps flat, later gaps repeat the last close).</summary>
    private int HeldAt(PointInTimePanel panel, int symbol)
    {
        var closes = panel.Close(symbol);
        var first = 0;
        while (first < closes.Length && !double.IsFinite(closes[first])) first++;
        if (first == closes.Length) return 0;
        var filled = new double[closes.Length - first];
        for (var t = 0; t < filled.Length; t++)
        {
            var c = closes[first + t];
            filled[t] = double.IsFinite(c) ? c : filled[t - 1];
        }
        return RuleEvaluator.Positions(Rule, filled)[^1];
    }
}
