using Generative.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Metrics;

/// <summary>Evaluation of a classifier that maps images to logits [N, classes]: predictions, accuracy, confusion matrix.</summary>
public static class Classification
{
    /// <summary>Share of test images whose predicted class equals the label.</summary>
    public static double Accuracy(nn.Module<Tensor, Tensor> classifier, Batches test)
    {
        long correct = 0, total = 0;
        ForEachPrediction(classifier, test, (predicted, labels) =>
        {
            correct += predicted.eq(labels).sum().item<long>();
            total += labels.shape[0];
        });
        return (double)correct / total;
    }

    /// <summary>Counts [true class, predicted class] over the test set; the number of classes is the classifier's logit width.</summary>
    public static long[,] ConfusionMatrix(nn.Module<Tensor, Tensor> classifier, Batches test)
    {
        long[,]? matrix = null;
        ForEachPrediction(classifier, test, (predicted, labels, classes) =>
        {
            matrix ??= new long[classes, classes];
            using var counts = bincount(labels * classes + predicted, minlength: classes * classes).cpu();
            var flat = counts.data<long>().ToArray();
            for (int i = 0; i < flat.Length; i++) matrix[i / classes, i % classes] += flat[i];
        });
        return matrix!;
    }

    static void ForEachPrediction(nn.Module<Tensor, Tensor> classifier, Batches test, Action<Tensor, Tensor> use) =>
        ForEachPrediction(classifier, test, (predicted, labels, _) => use(predicted, labels));

    static void ForEachPrediction(nn.Module<Tensor, Tensor> classifier, Batches test, Action<Tensor, Tensor, int> use)
    {
        using var evalMode = Inference.EvalMode(classifier);
        using var noGrad = no_grad();
        bool any = false;
        foreach (var (x, y) in test)
        {
            using var scope = NewDisposeScope();
            var logits = classifier.forward(x);
            int classes = (int)logits.shape[1];
            var labels = y.to_type(ScalarType.Int64);
            if (labels.max().item<long>() >= classes || labels.min().item<long>() < 0)
                throw new ArgumentException($"a label lies outside the classifier's {classes} classes (0..{classes - 1}); check that the batches carry class labels", nameof(test));
            use(logits.argmax(1), labels, classes);
            any = true;
        }
        if (!any) throw new ArgumentException("the test set is empty", nameof(test));
    }
}
