using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Generative.Models;

/// <summary>The 784-400-20 VAE with the lecture's decoder: p(x|z) is a diagonal Gaussian whose per-pixel mean AND variance the decoder predicts.</summary>
public sealed class GaussianVae : VariationalAutoencoder
{
    readonly Linear fc1, fc21, fc22, fc3, fc4, fc5;

    /// <inheritdoc/>
    public override int LatentDim { get; }

    /// <summary>Smallest per-pixel variance the decoder may predict.</summary>
    /// <remarks>
    /// Most MNIST pixels are exactly 0. Without a floor the decoder can shrink the variance there towards 0 and drive
    /// log p(x|z) to +infinity: the likelihood is unbounded and training diverges. A floor of 1e-3 (sigma ~ 0.03, about
    /// 8 of 255 grey levels) keeps it bounded while leaving room for sharp strokes.
    /// </remarks>
    public double VarianceFloor { get; }

    /// <summary>Builds the network; sizes as pytorch/examples' VAE.</summary>
    public GaussianVae(int hiddenDim = 400, int latentDim = 20, double varianceFloor = 1e-3) : base(nameof(GaussianVae))
    {
        if (varianceFloor <= 0) throw new ArgumentOutOfRangeException(nameof(varianceFloor), varianceFloor, "The variance floor must be positive.");
        LatentDim = latentDim;
        VarianceFloor = varianceFloor;
        fc1 = Linear(784, hiddenDim);
        fc21 = Linear(hiddenDim, latentDim);
        fc22 = Linear(hiddenDim, latentDim);
        fc3 = Linear(latentDim, hiddenDim);
        fc4 = Linear(hiddenDim, 784);
        fc5 = Linear(hiddenDim, 784);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override (Tensor Mu, Tensor LogVar) Encode(Tensor x)
    {
        var h1 = functional.relu(fc1.forward(x.view(-1, 784)));
        return (fc21.forward(h1), fc22.forward(h1));
    }

    /// <summary>Per-pixel mean [N,1,28,28] in (0,1) and log-variance [N,1,28,28] (at least log of the floor) of p(x|z).</summary>
    public (Tensor Mean, Tensor LogVar) DecodeGaussian(Tensor z)
    {
        var h3 = functional.relu(fc3.forward(z));
        var mean = sigmoid(fc4.forward(h3));
        var variance = functional.softplus(fc5.forward(h3)) + VarianceFloor;
        return (mean.view(-1, 1, 28, 28), log(variance).view(-1, 1, 28, 28));
    }

    /// <summary>log N(x; mean, diag var) per example [N], summed over the 784 pixels.</summary>
    public override Tensor LogLikelihood(Tensor x, Tensor z)
    {
        var (mean, logVar) = DecodeGaussian(z);
        var perPixel = -0.5 * (Math.Log(2 * Math.PI) + logVar + (x - mean).square() / exp(logVar));
        return perPixel.flatten(1).sum(1);
    }

    /// <summary>The decoder's mean image.</summary>
    public override Tensor DecodeMean(Tensor z) => DecodeGaussian(z).Mean;
}
