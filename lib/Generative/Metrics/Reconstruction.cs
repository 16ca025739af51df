using Generative.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Metrics;

/// <summary>Reconstruction error per pixel, averaged over a test set.</summary>
public static class Reconstruction
{
    /// <summary>Mean squared error per pixel between each test image and <paramref name="reconstruct"/>'s output for it.</summary>
    public static double Mse(Func<Tensor, Tensor> reconstruct, Batches test) =>
        PerPixel(reconstruct, test, (xHat, x) => nn.functional.mse_loss(xHat, x, nn.Reduction.Sum));

    static double PerPixel(Func<Tensor, Tensor> reconstruct, Batches test, Func<Tensor, Tensor, Tensor> sumLoss)
    {
        using var noGrad = no_grad();
        double total = 0;
        long values = 0;
        foreach (var (x, _) in test)
        {
            using var scope = NewDisposeScope();
            var xHat = reconstruct(x);
            if (!xHat.shape.SequenceEqual(x.shape))
                throw new ArgumentException($"the reconstruction has shape [{string.Join(",", xHat.shape)}] but the images have [{string.Join(",", x.shape)}]; reconstruct must return images shaped like its input", nameof(reconstruct));
            // Summing in float64 keeps 10 000 images x 784 pixels from losing digits in float32.
            total += sumLoss(xHat, x).to_type(ScalarType.Float64).item<double>();
            values += x.numel();
        }
        if (values == 0) throw new ArgumentException("the test set is empty", nameof(test));
        return total / values;
    }
}
