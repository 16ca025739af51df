using static TorchSharp.torch;

namespace Generative.Models;

/// <summary>What the ELBO, importance-weighted and latent-space tools need of any VAE, whatever its decoder's likelihood.</summary>
public interface IVariationalAutoencoder
{
    /// <summary>Size of the latent code z.</summary>
    int LatentDim { get; }

    /// <summary>The diagonal Gaussian q_phi(z|x): mean and log-variance, each [N, LatentDim]; x is [N,1,28,28] in [0,1].</summary>
    (Tensor Mu, Tensor LogVar) Encode(Tensor x);

    /// <summary>z = mu + sigma * eps with eps ~ N(0, I): the reparameterization trick.</summary>
    Tensor Reparameterize(Tensor mu, Tensor logVar);

    /// <summary>log p_theta(x|z) per example, summed over pixels, in nats: [N] for x [N,1,28,28] and z [N, LatentDim].</summary>
    Tensor LogLikelihood(Tensor x, Tensor z);

    /// <summary>The decoder's mean image for codes z [N, LatentDim], [N,1,28,28] in [0,1].</summary>
    Tensor DecodeMean(Tensor z);
}

/// <summary>A network whose penultimate activations serve as features, for the Frechet distance.</summary>
public interface IFeatureExtractor
{
    /// <summary>Feature vectors [N, F] for images [N,1,28,28] in [0,1].</summary>
    Tensor Features(Tensor x);
}
