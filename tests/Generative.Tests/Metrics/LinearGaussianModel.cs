using Generative.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Metrics;

/// <summary>
/// A VAE-shaped toy where log p(x) is exact: z ~ N(0, I_2), x | z ~ N(W z + b, s^2 I_4), x stored as [N,1,2,2], all in float64.
/// W's columns are orthogonal, so the true posterior is a diagonal Gaussian and can serve as the encoder.
/// </summary>
sealed class LinearGaussianModel : IVariationalAutoencoder, IDisposable
{
    const double Noise = 0.5;
    readonly Tensor _w = tensor(new double[] { 1, 0.5, 1, -0.5, 0, 1, 0.5, 0 }, [4, 2]);
    readonly Tensor _b = tensor(new double[] { 0.2, -0.1, 0.3, 0 });
    readonly bool _exactPosterior;

    /// <param name="exactPosterior">true: q(z|x) is the true posterior; false: a deliberately poor encoder (shrunk mean, unit variance).</param>
    public LinearGaussianModel(bool exactPosterior) => _exactPosterior = exactPosterior;

    public int LatentDim => 2;

    public (Tensor Mu, Tensor LogVar) Encode(Tensor x)
    {
        // Posterior precision I + W^T W / s^2 is diagonal because W's columns are orthogonal.
        var precision = 1 + _w.square().sum([0]) / (Noise * Noise);
        var mean = (x.reshape(x.shape[0], 4) - _b).matmul(_w) / (Noise * Noise) / precision;
        return _exactPosterior
            ? (mean, (-precision.log()).expand(mean.shape).contiguous())
            : (mean * 0.6, zeros_like(mean));
    }

    public Tensor Reparameterize(Tensor mu, Tensor logVar) => mu + (0.5 * logVar).exp() * randn_like(mu);

    public Tensor LogLikelihood(Tensor x, Tensor z)
    {
        var residual = x.reshape(x.shape[0], 4) - DecodeFlat(z);
        return -0.5 * (residual.square() / (Noise * Noise) + Math.Log(2 * Math.PI * Noise * Noise)).sum(1);
    }

    public Tensor DecodeMean(Tensor z) => DecodeFlat(z).view(-1, 1, 2, 2);

    Tensor DecodeFlat(Tensor z) => z.matmul(_w.t()) + _b;

    /// <summary>n draws of x from the model, [n,1,2,2].</summary>
    public Tensor Sample(int n, Generator generator)
    {
        var z = randn([n, 2], dtype: ScalarType.Float64, generator: generator);
        return (DecodeFlat(z) + Noise * randn([n, 4], dtype: ScalarType.Float64, generator: generator)).view(n, 1, 2, 2);
    }

    /// <summary>The exact log p(x) per example: x ~ N(b, W W^T + s^2 I).</summary>
    public Tensor ExactLogMarginal(Tensor x)
    {
        var covariance = _w.matmul(_w.t()) + Noise * Noise * eye(4, dtype: ScalarType.Float64);
        var residual = x.reshape(x.shape[0], 4) - _b;
        var mahalanobis = (residual.matmul(linalg.inv(covariance)) * residual).sum(1);
        return -0.5 * (mahalanobis + linalg.slogdet(covariance).Item2 + 4 * Math.Log(2 * Math.PI));
    }

    public void Dispose()
    {
        _w.Dispose(); _b.Dispose();
    }
}
