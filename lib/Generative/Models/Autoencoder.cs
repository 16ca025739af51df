using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Generative.Models;

/// <summary>An encoder to a code of <see cref="CodeSize"/> numbers and a decoder back to [N,1,28,28] images; trained to reproduce its input.</summary>
public abstract class Autoencoder : Module<Tensor, Tensor>
{
    /// <summary>Maps images [N,1,28,28] to codes [N,CodeSize].</summary>
    public Module<Tensor, Tensor> Encoder { get; }

    /// <summary>Maps codes [N,CodeSize] to images [N,1,28,28] (in (0,1) where the decoder ends in a sigmoid).</summary>
    public Module<Tensor, Tensor> Decoder { get; }

    /// <summary>Length of the code.</summary>
    public int CodeSize { get; }

    /// <summary>Subclasses hand over their encoder and decoder; registration happens here.</summary>
    protected Autoencoder(string name, int codeSize, Module<Tensor, Tensor> encoder, Module<Tensor, Tensor> decoder) : base(name)
    {
        if (codeSize < 1) throw new ArgumentOutOfRangeException(nameof(codeSize), codeSize, "The code size must be at least 1.");
        CodeSize = codeSize;
        Encoder = encoder;
        Decoder = decoder;
        RegisterComponents();
    }

    /// <summary>Codes [N,CodeSize] for images [N,1,28,28].</summary>
    public Tensor Encode(Tensor x) => Encoder.forward(x);

    /// <summary>Images [N,1,28,28] for codes [N,CodeSize].</summary>
    public Tensor Decode(Tensor z) => Decoder.forward(z);

    /// <summary>The reconstruction Decode(Encode(x)).</summary>
    public override Tensor forward(Tensor x) => Decode(Encode(x));

    /// <summary>[N,784] back to [N,1,28,28]: the last step of every decoder.</summary>
    protected static Module<Tensor, Tensor> ToImage() => Unflatten(1, [1, 28, 28]);
}
