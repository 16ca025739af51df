using Generative.Latent;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Latent;

public class InterpolationTests
{
    [Fact]
    public void LinearRunsFromTheFirstCodeToTheSecondInEqualSteps()
    {
        using var z0 = tensor(new[] { 0f, 2f, -1f });
        using var z1 = tensor(new[] { 4f, 2f, 1f });
        using var path = Interpolation.Linear(z0, z1, 5);
        Assert.Equal([5L, 3L], path.shape);
        Assert.True(path[0].allclose(z0));
        Assert.True(path[4].allclose(z1));
        Assert.True(path[2].allclose(tensor(new[] { 2f, 2f, 0f })));
    }

    [Fact]
    public void SphericalHitsBothEndpointsAndKeepsTheNormOfEqualNormCodes()
    {
        var g = new Generator(51);
        using var z0 = randn(1, 16, generator: g);
        using var raw = randn(1, 16, generator: g);
        using var z1 = raw * (z0.norm() / raw.norm());
        using var path = Interpolation.Spherical(z0, z1, 9);
        Assert.Equal([9L, 16L], path.shape);
        Assert.True(path[0].allclose(z0[0], atol: 1e-5));
        Assert.True(path[8].allclose(z1[0], atol: 1e-5));
        using var norms = path.norm(1);
        Assert.True(norms.allclose(full_like(norms, z0.norm().item<float>()), rtol: 1e-5), $"norms along the arc: {string.Join(", ", norms.data<float>().ToArray())}");
        using var linear = Interpolation.Linear(z0, z1, 9);
        Assert.True(linear[4].norm().item<float>() < path[4].norm().item<float>(), "a straight line cuts inside the sphere");
    }

    [Fact]
    public void SphericalMidpointOfOrthogonalUnitCodesIsOnTheDiagonal()
    {
        using var path = Interpolation.Spherical(tensor(new[] { 1f, 0f }), tensor(new[] { 0f, 1f }), 3);
        var half = (float)Math.Sqrt(0.5);
        Assert.True(path[1].allclose(tensor(new[] { half, half }), atol: 1e-6));
    }

    [Fact]
    public void SphericalFallsBackToLinearForParallelCodes()
    {
        using var z0 = tensor(new[] { 1f, 2f, 3f });
        using var z1 = z0 * 2;
        using var spherical = Interpolation.Spherical(z0, z1, 4);
        using var linear = Interpolation.Linear(z0, z1, 4);
        Assert.True(spherical.allclose(linear));
        Assert.False(spherical.isnan().any().item<bool>());
    }

    [Fact]
    public void FewerThanTwoStepsIsRejected()
    {
        using var z = zeros(3);
        Assert.Throws<ArgumentOutOfRangeException>(() => Interpolation.Linear(z, z, 1));
    }
}
