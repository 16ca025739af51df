using Generative.Metrics;

namespace Generative.Tests.Metrics;

public class ClassHistogramTests
{
    [Fact]
    public void CountsPredictedClassesAcrossBatches()
    {
        using var classifier = new FakeClassifier(confidence: 5);
        using var images = FakeClassifier.ImagesOfClasses(0, 0, 1, 3, 3, 3, 9);
        Assert.Equal(new long[] { 2, 1, 0, 3, 0, 0, 0, 0, 0, 1 }, ClassHistogram.Of(classifier, images, batchSize: 2));
    }
}
