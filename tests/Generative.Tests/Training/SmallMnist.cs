using Generative.Data;

namespace Generative.Tests.Training;

/// <summary>A few hundred real MNIST digits shared by the training tests, loaded once.</summary>
static class SmallMnist
{
    static readonly Lazy<Mnist> Data = new(() => Mnist.Load(null, trainLimit: 512, testLimit: 64));

    public static Mnist Value => Data.Value;

    /// <summary>A fresh Batches (its epoch counter starts at 0) over the first <paramref name="count"/> training images.</summary>
    public static Batches Train(int count, int batchSize = 64, int seed = 0) =>
        new(Value.TrainImages.narrow(0, 0, count), Value.TrainLabels.narrow(0, 0, count), batchSize, shuffle: true, seed);
}
