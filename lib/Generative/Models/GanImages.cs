using static TorchSharp.torch;

namespace Generative.Models;

/// <summary>Conversions between the course's [0,1] images and the [-1,1] range GANs train in (to match the generator's Tanh).</summary>
public static class GanImages
{
    /// <summary>[-1,1] to [0,1]: (t + 1) / 2.</summary>
    public static Tensor ToUnit(Tensor t) => (t + 1) / 2;

    /// <summary>[0,1] to [-1,1]: 2x - 1.</summary>
    public static Tensor FromUnit(Tensor x) => 2 * x - 1;
}
