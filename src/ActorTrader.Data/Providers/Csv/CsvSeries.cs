using ActorTrader.Domain.Bars;

namespace ActorTrader.Data.Providers.Csv;

/// <summary>
/// The daily bars of one ticker read from one file, ascending by date, and whether they are close-only.
/// <see cref="ListedOn"/> is set when the ticker's first value comes after the file's first date (a wide table's
/// blank-before-listing cells), which is evidence of when it started trading.
/// </summary>
internal sealed record CsvSeries(string Ticker, string File, DateOnly[] Dates, Bar[] Bars, bool IsCloseOnly, DateOnly? ListedOn);
