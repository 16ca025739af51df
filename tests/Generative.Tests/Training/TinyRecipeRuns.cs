using Generative.Data;

namespace Generative.Tests.Training;

/// <summary>Base of the tests that train tiny recipes through the notebooks' entry points: each test points $GENERATIVE_CHECKPOINTS
/// at a folder of its own and removes it afterwards; <see cref="Tiny"/> is 256 training and 200 test digits.</summary>
public abstract class TinyRecipeRuns : IDisposable
{
    readonly string dir = Path.Combine(Path.GetTempPath(), $"recipe-tests-{Guid.NewGuid():N}");
    readonly string? previous = Environment.GetEnvironmentVariable("GENERATIVE_CHECKPOINTS");

    /// <summary>The data every tiny run trains on.</summary>
    protected static readonly Lazy<Mnist> Tiny = new(() => Mnist.Load(null, trainLimit: 256, testLimit: 200, log: TextWriter.Null));

    /// <summary>Points the checkpoint cache at this test's own folder.</summary>
    protected TinyRecipeRuns() => Environment.SetEnvironmentVariable("GENERATIVE_CHECKPOINTS", dir);

    /// <summary>Restores the cache variable and deletes the folder.</summary>
    public void Dispose()
    {
        Environment.SetEnvironmentVariable("GENERATIVE_CHECKPOINTS", previous);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        GC.SuppressFinalize(this);
    }
}
