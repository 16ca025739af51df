using static TorchSharp.torch.nn;

namespace Generative.Models;

/// <summary>A ReLU CNN autoencoder: two stride-2 convolutions down to 7x7, a linear layer to the code, and transposed convolutions back up.</summary>
public sealed class ConvAutoencoder(int codeSize = 32) : Autoencoder(nameof(ConvAutoencoder), codeSize,
    encoder: Sequential(
        Conv2d(1, 32, kernel_size: 4, stride: 2, padding: 1), ReLU(),    // 14x14
        Conv2d(32, 64, kernel_size: 4, stride: 2, padding: 1), ReLU(),   // 7x7
        Flatten(),
        Linear(64 * 7 * 7, codeSize)),
    decoder: Sequential(
        Linear(codeSize, 64 * 7 * 7), ReLU(),
        Unflatten(1, [64, 7, 7]),
        ConvTranspose2d(64, 32, kernel_size: 4, stride: 2, padding: 1), ReLU(),  // 14x14
        ConvTranspose2d(32, 1, kernel_size: 4, stride: 2, padding: 1),           // 28x28
        Sigmoid()));
