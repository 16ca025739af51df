using System.Diagnostics;
using Generative.Setup;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Foundation;

public class TorchLoadingTests
{
    [Fact, Trait("Category", "Slow")]
    public void A_fresh_console_process_loads_torchsharp_and_takes_an_optimizer_step()
    {
        var psi = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Prepare.dll"), "--no-data"])
            { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEnd();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, stdout + stderr);
        Assert.Contains("one SGD step: loss", stdout);
    }

    [Fact]
    public void Loading_the_library_on_linux_tells_glibc_malloc_to_keep_freed_tensor_memory()
    {
        if (!OperatingSystem.IsLinux()) return;   // the settings exist only for glibc
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(typeof(Generative.Course).Module.ModuleHandle);
        Assert.True(NativeHeap.Tuned, "glibc refused mallopt: training steps will give their memory back to the kernel and take it again");
    }

    [Fact]
    public void One_adam_step_in_the_test_process_lowers_the_loss()
    {
        var model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 1));
        var opt = optim.Adam(model.parameters(), 0.01);
        using var x = randn(64, 8, generator: new Generator(1));
        using var y = x.sum(1, keepdim: true);
        var before = nn.functional.mse_loss(model.call(x), y);
        opt.zero_grad();
        before.backward();
        opt.step();
        using var after = nn.functional.mse_loss(model.call(x), y);
        Assert.True(after.item<float>() < before.item<float>());
    }

    [Fact]
    public void The_patch_marks_only_the_missing_version_weak_and_is_idempotent()
    {
        var shipped = Directory.GetFiles(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages", "torchsharp"),
            "libLibTorchSharp.so", SearchOption.AllDirectories).First();
        var original = File.ReadAllBytes(shipped);
        var once = (byte[])original.Clone();
        Assert.Equal(1, ElfVersionPatch.MarkWeak(once, "GLIBCXX_3.4.32"));
        Assert.Equal(1, original.Zip(once).Count(p => p.First != p.Second));
        var twice = (byte[])once.Clone();
        ElfVersionPatch.MarkWeak(twice, "GLIBCXX_3.4.32");
        Assert.Equal(once, twice);
        Assert.Equal(0, ElfVersionPatch.MarkWeak((byte[])original.Clone(), "NO_SUCH_VERSION_1.0"));
    }

    [Fact]
    public void Non_elf_input_gets_a_clear_error()
    {
        var e = Assert.Throws<InvalidDataException>(() => ElfVersionPatch.MarkWeak(new byte[100], "GLIBCXX_3.4.32"));
        Assert.Contains("not an ELF file", e.Message);
    }
}
