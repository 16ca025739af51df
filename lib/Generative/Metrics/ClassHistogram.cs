using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Metrics;

/// <summary>How many images a classifier assigns to each class: the quickest check for a GAN's missing modes.</summary>
public static class ClassHistogram
{
    /// <summary>Counts of predicted classes, one entry per class of the classifier's logits.</summary>
    public static long[] Of(nn.Module<Tensor, Tensor> classifier, Tensor images, int batchSize = 1000)
    {
        using var evalMode = Inference.EvalMode(classifier);
        int classes = 0;
        using var predicted = Inference.MapBatched(images, batchSize, x =>
        {
            var logits = classifier.forward(x);
            classes = (int)logits.shape[1];
            return logits.argmax(1);
        });
        using var counts = bincount(predicted, minlength: classes).cpu();
        return counts.data<long>().ToArray();
    }

    /// <summary>exp of the histogram's entropy: the number of equally used classes with the same spread; 10 for a uniform histogram over 10 classes, 1 when every image is one class.</summary>
    public static double EffectiveClasses(long[] counts)
    {
        double total = counts.Sum();
        if (total == 0) throw new ArgumentException("the histogram is empty: count some images first", nameof(counts));
        double entropy = -counts.Where(c => c > 0).Sum(c => c / total * Math.Log(c / total));
        return Math.Exp(entropy);
    }
}
