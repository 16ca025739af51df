using static TorchSharp.torch;

namespace Generative.Models;

/// <summary>A network whose penultimate activations serve as features, for the Frechet distance.</summary>
public interface IFeatureExtractor
{
    /// <summary>Feature vectors [N, F] for images [N,1,28,28] in [0,1].</summary>
    Tensor Features(Tensor x);
}
