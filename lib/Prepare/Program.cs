// Prepares a machine for the course and proves it works: TorchSharp loads and takes an optimizer step,
// and real MNIST is present (fetched on first use). The dev container and CI run it through .ci/prepare.
using Generative;
using Generative.Data;
using TorchSharp;
using static TorchSharp.torch;

try
{
    var env = Course.Setup();
    Console.WriteLine($"TorchSharp {env.TorchSharpVersion} on {env.DotNet}, {env.Threads} threads, native library: {env.NativeLibrary}");

    var model = nn.Linear(4, 1);
    var opt = optim.SGD(model.parameters(), 0.1);
    using var x = randn(16, 4);
    using var y = x.sum(1, keepdim: true);
    float before = nn.functional.mse_loss(model.forward(x), y).item<float>();
    opt.zero_grad();
    nn.functional.mse_loss(model.forward(x), y).backward();
    opt.step();
    float after = nn.functional.mse_loss(model.forward(x), y).item<float>();
    Console.WriteLine($"one SGD step: loss {before:F4} -> {after:F4}");
    if (!(after < before)) throw new InvalidOperationException("an SGD step did not lower the loss: TorchSharp is not computing correctly");

    if (args.Contains("--no-data")) return 0;
    var sw = System.Diagnostics.Stopwatch.StartNew();
    using var mnist = Mnist.Load();
    Console.WriteLine($"MNIST in {env.DataDirectory}: {mnist.TrainImages.shape[0]} train, {mnist.TestImages.shape[0]} test images, " +
                      $"train mean pixel {mnist.TrainImages.mean().item<float>():F4}, loaded in {sw.Elapsed.TotalSeconds:F2} s");
    return 0;
}
catch (Exception e)
{
    Console.Error.WriteLine($"prepare failed: {e.Message}");
    return 1;
}
