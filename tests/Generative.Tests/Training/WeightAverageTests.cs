using Generative.Models;
using Generative.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Training;

public class WeightAverageTests
{
    [Fact]
    public void Starts_as_a_copy_then_moves_a_tenth_of_the_way_at_decay_0_9()
    {
        using var source = new DcganGenerator(4, ngf: 8);
        using var average = new DcganGenerator(4, ngf: 8);
        var ema = new WeightAverage(source, average, decay: 0.9);
        foreach (var (a, s) in average.parameters().Zip(source.parameters())) Assert.True(a.eq(s).all().item<bool>());

        // Past the warm-up, (1 + t) / (10 + t) exceeds 0.9 from t = 81 on: the decay itself applies.
        for (int t = 0; t < 100; t++) ema.Update();
        var before = average.parameters().Select(p => p.detach().clone()).ToArray();
        using (no_grad()) foreach (var p in source.parameters()) p.add_(1.0);
        using (no_grad()) foreach (var b in source.buffers().Where(b => b.is_floating_point())) b.fill_(3.0);
        ema.Update();

        foreach (var (a, old) in average.parameters().Zip(before))
            Assert.True(a.allclose(old + 0.1, rtol: 0, atol: 1e-6), "each weight must move 0.1 of the way to the source's, which moved by 1");
        foreach (var b in average.buffers().Where(b => b.is_floating_point()))
            Assert.True(b.eq(3.0).all().item<bool>(), "BatchNorm statistics are copied from the source, not averaged");
    }

    [Fact]
    public void Early_updates_follow_the_source_closely_instead_of_the_initial_weights()
    {
        using var source = new MlpGenerator(latentDim: 4, hidden: 32);
        using var average = new MlpGenerator(latentDim: 4, hidden: 32);
        var ema = new WeightAverage(source, average, decay: 0.999);
        var start = average.parameters().Select(p => p.detach().clone()).ToArray();
        using (no_grad()) foreach (var p in source.parameters()) p.add_(1.0);
        ema.Update();
        // First update: d = min(0.999, 2 / 11), so the average moves 9/11 of the way, not 0.001 of it.
        foreach (var (a, old) in average.parameters().Zip(start))
            Assert.True(a.allclose(old + 9.0 / 11, rtol: 0, atol: 1e-5));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void A_decay_outside_0_to_1_is_refused(double decay)
    {
        using var source = new MlpGenerator(latentDim: 4, hidden: 32);
        using var average = new MlpGenerator(latentDim: 4, hidden: 32);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new WeightAverage(source, average, decay));
        Assert.Contains("[0, 1)", e.Message);
    }

    [Fact]
    public void An_average_of_another_architecture_is_refused()
    {
        using var source = new MlpGenerator(latentDim: 4, hidden: 32);
        using var average = new MlpGenerator(latentDim: 8, hidden: 32);
        var e = Assert.Throws<ArgumentException>(() => new WeightAverage(source, average, 0.99));
        Assert.Contains("architecture", e.Message);
    }
}
