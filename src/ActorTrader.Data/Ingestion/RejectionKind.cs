namespace ActorTrader.Data.Ingestion;

/// <summary>Why a symbol's bars were refused; the whole symbol is refused so no bad bar is ever written.</summary>
public enum RejectionKind
{
    /// <summary>A close-to-close return at or beyond the toxic threshold (e.g. ±500%).</summary>
    ToxicReturn,

    /// <summary>High below low, or open/close outside [low, high].</summary>
    InvalidOhlc,

    /// <summary>A price of zero or below.</summary>
    NonPositivePrice,

    /// <summary>A negative volume.</summary>
    NegativeVolume,

    /// <summary>Two bars with the same timestamp.</summary>
    DuplicateTimestamp,

    /// <summary>A bar earlier than the one before it.</summary>
    OutOfOrder,

    /// <summary>Too many calendar sessions without a bar (strict health).</summary>
    Unhealthy,

    /// <summary>The provider refused the request for good (unknown symbol, 4xx other than 429).</summary>
    ProviderRefused,

    /// <summary>The stored partition holds real bars and the run's provider is synthetic, or the reverse; the two are never mixed.</summary>
    MixesSyntheticAndReal,
}
