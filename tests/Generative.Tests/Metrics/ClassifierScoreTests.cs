using Generative.Metrics;

namespace Generative.Tests.Metrics;

public class ClassifierScoreTests
{
    static long[] EvenlySpread(int n) => Enumerable.Range(0, n).Select(i => (long)(i % 10)).ToArray();

    [Fact]
    public void UniformPredictionsScoreOne()
    {
        using var classifier = new FakeClassifier(confidence: 0);
        using var images = FakeClassifier.ImagesOfClasses(EvenlySpread(50));
        Assert.Equal(1.0, ClassifierScore.Compute(classifier, images, batchSize: 7), 9);
    }

    [Fact]
    public void ConfidentPredictionsSpreadOverTenClassesScoreTen()
    {
        using var classifier = new FakeClassifier(confidence: 100);
        using var images = FakeClassifier.ImagesOfClasses(EvenlySpread(50));
        Assert.Equal(10.0, ClassifierScore.Compute(classifier, images, batchSize: 7), 6);
    }

    [Fact]
    public void ConfidentPredictionsOfOneClassScoreOne()
    {
        using var classifier = new FakeClassifier(confidence: 100);
        using var images = FakeClassifier.ImagesOfClasses(Enumerable.Repeat(3L, 20).ToArray());
        Assert.Equal(1.0, ClassifierScore.Compute(classifier, images), 6);
    }

    [Fact]
    public void ConfidentPredictionsOverTwoClassesScoreTwo()
    {
        using var classifier = new FakeClassifier(confidence: 100);
        using var images = FakeClassifier.ImagesOfClasses(Enumerable.Range(0, 20).Select(i => (long)(i % 2) * 7).ToArray());
        Assert.Equal(2.0, ClassifierScore.Compute(classifier, images), 6);
    }
}
