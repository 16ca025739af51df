using static TorchSharp.torch;

namespace Generative.Latent;

/// <summary>One term of a latent vector-arithmetic figure: a concept's exemplar images and the decoding of their mean code.</summary>
/// <param name="Label">What the concept is, e.g. "thick 7".</param>
/// <param name="Exemplars">The exemplars, [K,1,H,W] in [0,1].</param>
/// <param name="MeanDecoding">The decoding of the exemplars' mean code, [1,1,H,W].</param>
public sealed record ConceptImages(string Label, Tensor Exemplars, Tensor MeanDecoding);
