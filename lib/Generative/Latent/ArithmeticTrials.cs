using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Latent;

/// <summary>A measurable attribute of a digit image, used to score latent vector arithmetic.</summary>
public enum DigitAttribute
{
    /// <summary>Stroke thickness, measured by ink mass.</summary>
    Thickness,
    /// <summary>Lean of the digit, measured from image moments (positive leans right).</summary>
    Slant,
}

/// <summary>"A-ish source − B-ish source + B-ish target = A-ish target": the digit version of "smiling woman − neutral woman + neutral man".</summary>
/// <param name="SourceClass">The digit that shows the attribute in the first term.</param>
/// <param name="TargetClass">The digit the result should be.</param>
/// <param name="Attribute">The attribute carried from source to target.</param>
/// <param name="Increase">True moves the target towards more of the attribute (thicker, more right-leaning); false towards less.</param>
public sealed record Analogy(int SourceClass, int TargetClass, DigitAttribute Attribute, bool Increase = true)
{
    string More => Attribute == DigitAttribute.Thickness ? "thick" : "right-leaning";
    string Less => Attribute == DigitAttribute.Thickness ? "thin" : "left-leaning";
    string Wanted => Increase ? More : Less;
    string Other => Increase ? Less : More;

    /// <summary>The analogy in words, e.g. "thick 7 − thin 7 + thin 1 = thick 1".</summary>
    public override string ToString() => $"{Wanted} {SourceClass} − {Other} {SourceClass} + {Other} {TargetClass} = {Wanted} {TargetClass}";

    internal string Direction => Increase ? $"towards {More}" : $"towards {Less}";
    internal string Label(int digit, bool wanted) => $"{(wanted ? Wanted : Other)} {digit}";
}

/// <summary>One vector-arithmetic trial: the three concepts' exemplars, the decoded results and how they measured.</summary>
public sealed record ArithmeticTrial(
    Analogy Analogy, ConceptImages A, ConceptImages B, ConceptImages C, Tensor Results,
    int PredictedClass, double AttributeValue, double TargetMedian)
{
    /// <summary>The result (the un-noised code) is classified as the target class.</summary>
    public bool ClassRight => PredictedClass == Analogy.TargetClass;
    /// <summary>The result's attribute lies on the intended side of the target class's median.</summary>
    public bool AttributeRight => Analogy.Increase ? AttributeValue > TargetMedian : AttributeValue < TargetMedian;
    /// <summary>Both class and attribute are as intended.</summary>
    public bool Landed => ClassRight && AttributeRight;

    /// <summary>What the result measured, in words.</summary>
    public string Summary =>
        $"class {PredictedClass} ({(ClassRight ? "right" : "wrong")}), {Analogy.Attribute.ToString().ToLowerInvariant()} {AttributeValue:F3} vs median {TargetMedian:F3} ({(AttributeRight ? "right" : "wrong")})";
}

/// <summary>Many trials and their success rates.</summary>
public sealed record ArithmeticResults(IReadOnlyList<ArithmeticTrial> All)
{
    /// <summary>Number of trials.</summary>
    public int Trials => All.Count;
    /// <summary>Fraction of trials whose result has the target class.</summary>
    public double ClassRate => All.Average(t => t.ClassRight ? 1.0 : 0.0);
    /// <summary>Fraction of trials whose result moved the attribute the intended way.</summary>
    public double AttributeRate => All.Average(t => t.AttributeRight ? 1.0 : 0.0);
    /// <summary>Fraction of trials right on both.</summary>
    public double SuccessRate => All.Average(t => t.Landed ? 1.0 : 0.0);
}

/// <summary>Vector arithmetic on a generator's latent space, scored by measurement: exemplars are chosen among samples by class and attribute, as Radford et al. chose theirs by eye.</summary>
public sealed class ArithmeticTrials : IDisposable
{
    readonly Func<Tensor, Tensor> _decode;
    readonly int _exemplars;
    readonly Tensor _codes;
    readonly int[] _predicted;
    readonly double[] _confidence;
    readonly Dictionary<DigitAttribute, double[]> _attributes;
    readonly nn.Module<Tensor, Tensor> _classifier;

    /// <summary>Samples a pool of codes, decodes, classifies and measures them once; trials then draw exemplars from this pool.</summary>
    /// <param name="decode">Codes [N, latentDim] to images [N,1,28,28] in [0,1].</param>
    /// <param name="classifier">Judges the class of every decoded image.</param>
    /// <param name="latentDim">Length of each code.</param>
    /// <param name="pool">How many codes to sample, decode and measure.</param>
    /// <param name="seed">Seeds the pool and the exemplar draws.</param>
    /// <param name="exemplars">Exemplars averaged per concept (Radford et al. used three).</param>
    public ArithmeticTrials(Func<Tensor, Tensor> decode, nn.Module<Tensor, Tensor> classifier, int latentDim, int pool, int seed, int exemplars = 3)
    {
        if (exemplars < 1) throw new ArgumentOutOfRangeException(nameof(exemplars), exemplars, "at least one exemplar per concept is needed");
        _decode = decode; _classifier = classifier; _exemplars = exemplars;
        _codes = randn(pool, latentDim, generator: new Generator((ulong)seed));
        using var images = Decode(_codes);
        (_predicted, _confidence) = Classify(images);
        _attributes = new()
        {
            [DigitAttribute.Thickness] = ToArray(DigitAttributes.InkMass(images)),
            [DigitAttribute.Slant] = ToArray(DigitAttributes.Slant(images)),
        };
    }

    /// <summary>Classes with enough confidently classified samples in the pool for trials.</summary>
    public IReadOnlyList<int> UsableClasses => Enumerable.Range(0, 10).Where(c => Confident(c).Length >= 4 * _exemplars).ToList();

    /// <summary>"Thick 7 − thin 7 + thin 1 = thick 1" when both digits are usable, else the same with the first two usable digits.</summary>
    public Analogy ExampleAnalogy()
    {
        var usable = UsableClasses;
        if (usable.Contains(7) && usable.Contains(1)) return new Analogy(7, 1, DigitAttribute.Thickness);
        if (usable.Count < 2)
            throw new InvalidOperationException($"vector arithmetic needs at least two digits the classifier recognises among the generator's samples; found {usable.Count}. Train the generator longer.");
        return new Analogy(usable[0], usable[1], DigitAttribute.Thickness);
    }

    /// <summary>Runs one analogy with exemplars drawn by <paramref name="trialSeed"/>.</summary>
    public ArithmeticTrial Run(Analogy analogy, int trialSeed)
    {
        foreach (var c in new[] { analogy.SourceClass, analogy.TargetClass })
            if (!UsableClasses.Contains(c))
                throw new InvalidOperationException($"the pool has too few confident samples of digit {c} for a trial; use a larger pool or a better-trained generator (usable: {string.Join(", ", UsableClasses)})");
        var rng = new Random(trialSeed);
        using var scope = NewDisposeScope();
        var a = Concept(analogy.SourceClass, analogy.Attribute, analogy.Increase, rng, analogy.Label(analogy.SourceClass, true));
        var b = Concept(analogy.SourceClass, analogy.Attribute, !analogy.Increase, rng, analogy.Label(analogy.SourceClass, false));
        var c2 = Concept(analogy.TargetClass, analogy.Attribute, !analogy.Increase, rng, analogy.Label(analogy.TargetClass, false));
        var result = VectorArithmetic.Apply(a.Mean, b.Mean, c2.Mean);
        var codes = VectorArithmetic.Neighbourhood(result, 9, 0.25, new Generator((ulong)trialSeed));
        var images = Decode(codes);
        var (predicted, _) = Classify(images.narrow(0, 0, 1));
        double value = ToArray(Measure(images.narrow(0, 0, 1), analogy.Attribute))[0];
        var targetValues = Confident(analogy.TargetClass).Select(i => _attributes[analogy.Attribute][i]).Order().ToArray();
        double median = targetValues[targetValues.Length / 2];
        var trial = new ArithmeticTrial(analogy, a.Images, b.Images, c2.Images, images, predicted[0], value, median);
        foreach (var t in new[] { a.Images.Exemplars, a.Images.MeanDecoding, b.Images.Exemplars, b.Images.MeanDecoding,
                                  c2.Images.Exemplars, c2.Images.MeanDecoding, images })
            t.MoveToOuterDisposeScope();
        return trial;
    }

    /// <summary>Runs <paramref name="trials"/> analogies with random class pairs, attributes and directions.</summary>
    public ArithmeticResults RunMany(int trials, int seed)
    {
        var classes = UsableClasses;
        if (classes.Count < 2)
            throw new InvalidOperationException($"vector arithmetic needs at least two digits the classifier recognises confidently among the generator's samples; found {classes.Count}. Train the generator longer.");
        var rng = new Random(seed);
        var all = new List<ArithmeticTrial>();
        for (int i = 0; i < trials; i++)
        {
            int source = classes[rng.Next(classes.Count)];
            int target;
            do target = classes[rng.Next(classes.Count)]; while (target == source);
            var analogy = new Analogy(source, target, rng.Next(2) == 0 ? DigitAttribute.Thickness : DigitAttribute.Slant, rng.Next(2) == 0);
            all.Add(Run(analogy, rng.Next()));
        }
        return new ArithmeticResults(all);
    }

    /// <summary>Indices of pool samples predicted as <paramref name="digit"/>, the most confident quarter of them:
    /// exemplars should be clear instances of their class, as Radford et al.'s hand-picked ones were.</summary>
    int[] Confident(int digit)
    {
        var ofClass = Enumerable.Range(0, _predicted.Length).Where(i => _predicted[i] == digit)
            .OrderByDescending(i => _confidence[i]).ToArray();
        return ofClass.Take(Math.Max(ofClass.Length / 4, Math.Min(ofClass.Length, 4 * _exemplars))).ToArray();
    }

    (ConceptImages Images, Tensor Mean) Concept(int digit, DigitAttribute attribute, bool high, Random rng, string label)
    {
        var values = _attributes[attribute];
        var sorted = Confident(digit).OrderBy(i => values[i]).ToArray();
        int quarter = Math.Max(_exemplars, sorted.Length / 4);
        var side = high ? sorted[^quarter..] : sorted[..quarter];
        var chosen = side.OrderBy(_ => rng.Next()).Take(_exemplars).Select(i => (long)i).ToArray();
        var z = _codes.index_select(0, tensor(chosen));
        var mean = ConceptVector.Mean(z);
        return (new ConceptImages(label, Decode(z), Decode(mean.unsqueeze(0))), mean);
    }

    Tensor Decode(Tensor z)
    {
        using var noGrad = no_grad();
        return Inference.MapBatched(z, 500, _decode);
    }

    (int[] Predicted, double[] Confidence) Classify(Tensor images)
    {
        using var evalMode = Inference.EvalMode(_classifier);
        using var probabilities = Inference.MapBatched(images, 500, x => nn.functional.softmax(_classifier.forward(x), 1));
        var (values, indexes) = probabilities.max(1);
        using (values) using (indexes)
            return (indexes.data<long>().Select(v => (int)v).ToArray(), ToArray(values));
    }

    static Tensor Measure(Tensor images, DigitAttribute attribute) =>
        attribute == DigitAttribute.Thickness ? DigitAttributes.InkMass(images) : DigitAttributes.Slant(images);

    static double[] ToArray(Tensor t)
    {
        using var d = t.to_type(ScalarType.Float64).cpu();
        return d.data<double>().ToArray();
    }

    /// <summary>Releases the pool's codes.</summary>
    public void Dispose() => _codes.Dispose();
}
