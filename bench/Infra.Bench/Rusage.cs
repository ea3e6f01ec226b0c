using System.Runtime.InteropServices;

namespace Infra.Bench;

/// <summary>The CPU time and peak memory of the processes this one has waited for (<c>getrusage(RUSAGE_CHILDREN)</c>).</summary>
internal static partial class Rusage
{
    private const int Children = -1;

    /// <summary>User plus system CPU time and the largest resident set, of every child waited for so far.</summary>
    public static (TimeSpan Cpu, long PeakBytes) OfChildren()
    {
        if (GetRusage(Children, out var usage) != 0)
        {
            throw new InvalidOperationException($"getrusage failed: {Marshal.GetLastPInvokeError()}");
        }

        var micros = ((usage.UserSeconds + usage.SystemSeconds) * 1_000_000) + usage.UserMicros + usage.SystemMicros;
        return (TimeSpan.FromMicroseconds(micros), usage.MaxResidentKb * 1024);
    }

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetRusage(int who, out Usage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct Usage
    {
        public long UserSeconds;
        public long UserMicros;
        public long SystemSeconds;
        public long SystemMicros;
        public long MaxResidentKb;
        public long Rest1, Rest2, Rest3, Rest4, Rest5, Rest6, Rest7, Rest8, Rest9, Rest10, Rest11, Rest12, Rest13;
    }
}
