using System.Globalization;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Brokers.Paper;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Research.Promotion.Pipeline.Paper;

/// <summary>One paper day to run: the candidate, its strategy and parameters, the bars, the session and the previous paper day's NAV.</summary>
internal sealed record PaperDayJob(
    string Id,
    IStrategy Strategy,
    ParameterSet Parameters,
    BarPanel Panel,
    string Source,
    MarketSession Session,
    decimal? PreviousNav,
    string AccountFile,
    PaperTrialSettings Settings);

/// <summary>
/// Runs one session of a candidate in its paper account, after the close, from bars up to that close only:
/// <list type="number">
/// <item>publishes the session's open and close of every symbol as quotes, so the orders placed at the previous paper
/// day's close fill at this open (with the account's slippage and commission);</item>
/// <item>cancels what an earlier day placed and did not fill (a symbol without an open price);</item>
/// <item>reads the NAV (equity at the close) and the day's fills;</item>
/// <item>evaluates the strategy on the point-in-time panel of the close, turns its targets into weights
/// (target ÷ max(1, Σ|target|), as the backtests do) and the weights into whole shares of the NAV at the close, and
/// places the difference to the positions as market orders good till canceled, for the next open.</item>
/// </list>
/// Everything is idempotent per date, so a day run again after a crash changes nothing twice: the account's clock is fixed
/// just after the close (quotes republished at or before it fill nothing new), and client order ids are
/// <c>yyyyMMdd-EXCHANGE-TICKER</c> (a second submission is refused by the account and the first order is reported).
/// </summary>
internal static class PaperDay
{
    public static async Task<PaperDayOutcome> RunAsync(PaperDayJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var panel = job.Panel;
        var session = job.Session;
        if (panel.Timeframe != Timeframe.Day1)
        {
            throw new InvalidOperationException(
                $"Paper trial of {job.Id}: the bars of {job.Source} are {panel.Timeframe}, and a paper day needs daily bars. Fix: run paper trials on daily data (actortrader.research.data).");
        }
        var t = IndexOf(panel, session.Date);
        if (t < 0)
        {
            var last = panel.TimeCount == 0 ? (DateOnly?)null : DateOf(panel.Times[^1]);
            return last is { } end && end > session.Date
                ? new PaperDayGap(new PaperDaySkipped(job.Id, session.Date,
                    $"{job.Source} has no bar dated {Iso(session.Date)} although it has later ones (a gap in the data); the session is not a paper day", default))
                : new PaperDayStale(session.Date, last is { } e
                    ? $"{job.Source} ends at {Iso(e)}, before the session of {Iso(session.Date)} (stale data); the day waits for its bar"
                    : $"{job.Source} holds no bars; the day waits for its bar");
        }

        var settings = new PaperBrokerSettings
        {
            StateFile = job.AccountFile,
            AccountId = job.Id,
            InitialCash = job.Settings.InitialCash,
            AccountKind = AccountKind.Margin,
            SlippageBps = job.Settings.SlippageBps,
            CommissionBps = job.Settings.CommissionBps,
        };
        // Strictly after the close: a close quote published again on a rerun is older than the day's orders and cannot fill them.
        var placedAt = session.Close.AddSeconds(1);
        await using var broker = new PaperBroker(settings, new SessionTime(placedAt));

        await broker.PublishQuotesAsync(Quotes(panel, t, session), cancellationToken).ConfigureAwait(false);
        var prefix = ClientOrderPrefix(session.Date);
        foreach (var stale in await broker.GetOrdersAsync(new OrderQuery(OrderQueryStatus.Open, Limit: 10_000), cancellationToken).ConfigureAwait(false))
        {
            if (!stale.ClientOrderId.StartsWith(prefix, StringComparison.Ordinal)) await broker.CancelOrderAsync(stale.BrokerOrderId, cancellationToken).ConfigureAwait(false);
        }
        var fills = broker.Executions()
            .Where(e => e.Time >= session.Open && e.Time <= session.Close)
            .Select(e => new PaperFillRecord(e.ExecutionId, e.ClientOrderId, e.Symbol.ToString(), e.Side.ToWire(), e.Quantity, e.Price, e.Commission, e.Time))
            .ToList();
        var account = await broker.GetAccountAsync(cancellationToken).ConfigureAwait(false);
        var nav = account.Equity;

        var weights = Weights(job, t);
        var held = (await broker.GetPositionsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.Symbol, p => p.Quantity);
        var orders = new List<PaperOrderRecord>();
        foreach (var symbol in panel.Symbols.Concat(held.Keys).Distinct().Order())
        {
            var s = panel.IndexOf(symbol);
            var close = s < 0 ? double.NaN : panel.AsOf(t).CloseAt(s, t);
            // Without a price at this close the position is left as it is: no order is sized on a price not known.
            if (!double.IsFinite(close) || close <= 0) continue;
            var weight = s < 0 ? 0 : weights[s];
            var target = decimal.Truncate((decimal)weight * nav / (decimal)close);
            var delta = target - held.GetValueOrDefault(symbol);
            if (delta == 0) continue;
            orders.Add(await PlaceAsync(broker, OrderRequest.Market(prefix + symbol.Exchange + "-" + symbol.Ticker, symbol,
                delta > 0 ? OrderSide.Buy : OrderSide.Sell, Math.Abs(delta), TimeInForce.Gtc), cancellationToken).ConfigureAwait(false));
        }

        var dayReturn = job.PreviousNav is { } previous && previous > 0 ? (double)(nav / previous) - 1 : 0;
        return new PaperDayDone(new PaperDayRecorded(job.Id, session.Date, session.Close, nav, dayReturn, account.Cash, orders, fills, default));
    }

    /// <summary>The client order id prefix of a paper day: <c>yyyyMMdd-</c>.</summary>
    public static string ClientOrderPrefix(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-";

    /// <summary>The bar of <paramref name="date"/> (UTC date of the bar's time, as the research windows count), or -1.</summary>
    public static int IndexOf(BarPanel panel, DateOnly date)
    {
        for (var t = panel.TimeCount - 1; t >= 0; t--)
        {
            var d = DateOf(panel.Times[t]);
            if (d == date) return t;
            if (d < date) break;
        }
        return -1;
    }

    private static List<MarketQuote> Quotes(BarPanel panel, int t, MarketSession session)
    {
        var view = panel.AsOf(t);
        var opens = new List<MarketQuote>();
        var closes = new List<MarketQuote>();
        for (var s = 0; s < panel.SymbolCount; s++)
        {
            if (Price(view.OpenAt(s, t)) is { } open) opens.Add(new MarketQuote(panel.Symbols[s], open, session.Open));
            if (Price(view.CloseAt(s, t)) is { } close) closes.Add(new MarketQuote(panel.Symbols[s], close, session.Close));
        }
        return [.. opens, .. closes];
    }

    /// <summary>The strategy's weights at the close of bar <paramref name="t"/> (flat during its warm-up), as the backtests normalise them.</summary>
    private static double[] Weights(PaperDayJob job, int t)
    {
        var panel = job.Panel;
        var weights = new double[panel.SymbolCount];
        if (t < Math.Max(0, job.Strategy.Requirements.MinimumHistory - 1)) return weights;
        var set = job.Strategy.Evaluate(panel.AsOf(t), job.Parameters);
        foreach (var signal in set.Signals)
        {
            var s = panel.IndexOf(signal.Symbol);
            if (s < 0) throw new InvalidOperationException($"Paper trial of {job.Id}: {job.Strategy.Name} signalled {signal.Symbol}, which is not in the bars of {job.Source}.");
            weights[s] = signal.Target;
        }
        var scale = 1 / Math.Max(1, weights.Sum(Math.Abs));
        for (var s = 0; s < weights.Length; s++) weights[s] *= scale;
        return weights;
    }

    private static async Task<PaperOrderRecord> PlaceAsync(PaperBroker broker, OrderRequest request, CancellationToken cancellationToken)
    {
        var symbol = request.Symbol.ToString();
        var side = request.Side.ToWire();
        try
        {
            var order = await broker.SubmitOrderAsync(request, cancellationToken).ConfigureAwait(false);
            return new PaperOrderRecord(order.ClientOrderId, symbol, side, order.Quantity, order.Status.ToWire());
        }
        catch (BrokerDuplicateClientOrderIdException)
        {
            // Placed by an earlier run of this day: report that order as it stands.
            var existing = await broker.GetOrderByClientIdAsync(request.ClientOrderId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The paper account refused {request.ClientOrderId} as a duplicate but has no order with that id.");
            return new PaperOrderRecord(existing.ClientOrderId, symbol, existing.Side.ToWire(), existing.Quantity, existing.Status.ToWire());
        }
        catch (BrokerRejectedException e)
        {
            return new PaperOrderRecord(request.ClientOrderId, symbol, side, request.Quantity, OrderStatus.Rejected.ToWire(), e.Message);
        }
    }

    private static decimal? Price(double value) => double.IsFinite(value) && value > 0 ? (decimal)value : null;

    private static DateOnly DateOf(DateTimeOffset time) => DateOnly.FromDateTime(time.UtcDateTime);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
