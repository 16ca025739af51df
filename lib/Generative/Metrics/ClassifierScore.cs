using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Metrics;

/// <summary>The Inception score computed with the course's MNIST classifier: exp(mean over x of KL(p(y|x) || p(y))), between 1 and the number of classes.</summary>
public static class ClassifierScore
{
    /// <summary>
    /// The score of <paramref name="images"/>: high when each image is classified confidently (p(y|x) peaked)
    /// and the classes are used evenly (p(y), the mean of p(y|x), flat).
    /// </summary>
    public static double Compute(nn.Module<Tensor, Tensor> classifier, Tensor images, int batchSize = 500)
    {
        using var evalMode = Inference.EvalMode(classifier);
        using var logits = Inference.MapBatched(images, batchSize, classifier.forward);
        return FromLogits(logits);
    }

    /// <summary>The score of images whose classifier logits [N, classes] are given, for callers that need the logits for more than the score.</summary>
    public static double FromLogits(Tensor logits)
    {
        using var scope = NewDisposeScope();
        var logProbabilities = nn.functional.log_softmax(logits.to_type(ScalarType.Float64), 1);
        // log p(y) through logsumexp stays finite even for a class whose probabilities all underflow.
        var logMarginal = logProbabilities.logsumexp(dim: 0) - Math.Log(logProbabilities.shape[0]);
        // exp(logp) * (...) is 0 wherever p(y|x) underflows, so 0 log 0 = 0 comes for free.
        var kl = (logProbabilities.exp() * (logProbabilities - logMarginal)).sum(1);
        return Math.Exp(kl.mean().item<double>());
    }

    /// <summary>The mean over images of the classifier's largest class probability: how sure it is, on average, that an image is some digit.</summary>
    public static double MeanConfidence(nn.Module<Tensor, Tensor> classifier, Tensor images, int batchSize = 500)
    {
        using var probabilities = Inference.Probabilities(classifier, images, batchSize);
        using var confidence = probabilities.max(1).values;
        return confidence.mean().item<float>();
    }
}
