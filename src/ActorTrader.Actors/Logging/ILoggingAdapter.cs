namespace ActorTrader.Actors;

/// <summary>Actor logging (Akka's <c>ILoggingAdapter</c>) over Serilog message templates.</summary>
public interface ILoggingAdapter
{
    bool IsDebugEnabled { get; }

    void Debug(string template, params object?[] args);

    void Info(string template, params object?[] args);

    void Warning(string template, params object?[] args);

    void Error(string template, params object?[] args);

    void Error(Exception exception, string template, params object?[] args);
}
