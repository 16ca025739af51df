using Generative.Data;
using Generative.Metrics;
using static TorchSharp.torch;

namespace Generative.Tests.Metrics;

public class ClassificationTests
{
    static readonly long[] Predicted = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    static readonly long[] Labels = [0, 1, 2, 3, 4, 5, 6, 7, 9, 8];

    [Fact]
    public void AccuracyCountsMatchingLabels()
    {
        using var classifier = new FakeClassifier(5);
        using var images = FakeClassifier.ImagesOfClasses(Predicted);
        using var labels = tensor(Labels);
        Assert.Equal(0.8, Classification.Accuracy(classifier, new Batches(images, labels, 4, shuffle: false, seed: 0)), 12);
    }

    [Fact]
    public void ConfusionMatrixIsIndexedByTrueThenPredictedClass()
    {
        using var classifier = new FakeClassifier(5);
        using var images = FakeClassifier.ImagesOfClasses(Predicted);
        using var labels = tensor(Labels);
        var matrix = Classification.ConfusionMatrix(classifier, new Batches(images, labels, 4, shuffle: false, seed: 0));
        Assert.Equal(10, matrix.GetLength(0));
        Assert.Equal(10, matrix.GetLength(1));
        Assert.Equal(1, matrix[9, 8]);
        Assert.Equal(1, matrix[8, 9]);
        Assert.Equal(0, matrix[8, 8]);
        Assert.Equal(1, matrix[3, 3]);
        Assert.Equal(10, matrix.Cast<long>().Sum());
    }

    [Fact]
    public void EvaluationLeavesATrainingClassifierInTrainingMode()
    {
        using var classifier = new FakeClassifier(5);
        classifier.train();
        using var images = FakeClassifier.ImagesOfClasses(Predicted);
        using var labels = tensor(Labels);
        Classification.Accuracy(classifier, new Batches(images, labels, 4, shuffle: false, seed: 0));
        Assert.True(classifier.training);
    }
}
