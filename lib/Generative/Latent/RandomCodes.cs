using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Latent;

/// <summary>Decodes codes drawn at random from a Gaussian fitted to an autoencoder's real codes: the naive way to "generate" with an autoencoder.</summary>
public static class RandomCodes
{
    /// <summary>Encodes <paramref name="images"/>, fits a full-covariance Gaussian to their codes, draws <paramref name="count"/> codes from it and decodes them.</summary>
    /// <remarks>Matching the real codes' mean and covariance gives random codes every chance; what still fails is the decoder between codes.</remarks>
    public static Tensor Decode(Func<Tensor, Tensor> encode, Func<Tensor, Tensor> decode, Tensor images, int count, int seed, int maxImages = 5000)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var codes = encode(images.narrow(0, 0, Math.Min(maxImages, images.shape[0]))).flatten(1).to_type(ScalarType.Float64);
        var mean = codes.mean([0]);
        var centered = codes - mean;
        var cov = centered.T.matmul(centered) / (codes.shape[0] - 1);
        var chol = linalg.cholesky(cov + 1e-6 * eye(cov.shape[0], dtype: ScalarType.Float64));
        var z = mean + randn(count, codes.shape[1], dtype: ScalarType.Float64, generator: new Generator((ulong)seed)).matmul(chol.T);
        return decode(z.to_type(images.dtype)).MoveToOuterDisposeScope();
    }
}
