using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Latent;

/// <summary>How fast a decoder's image changes around each code: where a continuous generator passes from one digit to
/// another, a small step in the code moves the image a long way.</summary>
public static class Steepness
{
    /// <summary>For each code z [N, D], the root mean square over <paramref name="directions"/> random unit directions v of
    /// |decode(z + step v) - decode(z)| / step: a finite-difference estimate of the Jacobian's Frobenius norm over sqrt(D).</summary>
    /// <remarks>Finite differences need no gradient through the decoder, so any decoder (with its layers in eval mode) will do;
    /// a few directions rank codes as well as many, because only the order of the codes is used.</remarks>
    /// <param name="decode">Codes [N, D] to images [N, ...], without gradients.</param>
    /// <param name="codes">Codes [N, D].</param>
    /// <param name="directions">Random directions averaged per code.</param>
    /// <param name="step">Length of the step along each direction, small against the codes' spread (1 for a standard normal prior).</param>
    /// <param name="seed">Seeds the directions.</param>
    /// <returns>[N] steepness per code, float32.</returns>
    public static Tensor Of(Func<Tensor, Tensor> decode, Tensor codes, int directions = 4, double step = 0.01, int seed = 0)
    {
        if (codes.dim() != 2 || codes.shape[0] == 0) throw new ArgumentException($"codes must be a non-empty [N, D] batch, got shape [{string.Join(", ", codes.shape)}]", nameof(codes));
        if (directions < 1) throw new ArgumentOutOfRangeException(nameof(directions), directions, "average over at least one direction (the course uses 4)");
        if (!(step > 0)) throw new ArgumentOutOfRangeException(nameof(step), step, "a positive step, small against the codes' spread, e.g. 0.01");
        var random = new Generator((ulong)seed);
        return Inference.MapBatched(codes, 500, batch =>
        {
            var images = decode(batch).flatten(1);
            var squared = zeros(batch.shape[0], dtype: ScalarType.Float32);
            for (int i = 0; i < directions; i++)
            {
                var v = randn(batch.shape, dtype: batch.dtype, generator: random);
                v = v / v.norm(1, keepdim: true);
                var moved = (decode(batch + step * v).flatten(1) - images).norm(1) / step;
                squared += (moved * moved).to_type(ScalarType.Float32);
            }
            return (squared / directions).sqrt();
        });
    }
}
