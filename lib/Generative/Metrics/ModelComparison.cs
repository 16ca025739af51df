using Generative.Data;
using Generative.Latent;
using Generative.Models;
using Generative.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Generative.Metrics;

/// <summary>The course's generative models scored on the same samples-only metrics by the same evaluation network.</summary>
public sealed class ModelComparison
{
    /// <summary>One model's scores on its generated images.</summary>
    public sealed record Scores(string Model, string Samples, double Frechet, double ClassifierScore, double EffectiveClasses, double Confidence);

    readonly List<Scores> _rows;
    ModelComparison(List<Scores> rows) => _rows = rows;

    /// <summary>The scores of the model named <paramref name="model"/> ("real", "AE", "VAE", "GAN", "DCGAN").</summary>
    public Scores this[string model] => _rows.Single(r => r.Model == model);

    /// <summary>All rows, real data first.</summary>
    public IReadOnlyList<Scores> Rows => _rows;

    /// <summary>Scores <paramref name="samples"/> images of each trained model against the test set: decoded random codes of the
    /// autoencoder, decoder means of the VAE for z ~ N(0, I), and each generator's G(z).</summary>
    public static ModelComparison Run(Mnist mnist, Classifier classifier, int samples, Autoencoder ae, VariationalAutoencoder vae,
        Module<Tensor, Tensor> gan, Module<Tensor, Tensor> dcgan, int latentDim = 100)
    {
        // The test set's features are the same for every row: computed once, they save a pass over 10,000 images per model.
        using var testFeatures = Frechet.Features(classifier, mnist.TestImages);
        var real = mnist.TrainImages.narrow(0, 0, Math.Min(samples, mnist.TrainImages.shape[0]));
        var rows = new List<Scores> { Score("real", "training images", classifier, testFeatures, real) };
        using (var images = RandomCodes.Decode(ae.Encode, ae.Decode, mnist.TestImages, samples, seed: 1))
            rows.Add(Score("AE", "decoded random codes", classifier, testFeatures, images));
        using (var z = randn(samples, vae.LatentDim, generator: new Generator(1)))
        using (var images = Inference.MapBatched(z, 500, vae.DecodeMean))
            rows.Add(Score("VAE", "decoder means of z ~ N(0, I)", classifier, testFeatures, images));
        using (var images = GanTraining.Sample(gan, samples, latentDim, seed: 1))
            rows.Add(Score("GAN", "G(z), z ~ N(0, I)", classifier, testFeatures, images));
        using (var images = GanTraining.Sample(dcgan, samples, latentDim, seed: 1))
            rows.Add(Score("DCGAN", "G(z), z ~ N(0, I)", classifier, testFeatures, images));
        return new ModelComparison(rows);
    }

    /// <summary>One row from two passes over the images, features and logits; the score, the histogram and the confidence all come from the logits.</summary>
    static Scores Score(string model, string what, Classifier classifier, Tensor testFeatures, Tensor images)
    {
        using var features = Frechet.Features(classifier, images);
        using var evalMode = Inference.EvalMode(classifier);
        using var logits = Inference.MapBatched(images, 500, classifier.forward);
        using var scope = NewDisposeScope();
        var histogram = bincount(logits.argmax(1), minlength: (int)logits.shape[1]).data<long>().ToArray();
        return new(model, what,
            Frechet.Distance(testFeatures, features),
            ClassifierScore.FromLogits(logits),
            ClassHistogram.EffectiveClasses(histogram),
            nn.functional.softmax(logits, 1).max(1).values.mean().item<float>());
    }

}
