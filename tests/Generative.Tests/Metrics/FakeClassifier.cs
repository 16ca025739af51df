using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Metrics;

/// <summary>A stand-in classifier: reads the class from pixel (0,0) of each image and returns logits with that class ahead by <c>confidence</c>.</summary>
sealed class FakeClassifier(double confidence, int classes = 10) : nn.Module<Tensor, Tensor>("fake_classifier")
{
    public override Tensor forward(Tensor x)
    {
        var label = x[.., 0, 0, 0].round().to_type(ScalarType.Int64);
        return nn.functional.one_hot(label, classes).to_type(ScalarType.Float32) * confidence;
    }

    /// <summary>Images [n,1,28,28] whose pixel (0,0) carries the given class.</summary>
    public static Tensor ImagesOfClasses(params long[] classes)
    {
        var images = zeros(classes.Length, 1, 28, 28);
        images[.., 0, 0, 0] = tensor(classes).to_type(ScalarType.Float32);
        return images;
    }
}
