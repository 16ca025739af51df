using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Latent;

/// <summary>Paths between two latent codes: straight lines and great-circle arcs (slerp).</summary>
public static class Interpolation
{
    /// <summary>(1 - t) z0 + t z1 for t evenly spaced from 0 to 1: [steps, D] for codes [D] (or [1, D]).</summary>
    public static Tensor Linear(Tensor z0, Tensor z1, int steps)
    {
        var (a, b) = Endpoints(z0, z1, steps);
        using var scope = NewDisposeScope();
        var t = linspace(0, 1, steps, dtype: a.dtype, device: a.device).unsqueeze(1);
        return ((1 - t) * a + t * b).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Spherical interpolation sin((1-t)w)/sin(w) z0 + sin(tw)/sin(w) z1, w the angle between z0 and z1: [steps, D].
    /// For a Gaussian prior it keeps intermediate codes at a typical norm, where a straight line passes closer to the origin
    /// than any sample of the prior would. Nearly parallel codes (sin w ~ 0) fall back to linear interpolation.
    /// </summary>
    public static Tensor Spherical(Tensor z0, Tensor z1, int steps)
    {
        var (a, b) = Endpoints(z0, z1, steps);
        using var scope = NewDisposeScope();
        var a64 = a.to_type(ScalarType.Float64);
        var b64 = b.to_type(ScalarType.Float64);
        double norms = a64.norm().item<double>() * b64.norm().item<double>();
        if (norms == 0) return Linear(a, b, steps).MoveToOuterDisposeScope();
        double cosine = Math.Clamp(a64.dot(b64).item<double>() / norms, -1, 1);
        double omega = Math.Acos(cosine), sinOmega = Math.Sin(omega);
        if (sinOmega < 1e-6) return Linear(a, b, steps).MoveToOuterDisposeScope();
        var t = linspace(0, 1, steps, dtype: ScalarType.Float64, device: a.device).unsqueeze(1);
        var wa = ((1 - t) * omega).sin() / sinOmega;
        var wb = (t * omega).sin() / sinOmega;
        return (wa.to_type(a.dtype) * a + wb.to_type(a.dtype) * b).MoveToOuterDisposeScope();
    }

    /// <summary>The spherical midpoint (t = 1/2) of each row pair of z0 and z1 [N, D]: (z0 + z1) / (2 cos(w/2)).</summary>
    public static Tensor SphericalMidpoints(Tensor z0, Tensor z1)
    {
        if (!z0.shape.SequenceEqual(z1.shape) || z0.dim() != 2)
            throw new ArgumentException($"z0 [{string.Join(",", z0.shape)}] and z1 [{string.Join(",", z1.shape)}] must both be [N, D]");
        using var scope = NewDisposeScope();
        var cosine = (nn.functional.cosine_similarity(z0, z1, dim: 1)).clamp(-1, 1);
        var halfAngleCos = ((cosine + 1) / 2).sqrt().clamp_min(1e-6);
        return ((z0 + z1) / (2 * halfAngleCos.unsqueeze(1))).MoveToOuterDisposeScope();
    }

    static (Tensor A, Tensor B) Endpoints(Tensor z0, Tensor z1, int steps)
    {
        if (steps < 2) throw new ArgumentOutOfRangeException(nameof(steps), steps, "an interpolation needs at least 2 steps (the two endpoints)");
        var a = z0.flatten();
        var b = z1.flatten();
        if (a.shape[0] != b.shape[0] || a.numel() != z0.shape[^1] || b.numel() != z1.shape[^1])
            throw new ArgumentException($"z0 [{string.Join(",", z0.shape)}] and z1 [{string.Join(",", z1.shape)}] must be single codes of the same size, [D] or [1, D]");
        return (a, b);
    }
}
