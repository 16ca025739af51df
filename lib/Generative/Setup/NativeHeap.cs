using System.Runtime.InteropServices;

namespace Generative.Setup;

/// <summary>Tunes glibc's malloc, which libtorch's CPU tensors come from, so that a training step reuses the memory the last one freed.</summary>
/// <remarks>
/// With glibc's defaults, the megabyte-sized activations of each step are given back to the kernel when they are freed (munmap, or
/// trimming the top of the heap) and taken again, zeroed page by page, in the next step, until glibc's adaptive thresholds have
/// grown past them. Fixing high thresholds from the start keeps them in the process's heap: in a fresh process on the course
/// machine, the DCGAN's first epoch took 39 s instead of 65 s, with identical numbers; later epochs were unchanged. The same
/// settings can be given as MALLOC_MMAP_THRESHOLD_ and MALLOC_TRIM_THRESHOLD_, but only before the process starts, which a notebook
/// kernel does not allow. Elsewhere than glibc on Linux, nothing changes.
/// </remarks>
static partial class NativeHeap
{
    const int TrimThreshold = -1, TopPad = -2, MmapThreshold = -3;

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int Mallopt(int parameter, int value);

    /// <summary>True once glibc accepted the settings.</summary>
    public static bool Tuned { get; private set; }

    /// <summary>Applies the settings, once per process; the library's initializer calls it before torch allocates anything.</summary>
    public static void KeepFreedMemory()
    {
        if (!OperatingSystem.IsLinux() || Tuned) return;
        try
        {
            // 32 MiB is the largest mmap threshold glibc accepts on 64-bit; the heap keeps up to 1 GiB free at its top.
            Tuned = Mallopt(MmapThreshold, 32 << 20) == 1 & Mallopt(TrimThreshold, 1 << 30) == 1 & Mallopt(TopPad, 64 << 20) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // musl and other C libraries: their malloc has no such knobs, and the defaults only cost speed.
        }
    }
}
