using Generative.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Models;

public class StrokeWidthTests
{
    /// <summary>A vertical stroke one pixel wide in column 2 of a 5x5 map: 1 on the stroke, -1 elsewhere.</summary>
    static Tensor Stroke()
    {
        var h = full(1, 1, 5, 5, -1f);
        h[.., .., .., 2] = 1;
        return h;
    }

    static float[] Row(Tensor maps) => maps[0, 0, 2].data<float>().ToArray();

    [Fact]
    public void ACodeOfZeroLeavesTheStrokeAsItIs()
    {
        using var scope = NewDisposeScope();
        using var width = new StrokeWidth();
        Assert.True(width.forward(Stroke(), zeros(1, 1)).eq(Stroke()).all().item<bool>());
        Assert.Equal(StrokeWidth.InitialGain, width.parameters().Single().item<float>(), 1e-6);
    }

    [Fact]
    public void APositiveCodeWidensTheStrokeAndANegativeOneThinsIt()
    {
        using var scope = NewDisposeScope();
        using var width = new StrokeWidth();
        var full = 1 / (float)StrokeWidth.InitialGain;
        // All the way to the dilation: the stroke is three pixels wide; to the erosion: it is gone.
        Assert.Equal([-1f, 1, 1, 1, -1], Row(width.forward(Stroke(), tensor(new[] { full }).view(1, 1))));
        Assert.Equal([-1f, -1, -1, -1, -1], Row(width.forward(Stroke(), tensor(new[] { -full }).view(1, 1))));
        // Half way: the neighbours of the stroke rise half way to it.
        Assert.Equal([-1f, 0, 1, 0, -1], Row(width.forward(Stroke(), tensor(new[] { full / 2 }).view(1, 1))));
    }

    [Fact]
    public void TheGainLearnsAndMismatchedInputsAreRefused()
    {
        using var scope = NewDisposeScope();
        using var width = new StrokeWidth();
        width.forward(Stroke(), ones(1, 1)).sum().backward();
        Assert.NotEqual(0, width.parameters().Single().grad!.item<float>());
        Assert.Contains("one code each", Assert.Throws<ArgumentException>(() => width.forward(Stroke(), zeros(2, 1))).Message);
        Assert.Contains("maps [N, C, H, W]", Assert.Throws<ArgumentException>(() => width.forward(zeros(5, 5), zeros(1, 1))).Message);
    }
}
