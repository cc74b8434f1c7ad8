using ActorTrader.Domain.Calendar;

namespace ActorTrader.Domain.Tests.Calendar;

public sealed class CryptoCalendarTests
{
    [Fact]
    public void Every_day_of_a_year_is_a_session()
    {
        Assert.Equal(366, MarketCalendars.Crypto.Sessions(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)).Count);
    }

    [Fact]
    public void A_session_spans_the_whole_UTC_day()
    {
        var session = MarketCalendars.Crypto.SessionOn(new DateOnly(2024, 3, 10))!;

        Assert.Equal(new DateTimeOffset(2024, 3, 10, 0, 0, 0, TimeSpan.Zero), session.Open);
        Assert.Equal(new DateTimeOffset(2024, 3, 11, 0, 0, 0, TimeSpan.Zero), session.Close);
    }

    [Fact]
    public void The_market_is_open_on_a_Sunday_and_on_Christmas()
    {
        Assert.True(MarketCalendars.Crypto.IsOpen(new DateTimeOffset(2024, 6, 16, 3, 0, 0, TimeSpan.Zero)));
        Assert.True(MarketCalendars.Crypto.IsOpen(new DateTimeOffset(2024, 12, 25, 15, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Next_session_is_the_current_UTC_day()
    {
        var instant = new DateTimeOffset(2024, 6, 16, 23, 59, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2024, 6, 16), MarketCalendars.Crypto.NextSession(instant).Date);
    }

    [Fact]
    public void Local_dates_are_UTC_dates_whatever_the_instant_offset()
    {
        var instant = new DateTimeOffset(2024, 6, 16, 22, 0, 0, TimeSpan.FromHours(-5));

        Assert.Equal(new DateOnly(2024, 6, 17), MarketCalendars.Crypto.LocalDate(instant));
    }
}
