using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Cli.Data;

/// <summary>The calendar strict health uses for a symbol: crypto 24x7 on the CRYPTO exchange, NYSE hours for every US venue.</summary>
internal static class SymbolCalendars
{
    public static IMarketCalendar For(Symbol symbol) =>
        symbol.Exchange == Exchanges.Crypto ? MarketCalendars.Crypto : MarketCalendars.Nyse;
}
