using System.Buffers.Binary;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Data;

/// <summary>Real MNIST as tensors: images float32 [N,1,28,28] in [0,1], labels int64 [N].</summary>
public sealed class Mnist : IDisposable
{
    /// <summary>The training images, [60000,1,28,28] unless limited.</summary>
    public Tensor TrainImages { get; }
    /// <summary>The training labels 0-9.</summary>
    public Tensor TrainLabels { get; }
    /// <summary>The test images, [10000,1,28,28] unless limited.</summary>
    public Tensor TestImages { get; }
    /// <summary>The test labels 0-9.</summary>
    public Tensor TestLabels { get; }

    Mnist(Tensor trainImages, Tensor trainLabels, Tensor testImages, Tensor testLabels)
    {
        TrainImages = trainImages; TrainLabels = trainLabels; TestImages = testImages; TestLabels = testLabels;
    }

    /// <summary>Loads MNIST from <paramref name="directory"/> (fetching it on first use), optionally keeping only the first examples of each split.</summary>
    public static Mnist Load(string? directory = null, int? trainLimit = null, int? testLimit = null, TextWriter? log = null)
    {
        var dir = MnistFiles.Ensure(directory, log ?? Console.Out);
        return new Mnist(
            ReadImages(Path.Combine(dir, "train-images-idx3-ubyte"), trainLimit),
            ReadLabels(Path.Combine(dir, "train-labels-idx1-ubyte"), trainLimit),
            ReadImages(Path.Combine(dir, "t10k-images-idx3-ubyte"), testLimit),
            ReadLabels(Path.Combine(dir, "t10k-labels-idx1-ubyte"), testLimit));
    }

    /// <summary>Shuffled, seeded mini-batches of the training split.</summary>
    public Batches Train(int batchSize, int seed = 0, bool shuffle = true) => new(TrainImages, TrainLabels, batchSize, shuffle, seed);

    /// <summary>Mini-batches of the test split, in order.</summary>
    public Batches Test(int batchSize) => new(TestImages, TestLabels, batchSize, shuffle: false, seed: 0);

    // Not TorchVision's datasets.MNIST (TorchVision 0.107.0): it divides pixels by 256, so the mean pixel would read 0.1302 instead
    // of MNIST's 0.1307 that notebook 00 checks; it builds one tensor per image (70,000 of them) for a DataLoader to stack again;
    // it reads only <root>/mnist/test_data/, and checks neither the magic numbers nor a short file.
    static Tensor ReadImages(string path, int? limit)
    {
        var bytes = File.ReadAllBytes(path);
        var (count, offset) = Header(bytes, path, 2051, 16);
        int rows = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(8)), cols = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(12));
        int n = Math.Min(count, limit ?? count);
        // frombuffer wraps the file's bytes without a copy; the float conversion makes the tensor own its memory.
        // The array stays pinned until then, so the collector can neither move nor free it under the view.
        var pin = GCHandle.Alloc(bytes, GCHandleType.Pinned);
        try
        {
            using var raw = frombuffer(bytes, ScalarType.Byte, (long)n * rows * cols, offset);
            using var shaped = raw.view(n, 1, rows, cols);
            return shaped.to_type(ScalarType.Float32).div_(255f);
        }
        finally { pin.Free(); }
    }

    static Tensor ReadLabels(string path, int? limit)
    {
        var bytes = File.ReadAllBytes(path);
        var (count, offset) = Header(bytes, path, 2049, 8);
        int n = Math.Min(count, limit ?? count);
        var pin = GCHandle.Alloc(bytes, GCHandleType.Pinned);
        try
        {
            using var raw = frombuffer(bytes, ScalarType.Byte, n, offset);
            return raw.to_type(ScalarType.Int64);
        }
        finally { pin.Free(); }
    }

    static (int Count, int Offset) Header(byte[] bytes, string path, int magic, int headerSize)
    {
        if (bytes.Length < headerSize || BinaryPrimitives.ReadInt32BigEndian(bytes) != magic)
            throw new InvalidDataException($"{path} is not an idx file (magic {magic} expected). Delete it; it will be fetched again.");
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4)), headerSize);
    }

    /// <summary>Releases the four tensors.</summary>
    public void Dispose()
    {
        TrainImages.Dispose(); TrainLabels.Dispose(); TestImages.Dispose(); TestLabels.Dispose();
    }
}
