using static TorchSharp.torch.nn;

namespace Generative.Models;

/// <summary>The original autoencoder: a linear map to the code followed by a sigmoid, and a linear decoder.</summary>
/// <remarks>With a linear decoder every reconstruction lies in a CodeSize-dimensional affine subspace, so PCA with the same
/// code size is a lower bound on its squared error (Bourlard and Kamp, 1988): the best it can do is to match PCA.</remarks>
public sealed class LinearAutoencoder(int codeSize = 32) : Autoencoder(nameof(LinearAutoencoder), codeSize,
    encoder: Sequential(Flatten(), Linear(28 * 28, codeSize), Sigmoid()),
    decoder: Sequential(Linear(codeSize, 28 * 28), ToImage()));
