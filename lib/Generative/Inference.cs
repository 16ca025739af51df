using TorchSharp;
using static TorchSharp.torch;

namespace Generative;

/// <summary>What metrics, latent tools and training all borrow: eval mode with the previous mode restored, and batched inference under no_grad.</summary>
static class Inference
{
    /// <summary>Puts <paramref name="module"/> (when it is a torch module) in eval mode; disposing the result restores training mode if it was on.</summary>
    public static IDisposable EvalMode(object module)
    {
        if (module is not nn.Module m || !m.training) return NoOp.Instance;
        m.eval();
        return new Restore(m);
    }

    /// <summary>The class probabilities [N, classes] <paramref name="classifier"/> gives <paramref name="images"/>, in eval mode and in batches.</summary>
    public static Tensor Probabilities(nn.Module<Tensor, Tensor> classifier, Tensor images, int batchSize = 500)
    {
        using var evalMode = EvalMode(classifier);
        return MapBatched(images, batchSize, x => nn.functional.softmax(classifier.forward(x), 1));
    }

    /// <summary>Runs <paramref name="map"/> over <paramref name="x"/> in slices of <paramref name="batchSize"/> rows, each under no_grad and its own dispose scope, and concatenates the results on the input's device.</summary>
    public static Tensor MapBatched(Tensor x, int batchSize, Func<Tensor, Tensor> map)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "the batch size must be at least 1");
        using var noGrad = no_grad();
        var parts = new List<Tensor>();
        try
        {
            for (long start = 0; start < x.shape[0]; start += batchSize)
            {
                using var scope = NewDisposeScope();
                using var slice = x.narrow(0, start, Math.Min(batchSize, x.shape[0] - start));
                parts.Add(map(slice).MoveToOuterDisposeScope());
            }
            if (parts.Count == 0) throw new ArgumentException("there are no images to evaluate (the tensor has 0 rows)", nameof(x));
            return cat(parts, 0);
        }
        finally
        {
            foreach (var p in parts) p.Dispose();
        }
    }

    sealed class Restore(nn.Module module) : IDisposable
    {
        public void Dispose() => module.train();
    }

    sealed class NoOp : IDisposable
    {
        public static readonly NoOp Instance = new();
        public void Dispose() { }
    }
}
