using static TorchSharp.torch.nn;

namespace Generative.Models;

/// <summary>A deep fully connected autoencoder, 784-512-256-code and back, with ReLU hidden layers and a sigmoid output.</summary>
public sealed class DeepAutoencoder(int codeSize = 32) : Autoencoder(nameof(DeepAutoencoder), codeSize,
    encoder: Sequential(
        Flatten(),
        Linear(28 * 28, 512), ReLU(),
        Linear(512, 256), ReLU(),
        Linear(256, codeSize)),
    decoder: Sequential(
        Linear(codeSize, 256), ReLU(),
        Linear(256, 512), ReLU(),
        Linear(512, 28 * 28), Sigmoid(),
        ToImage()));
