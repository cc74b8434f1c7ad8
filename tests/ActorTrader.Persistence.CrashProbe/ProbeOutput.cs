namespace ActorTrader.Persistence.CrashProbe;

/// <summary>
/// Writes protocol lines to stdout, one flushed write each, from any actor thread; failures go to stderr.
/// When stdout breaks (the test that read it is gone) <paramref name="readerGone"/> runs: a probe nobody reads must not keep writing.
/// </summary>
public sealed class ProbeOutput(TextWriter stdout, TextWriter stderr, Action<IOException> readerGone)
{
    private readonly Lock _writing = new();

    public void Write(ProbeLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.Format() + "\n";
        lock (_writing)
        {
            try
            {
                stdout.Write(text);
                stdout.Flush();
            }
            catch (IOException e)
            {
                readerGone(e);
            }
        }
    }

    public void Fail(string reason)
    {
        lock (_writing)
        {
            stderr.WriteLine(reason);
            stderr.Flush();
        }
    }
}
