using static TorchSharp.torch.nn;

namespace Generative.Models;

/// <summary>The original autoencoder: a linear encoder and a linear decoder followed by a sigmoid; close to PCA with the same code size.</summary>
public sealed class LinearAutoencoder(int codeSize = 32) : Autoencoder(nameof(LinearAutoencoder), codeSize,
    encoder: Sequential(Flatten(), Linear(28 * 28, codeSize)),
    decoder: Sequential(Linear(codeSize, 28 * 28), Sigmoid(), ToImage()));
