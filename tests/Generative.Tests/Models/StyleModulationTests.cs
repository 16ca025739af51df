using Generative.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Models;

public class StyleModulationTests
{
    [Fact]
    public void StartsAsTheIdentityThenScalesAndShiftsEachChannelByALinearFunctionOfTheStyle()
    {
        using var scope = NewDisposeScope();
        using var film = new StyleModulation(styles: 1, channels: 2);
        var h = randn(3, 2, 4, 4, generator: new Generator(2));
        var s = tensor(new float[] { -1, 0, 2 }).unsqueeze(1);
        Assert.True(film.forward(h, s).eq(h).all().item<bool>());
        using (no_grad())
        {
            var (weight, bias) = (film.parameters().First(p => p.dim() == 2), film.parameters().First(p => p.dim() == 1));
            // Rows: γ of channel 0, γ of channel 1, β of channel 0, β of channel 1.
            weight.copy_(tensor(new float[,] { { 0.5f }, { 0 }, { 0 }, { 1 } }));
            bias.copy_(tensor(new float[] { 0, 0, 3, 0 }));
        }
        var y = film.forward(h, s);
        for (int n = 0; n < 3; n++)
        {
            float style = s[n, 0].item<float>();
            Assert.True(y[n, 0].allclose(h[n, 0] * (1 + 0.5f * style) + 3, atol: 1e-5));
            Assert.True(y[n, 1].allclose(h[n, 1] + style, atol: 1e-5));
        }
    }

    [Fact]
    public void AShiftOnlyModulationAddsTheSameAmountEverywhereInAChannel()
    {
        using var scope = NewDisposeScope();
        using var shift = new StyleModulation(styles: 2, channels: 1, scale: false);
        using (no_grad()) shift.parameters().First(p => p.dim() == 2).copy_(tensor(new float[,] { { 1, -2 } }));
        var h = randn(2, 1, 3, 3, generator: new Generator(3));
        var s = tensor(new float[,] { { 1, 1 }, { 0, 0.5f } });
        var moved = shift.forward(h, s) - h;
        Assert.True(moved[0].allclose(full_like(moved[0], -1), atol: 1e-5));
        Assert.True(moved[1].allclose(full_like(moved[1], -1), atol: 1e-5));
        using var started = new StyleModulation(styles: 2, channels: 3, scale: false, initialShift: 0.5);
        Assert.True((started.forward(h.expand(2, 3, 3, 3), s) - h).allclose(s.sum(1).mul(0.5).view(2, 1, 1, 1).expand(2, 3, 3, 3), atol: 1e-5),
            "a starting shift moves every channel by the slope times the sum of the codes");
        Assert.Contains("both must be positive", Assert.Throws<ArgumentOutOfRangeException>(() => new StyleModulation(0, 4)).Message);
    }
}
