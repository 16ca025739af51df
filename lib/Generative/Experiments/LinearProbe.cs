using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Experiments;

/// <summary>How linearly separable a representation is: a softmax regression trained on few labelled examples, tested on many.</summary>
public static class LinearProbe
{
    /// <summary>Test accuracy of a softmax regression on <paramref name="features"/>(x), standardised with the training set's statistics.</summary>
    /// <remarks>Weight decay keeps the comparison fair when the features outnumber the examples, as raw pixels do with few labels.</remarks>
    public static double Accuracy(Func<Tensor, Tensor> features, Tensor trainX, Tensor trainY, Tensor testX, Tensor testY,
                                  int steps = 300, double weightDecay = 1e-3, int seed = 0)
    {
        using var scope = NewDisposeScope();
        Tensor ftrain, ftest;
        using (no_grad())
        {
            ftrain = features(trainX).flatten(1);
            ftest = Batched(features, testX);
        }
        var mean = ftrain.mean([0]);
        var std = ftrain.std(0) + 1e-6;
        ftrain = (ftrain - mean) / std;
        ftest = (ftest - mean) / std;
        manual_seed(seed);
        var model = nn.Linear(ftrain.shape[1], 10);
        var opt = optim.Adam(model.parameters(), 0.01, weight_decay: weightDecay);
        for (int s = 0; s < steps; s++)
        {
            using var step = NewDisposeScope();
            opt.zero_grad();
            nn.functional.cross_entropy(model.call(ftrain), trainY).backward();
            opt.step();
        }
        using (no_grad())
            return model.call(ftest).argmax(1).eq(testY).to_type(ScalarType.Float64).mean().item<double>();
    }

    static Tensor Batched(Func<Tensor, Tensor> features, Tensor x) =>
        cat(Enumerable.Range(0, (int)((x.shape[0] + 999) / 1000))
            .Select(i => features(x.narrow(0, i * 1000L, Math.Min(1000L, x.shape[0] - i * 1000L))).flatten(1)).ToList(), 0);
}
