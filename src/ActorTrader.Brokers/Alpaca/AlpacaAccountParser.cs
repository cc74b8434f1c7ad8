using System.Globalization;
using System.Text.Json;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Data.Providers.Alpaca;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Calendar;

namespace ActorTrader.Brokers.Alpaca;

/// <summary>
/// Reads the account, clock and calendar answers. The account is a cash account when Alpaca's <c>multiplier</c> is 1
/// (or absent: the stricter reading); calendar times are America/New_York wall-clock times made UTC here, and a
/// session closing before 16:00 is an early close. Unknown fields are ignored.
/// </summary>
internal static class AlpacaAccountParser
{
    private static readonly TimeOnly RegularClose = new(16, 0);

    public static BrokerAccount ParseAccount(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var account = document.RootElement;
        const string path = "account";
        AlpacaJson.RequireObject(account, path);
        var multiplier = AlpacaJson.OptionalDecimal(account, "multiplier", path) ?? 1m;
        var equity = AlpacaJson.RequiredDecimal(account, "equity", path);
        return new BrokerAccount(
            AccountId: AlpacaJson.OptionalString(account, "account_number", path) ?? AlpacaJson.RequiredString(account, "id", path),
            Kind: multiplier <= 1m ? AccountKind.Cash : AccountKind.Margin,
            Cash: AlpacaJson.RequiredDecimal(account, "cash", path),
            BuyingPower: AlpacaJson.RequiredDecimal(account, "buying_power", path),
            Equity: equity,
            LastEquity: AlpacaJson.OptionalDecimal(account, "last_equity", path) ?? equity,
            Status: AlpacaJson.OptionalString(account, "status", path) ?? "UNKNOWN",
            // Any of Alpaca's blocks stops new orders.
            TradingBlocked: AlpacaJson.OptionalBool(account, "trading_blocked", path)
                            || AlpacaJson.OptionalBool(account, "account_blocked", path)
                            || AlpacaJson.OptionalBool(account, "trade_suspended_by_user", path),
            PatternDayTrader: AlpacaJson.OptionalBool(account, "pattern_day_trader", path),
            Currency: AlpacaJson.OptionalString(account, "currency", path) ?? "USD");
    }

    public static BrokerClock ParseClock(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var clock = document.RootElement;
        const string path = "clock";
        AlpacaJson.RequireObject(clock, path);
        return new BrokerClock(
            Timestamp: AlpacaJson.RequiredTimestamp(clock, "timestamp", path),
            IsOpen: AlpacaJson.OptionalBool(clock, "is_open", path),
            NextOpen: AlpacaJson.RequiredTimestamp(clock, "next_open", path),
            NextClose: AlpacaJson.RequiredTimestamp(clock, "next_close", path));
    }

    public static IReadOnlyList<MarketSession> ParseCalendar(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
            throw new FormatException($"response is {root.ValueKind}, expected an array of calendar days.");
        var sessions = new List<MarketSession>(root.GetArrayLength());
        var index = 0;
        foreach (var day in root.EnumerateArray())
        {
            var path = $"calendar[{index}]";
            AlpacaJson.RequireObject(day, path);
            var date = Date(day, "date", path);
            var open = Time(day, "open", path);
            var close = Time(day, "close", path);
            sessions.Add(new MarketSession(date, NewYorkToUtc(date, open), NewYorkToUtc(date, close), close < RegularClose));
            index++;
        }
        return sessions;
    }

    private static DateTimeOffset NewYorkToUtc(DateOnly date, TimeOnly time) =>
        new(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time, DateTimeKind.Unspecified), ExchangeTimeZones.NewYork), TimeSpan.Zero);

    private static DateOnly Date(JsonElement owner, string name, string path)
    {
        var text = AlpacaJson.RequiredString(owner, name, path);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"{path}.{name} is \"{text}\", expected a date like 2024-03-04.");
    }

    private static TimeOnly Time(JsonElement owner, string name, string path)
    {
        var text = AlpacaJson.RequiredString(owner, name, path);
        return TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss", "HHmm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new FormatException($"{path}.{name} is \"{text}\", expected a time like 09:30.");
    }
}
