using System.Runtime.InteropServices;

namespace ActorTrader.Node.Tests.EndToEnd;

/// <summary>Sends a real POSIX signal, as systemd or Ctrl+C would.</summary>
internal static partial class PosixSignals
{
    public const int SigKill = 9;
    public const int SigTerm = 15;

    // Linux numbers (x86-64 and arm64): pause a process as a long GC pause or a frozen VM would, and let it go on.
    public const int SigCont = 18;
    public const int SigStop = 19;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    public static void Send(int pid, int signal)
    {
        if (Kill(pid, signal) != 0) throw new InvalidOperationException($"kill({pid}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}.");
    }
}
