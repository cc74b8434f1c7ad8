using System.Runtime.InteropServices;

namespace ActorTrader.Node.Tests.EndToEnd;

/// <summary>Sends a real POSIX signal, as systemd or Ctrl+C would.</summary>
internal static partial class PosixSignals
{
    public const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    public static void Send(int pid, int signal)
    {
        if (Kill(pid, signal) != 0) throw new InvalidOperationException($"kill({pid}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}.");
    }
}
