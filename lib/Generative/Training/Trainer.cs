using Generative.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Training;

/// <summary>The training loop of the autoencoders, VAEs and the classifier: minibatch steps with a caller-supplied loss, per-epoch metrics, callbacks.</summary>
public static class Trainer
{
    /// <summary>The name of the loop's one statistic, the loss, in <see cref="EpochMetrics.Train"/> and <see cref="StepMetrics.Values"/>.</summary>
    public const string Loss = "loss";

    /// <summary>Trains <paramref name="model"/> for <paramref name="epochs"/> passes over <paramref name="train"/> and returns the per-epoch history.</summary>
    /// <param name="model">Put in train mode for the steps and in eval mode for evaluation and at the end.</param>
    /// <param name="optimizer">Updates the model's parameters.</param>
    /// <param name="train">Batches (x, y); each enumeration is one epoch.</param>
    /// <param name="epochs">Number of passes.</param>
    /// <param name="lossPerBatch">Scalar loss of a batch (x, y), e.g. <c>(x, y) => cross_entropy(model.forward(x), y)</c>.</param>
    /// <param name="options">Seed, reduction, callbacks, evaluation, device; defaults otherwise.</param>
    /// <exception cref="TrainingDivergedException">A loss became NaN or infinite.</exception>
    public static History Fit(nn.Module model, optim.Optimizer optimizer, Batches train, int epochs,
        Func<Tensor, Tensor, Tensor> lossPerBatch, TrainOptions? options = null)
    {
        options ??= new TrainOptions();
        var device = EpochLoop.Prepare(options, epochs, model);
        var history = new History();
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            var metrics = EpochLoop.Run(epoch, train, device, options, [Loss], (x, y) => [Step(optimizer, lossPerBatch, x, y)], [model]);
            history.Epochs.Add(metrics);
            options.OnEpoch?.Invoke(metrics);
        }
        model.eval();
        return history;
    }

    /// <summary>One optimisation step, the one <see cref="Fit"/> takes on every batch: clear the gradients, compute the loss, backpropagate, update.</summary>
    /// <remarks>Taught in notebook 03 §7, which writes the step in a cell and checks it moves a VAE's parameters exactly as this one does.</remarks>
    /// <param name="optimizer">Updates the parameters the loss depends on.</param>
    /// <param name="lossPerBatch">Scalar loss of the batch (x, y).</param>
    /// <param name="x">The batch's inputs.</param>
    /// <param name="y">The batch's labels (unused by unsupervised losses).</param>
    /// <returns>The loss before the update.</returns>
    public static Tensor Step(optim.Optimizer optimizer, Func<Tensor, Tensor, Tensor> lossPerBatch, Tensor x, Tensor y)
    {
        optimizer.zero_grad();
        var loss = lossPerBatch(x, y);
        loss.backward();
        optimizer.step();
        return loss;
    }

    /// <summary>The device of the model's first parameter (CPU for a model without parameters).</summary>
    public static Device DeviceOf(nn.Module model) =>
        model.parameters().FirstOrDefault()?.device ?? CPU;
}
