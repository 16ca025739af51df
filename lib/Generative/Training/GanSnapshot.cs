using static TorchSharp.torch;

namespace Generative.Training;

/// <summary>The generator's samples for the fixed noise batch at one point of training, stored as 8-bit pixels so a history stays small and serialisable.</summary>
/// <param name="Epoch">1-based epoch the snapshot was taken in.</param>
/// <param name="Step">Steps taken so far over the whole run.</param>
/// <param name="Count">Number of images.</param>
/// <param name="Pixels">Count x 28 x 28 grey levels, 0 = black.</param>
public sealed record GanSnapshot(int Epoch, int Step, int Count, byte[] Pixels)
{
    /// <summary>The images as a new tensor [Count,1,28,28] in [0,1]; the caller disposes it.</summary>
    public Tensor Images()
    {
        using var bytes = tensor(Pixels, [Count, 1, 28, 28]);
        return bytes.to_type(ScalarType.Float32).div_(255);
    }

    /// <summary>Quantises images [K,1,28,28] in [0,1] (on any device).</summary>
    public static GanSnapshot From(int epoch, int step, Tensor images)
    {
        using var scope = NewDisposeScope();
        var bytes = images.detach().cpu().clamp(0, 1).mul(255).round().to_type(ScalarType.Byte).contiguous();
        return new GanSnapshot(epoch, step, (int)images.shape[0], bytes.data<byte>().ToArray());
    }
}
