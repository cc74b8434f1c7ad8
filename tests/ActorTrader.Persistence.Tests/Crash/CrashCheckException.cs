namespace ActorTrader.Persistence.Tests.Crash;

/// <summary>A crash-consistency violation; the trial runner adds the seed and trial so the run can be repeated.</summary>
internal sealed class CrashCheckException : Exception
{
    public CrashCheckException() { }

    public CrashCheckException(string message) : base(message) { }

    public CrashCheckException(string message, Exception innerException) : base(message, innerException) { }
}
