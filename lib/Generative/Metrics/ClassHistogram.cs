using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Metrics;

/// <summary>How many images a classifier assigns to each class: the quickest check for a GAN's missing modes.</summary>
public static class ClassHistogram
{
    /// <summary>Counts of predicted classes, one entry per class of the classifier's logits.</summary>
    public static long[] Of(nn.Module<Tensor, Tensor> classifier, Tensor images, int batchSize = 1000)
    {
        using var evalMode = Evaluation.EvalMode(classifier);
        int classes = 0;
        using var predicted = Evaluation.MapBatched(images, batchSize, x =>
        {
            var logits = classifier.forward(x);
            classes = (int)logits.shape[1];
            return logits.argmax(1);
        });
        using var counts = bincount(predicted, minlength: classes).cpu();
        return counts.data<long>().ToArray();
    }
}
