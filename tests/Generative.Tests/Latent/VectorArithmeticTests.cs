using Generative.Latent;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Latent;

public class VectorArithmeticTests
{
    [Fact]
    public void ConceptVectorIsTheMeanOfTheExemplarCodes()
    {
        using var codes = tensor(new[] { 1f, 2f, 3f, 4f, 5f, 9f }, [3, 2]);
        using var concept = ConceptVector.Mean(codes);
        Assert.Equal(new[] { 3f, 5f }, concept.data<float>().ToArray());
    }

    [Fact]
    public void ApplyComputesAMinusBPlusC()
    {
        using var result = VectorArithmetic.Apply(tensor(new[] { 5f, 1f }), tensor(new[] { 2f, 3f }), tensor(new[] { 1f, 1f }));
        Assert.Equal(new[] { 4f, -1f }, result.data<float>().ToArray());
    }

    [Fact]
    public void NeighbourhoodKeepsTheResultFirstAndScattersTheRestByTheNoiseScale()
    {
        using var z = tensor(new[] { 1f, -2f, 0.5f, 3f });
        using var cloud = VectorArithmetic.Neighbourhood(z, count: 2001, noise: 0.25, new Generator(61));
        Assert.Equal([2001L, 4L], cloud.shape);
        Assert.True(cloud[0].equal(z).all().item<bool>());
        using var offsets = cloud[1..] - z;
        Assert.InRange(offsets.std().item<float>(), 0.24, 0.26);
        Assert.InRange(offsets.mean().item<float>(), -0.02, 0.02);
    }
}
