using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Latent;

/// <summary>A measurable attribute of a digit image, used to score latent vector arithmetic.</summary>
public enum DigitAttribute
{
    /// <summary>Stroke thickness, measured as stroke width (<see cref="DigitAttributes.StrokeWidth"/>), which does not grow with the digit's size as ink mass does.</summary>
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

/// <summary>What one decoded code measured, judged against an analogy's target.</summary>
/// <param name="Analogy">The analogy the code was meant to complete.</param>
/// <param name="PredictedClass">The evaluation network's class for the decoded image.</param>
/// <param name="AttributeValue">The analogy's attribute measured on the decoded image.</param>
/// <param name="TargetMedian">The attribute's median over confident pool samples of the target class.</param>
public sealed record Outcome(Analogy Analogy, int PredictedClass, double AttributeValue, double TargetMedian)
{
    /// <summary>The image is classified as the target class.</summary>
    public bool ClassRight => PredictedClass == Analogy.TargetClass;
    /// <summary>The attribute lies on the intended side of the target class's median.</summary>
    public bool AttributeRight => Analogy.Increase ? AttributeValue > TargetMedian : AttributeValue < TargetMedian;
    /// <summary>Both class and attribute are as intended.</summary>
    public bool Landed => ClassRight && AttributeRight;

    /// <summary>What the image measured, in words.</summary>
    public string Summary =>
        $"class {PredictedClass} ({(ClassRight ? "right" : "wrong")}), {Analogy.Attribute.ToString().ToLowerInvariant()} {AttributeValue:F2} vs median {TargetMedian:F2} ({(AttributeRight ? "right" : "wrong")})";
}

/// <summary>
/// One trial scored three ways on the same exemplars: the arithmetic's result z̄(A) − z̄(B) + z̄(C), and two baselines that show what the
/// offset z̄(A) − z̄(B) contributes: z̄(C) plus a random direction of the offset's norm, and z̄(C) alone.
/// </summary>
/// <param name="Analogy">The analogy tried.</param>
/// <param name="TrialSeed">Seeds the exemplar draw and the random direction; <see cref="ArithmeticTrials.Run"/> with it redraws the same trial with its images.</param>
/// <param name="Exemplars">Exemplars averaged per concept.</param>
/// <param name="Arithmetic">The arithmetic's result.</param>
/// <param name="RandomDirection">z̄(C) plus a random direction as long as the offset.</param>
/// <param name="TargetMean">z̄(C), no arithmetic.</param>
public sealed record TrialScore(Analogy Analogy, int TrialSeed, int Exemplars, Outcome Arithmetic, Outcome RandomDirection, Outcome TargetMean);

/// <summary>One vector-arithmetic trial with its images: the three concepts' exemplars, the decoded results and how they measured.</summary>
/// <param name="Analogy">The analogy tried.</param>
/// <param name="A">The first concept (attribute wanted, source digit).</param>
/// <param name="B">The second concept (attribute not wanted, source digit).</param>
/// <param name="C">The third concept (attribute not wanted, target digit).</param>
/// <param name="Results">The decoded result [9,1,28,28]: first the un-noised code, then its neighbours.</param>
/// <param name="Score">How the result and the baselines measured.</param>
public sealed record ArithmeticTrial(Analogy Analogy, ConceptImages A, ConceptImages B, ConceptImages C, Tensor Results, TrialScore Score)
{
    /// <summary>The un-noised result lands on class and attribute.</summary>
    public bool Landed => Score.Arithmetic.Landed;
    /// <summary>What the un-noised result measured, in words.</summary>
    public string Summary => Score.Arithmetic.Summary;
}

/// <summary>Many trials at one exemplar count, with the success rates of the arithmetic and of the two baselines.</summary>
/// <param name="Exemplars">Exemplars averaged per concept.</param>
/// <param name="All">Every trial's score.</param>
public sealed record ArithmeticResults(int Exemplars, IReadOnlyList<TrialScore> All)
{
    /// <summary>Number of trials.</summary>
    public int Trials => All.Count;
    /// <summary>Fraction of trials whose result has the target class.</summary>
    public double ClassRate => Rate(t => t.Arithmetic.ClassRight);
    /// <summary>Fraction of trials whose result moved the attribute the intended way.</summary>
    public double AttributeRate => Rate(t => t.Arithmetic.AttributeRight);
    /// <summary>Fraction of trials right on both: the arithmetic's success rate.</summary>
    public double SuccessRate => Rate(t => t.Arithmetic.Landed);
    /// <summary>Success rate of z̄(C) plus a random direction of the offset's norm.</summary>
    public double RandomBaselineRate => Rate(t => t.RandomDirection.Landed);
    /// <summary>Success rate of z̄(C) alone.</summary>
    public double TargetMeanBaselineRate => Rate(t => t.TargetMean.Landed);
    /// <summary>The trials whose result did not land.</summary>
    public IReadOnlyList<TrialScore> Failures => All.Where(t => !t.Arithmetic.Landed).ToList();

    double Rate(Func<TrialScore, bool> ok) => All.Count == 0 ? double.NaN : All.Average(t => ok(t) ? 1.0 : 0.0);
}

/// <summary>Vector arithmetic on a generator's latent space, scored by measurement: exemplars are chosen among samples by class and attribute, as Radford et al. chose theirs by eye.</summary>
public sealed class ArithmeticTrials : IDisposable
{
    /// <summary>Exemplars per concept in Radford et al.</summary>
    public const int PaperExemplars = 3;

    /// <summary>Exemplars per concept at which the course scores the arithmetic: the most its exemplar curve tries. Fixed before the
    /// course's run, from runs of the DCGAN outside it (success 0.83–0.905 at 30 exemplars in four runs, 0.78–0.825 at 10), so that
    /// the count is not picked from the figures it scores.</summary>
    public const int CourseExemplars = 30;

    readonly Func<Tensor, Tensor> _decode;
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
    /// <param name="seed">Seeds the pool.</param>
    public ArithmeticTrials(Func<Tensor, Tensor> decode, nn.Module<Tensor, Tensor> classifier, int latentDim, int pool, int seed)
    {
        if (pool < 1) throw new ArgumentOutOfRangeException(nameof(pool), pool, "the pool needs at least one code (the course uses thousands)");
        _decode = decode; _classifier = classifier;
        _codes = randn(pool, latentDim, generator: new Generator((ulong)seed));
        using var images = Decode(_codes);
        (_predicted, _confidence) = Classify(images);
        _attributes = new()
        {
            [DigitAttribute.Thickness] = ToArray(DigitAttributes.StrokeWidth(images)),
            [DigitAttribute.Slant] = ToArray(DigitAttributes.Slant(images)),
        };
    }

    /// <summary>Classes with enough confidently classified samples in the pool to draw <paramref name="exemplars"/> exemplars per concept.</summary>
    /// <param name="exemplars">Exemplars per concept.</param>
    public IReadOnlyList<int> UsableClasses(int exemplars = PaperExemplars) =>
        Enumerable.Range(0, 10).Where(c => Confident(c, exemplars).Length >= 4 * exemplars).ToList();

    /// <summary>"Thick 7 − thin 7 + thin 1 = thick 1" when both digits are usable, else the same with the first two usable digits.</summary>
    public Analogy ExampleAnalogy()
    {
        var usable = UsableClasses();
        if (usable.Contains(7) && usable.Contains(1)) return new Analogy(7, 1, DigitAttribute.Thickness);
        if (usable.Count < 2)
            throw new InvalidOperationException($"vector arithmetic needs at least two digits the classifier recognises among the generator's samples; found {usable.Count}. Train the generator longer.");
        return new Analogy(usable[0], usable[1], DigitAttribute.Thickness);
    }

    /// <summary>
    /// How far the digits share one direction for <paramref name="attribute"/>: each usable digit's offset z̄(the quarter of its confident
    /// samples highest in the attribute) − z̄(the lowest quarter), the quarters trials draw <paramref name="exemplars"/> exemplars from, and
    /// the mean cosine between the offsets of every pair of digits. Near 1: one direction serves every digit, so an offset taken from
    /// one digit carries to another; near 0: each digit has its own.
    /// </summary>
    /// <param name="attribute">The attribute whose offsets are compared.</param>
    /// <param name="exemplars">Exemplars per concept of the trials this explains: it sets the quarters, as in <see cref="RunMany(int, int, int)"/>.</param>
    public double OffsetAgreement(DigitAttribute attribute, int exemplars = PaperExemplars)
    {
        var classes = UsableClasses(exemplars);
        if (classes.Count < 2)
            throw new InvalidOperationException($"comparing offsets with {exemplars} exemplars per concept needs at least two digits with {4 * exemplars} confidently classified samples in the pool; found {classes.Count}. Use a larger pool, fewer exemplars or a better-trained generator.");
        using var scope = NewDisposeScope();
        Tensor Mean(int[] indices) => _codes.index_select(0, tensor(indices.Select(i => (long)i).ToArray())).mean([0]);
        var offsets = stack(classes.Select(digit =>
            Mean(Quarter(digit, attribute, high: true, exemplars)) - Mean(Quarter(digit, attribute, high: false, exemplars))).ToArray());
        var unit = offsets / offsets.norm(dim: 1, keepdim: true);
        int n = classes.Count;
        // The Gram matrix of unit rows holds every pair's cosine; its diagonal is n ones.
        return (unit.matmul(unit.T).sum().item<float>() - n) / (n * (n - 1.0));
    }

    /// <summary>Runs one analogy with exemplars drawn by <paramref name="trialSeed"/>, keeping the images for display.</summary>
    /// <param name="analogy">The analogy to try.</param>
    /// <param name="trialSeed">Seeds the exemplar draw, the random-direction baseline and the result's neighbours.</param>
    /// <param name="exemplars">Exemplars averaged per concept.</param>
    public ArithmeticTrial Run(Analogy analogy, int trialSeed, int exemplars = PaperExemplars)
    {
        using var scope = NewDisposeScope();
        var (a, b, c) = Draw(analogy, trialSeed, exemplars);
        var score = Score(analogy, trialSeed, exemplars, a, b, c);
        var result = VectorArithmetic.Apply(ConceptVector.Mean(a), ConceptVector.Mean(b), ConceptVector.Mean(c));
        var results = Decode(VectorArithmetic.Neighbourhood(result, 9, 0.25, new Generator((ulong)trialSeed)));
        var terms = new[] { (a, true, analogy.SourceClass), (b, false, analogy.SourceClass), (c, false, analogy.TargetClass) }
            .Select(t => new ConceptImages(analogy.Label(t.Item3, t.Item2), Decode(t.Item1), Decode(ConceptVector.Mean(t.Item1).unsqueeze(0))))
            .ToArray();
        foreach (var t in terms) { t.Exemplars.MoveToOuterDisposeScope(); t.MeanDecoding.MoveToOuterDisposeScope(); }
        return new ArithmeticTrial(analogy, terms[0], terms[1], terms[2], results.MoveToOuterDisposeScope(), score);
    }

    /// <summary>Scores <paramref name="trials"/> analogies with random class pairs, attributes and directions (no images kept).</summary>
    /// <param name="trials">Number of trials.</param>
    /// <param name="seed">Seeds the analogies and each trial's seed.</param>
    /// <param name="exemplars">Exemplars averaged per concept.</param>
    public ArithmeticResults RunMany(int trials, int seed, int exemplars = PaperExemplars) => RunMany(trials, seed, exemplars, UsableClasses(exemplars));

    /// <summary>
    /// Success against the number of exemplars averaged per concept: the same analogies and trial seeds at every count, over the classes
    /// usable at the largest count, so the points differ only in how many exemplars each concept averages.
    /// </summary>
    /// <param name="counts">Exemplar counts to try, e.g. 1, 3, 10, 30.</param>
    /// <param name="trials">Trials per count.</param>
    /// <param name="seed">Seeds the analogies and each trial's seed.</param>
    public IReadOnlyList<ArithmeticResults> ExemplarCurve(IReadOnlyList<int> counts, int trials, int seed)
    {
        if (counts.Count == 0 || counts.Any(k => k < 1))
            throw new ArgumentException($"give one or more exemplar counts, each at least 1; got [{string.Join(", ", counts)}]", nameof(counts));
        var classes = UsableClasses(counts.Max());
        return counts.Select(k => RunMany(trials, seed, k, classes)).ToList();
    }

    ArithmeticResults RunMany(int trials, int seed, int exemplars, IReadOnlyList<int> classes)
    {
        if (trials < 1) throw new ArgumentOutOfRangeException(nameof(trials), trials, "at least one trial is needed");
        if (classes.Count < 2)
            throw new InvalidOperationException($"vector arithmetic with {exemplars} exemplars per concept needs at least two digits with {4 * exemplars} confidently classified samples in the pool; found {classes.Count}. Use a larger pool, fewer exemplars or a better-trained generator.");
        var rng = new Random(seed);
        var all = new List<TrialScore>();
        for (int i = 0; i < trials; i++)
        {
            int source = classes[rng.Next(classes.Count)];
            int target;
            do target = classes[rng.Next(classes.Count)]; while (target == source);
            var analogy = new Analogy(source, target, rng.Next(2) == 0 ? DigitAttribute.Thickness : DigitAttribute.Slant, rng.Next(2) == 0);
            int trialSeed = rng.Next();
            using var scope = NewDisposeScope();
            var (a, b, c) = Draw(analogy, trialSeed, exemplars);
            all.Add(Score(analogy, trialSeed, exemplars, a, b, c));
        }
        return new ArithmeticResults(exemplars, all);
    }

    /// <summary>The exemplar codes [exemplars, D] of the three concepts: wanted-attribute source, unwanted-attribute source, unwanted-attribute target.</summary>
    (Tensor A, Tensor B, Tensor C) Draw(Analogy analogy, int trialSeed, int exemplars)
    {
        if (exemplars < 1) throw new ArgumentOutOfRangeException(nameof(exemplars), exemplars, "at least one exemplar per concept is needed");
        var usable = UsableClasses(exemplars);
        foreach (var digit in new[] { analogy.SourceClass, analogy.TargetClass })
            if (!usable.Contains(digit))
                throw new InvalidOperationException($"the pool has too few confident samples of digit {digit} for {exemplars} exemplars per concept; use a larger pool, fewer exemplars or a better-trained generator (usable: {string.Join(", ", usable)})");
        var rng = new Random(trialSeed);
        return (Concept(analogy.SourceClass, analogy.Attribute, analogy.Increase, exemplars, rng),
                Concept(analogy.SourceClass, analogy.Attribute, !analogy.Increase, exemplars, rng),
                Concept(analogy.TargetClass, analogy.Attribute, !analogy.Increase, exemplars, rng));
    }

    TrialScore Score(Analogy analogy, int trialSeed, int exemplars, Tensor a, Tensor b, Tensor c)
    {
        using var scope = NewDisposeScope();
        var target = ConceptVector.Mean(c);
        var offset = ConceptVector.Mean(a) - ConceptVector.Mean(b);
        var direction = randn(offset.shape, dtype: offset.dtype, generator: new Generator((ulong)trialSeed));
        var random = target + direction * (offset.norm() / direction.norm());
        var images = Decode(stack([target + offset, random, target]));
        var (predicted, _) = Classify(images);
        var values = ToArray(Measure(images, analogy.Attribute));
        var median = TargetMedian(analogy);
        var outcomes = Enumerable.Range(0, 3).Select(k => new Outcome(analogy, predicted[k], values[k], median)).ToArray();
        return new TrialScore(analogy, trialSeed, exemplars, outcomes[0], outcomes[1], outcomes[2]);
    }

    /// <summary>The attribute's median over the target class's confident samples: the line a result must cross, the same at every exemplar count.</summary>
    double TargetMedian(Analogy analogy)
    {
        var values = Confident(analogy.TargetClass, 1).Select(i => _attributes[analogy.Attribute][i]).Order().ToArray();
        return values[values.Length / 2];
    }

    /// <summary>Indices of pool samples predicted as <paramref name="digit"/>: the most confident quarter of them, but at least
    /// 4·<paramref name="exemplars"/> when there are that many. Exemplars should be clear instances of their class, as Radford et al.'s hand-picked ones were.</summary>
    int[] Confident(int digit, int exemplars)
    {
        var ofClass = Enumerable.Range(0, _predicted.Length).Where(i => _predicted[i] == digit)
            .OrderByDescending(i => _confidence[i]).ToArray();
        return ofClass.Take(Math.Max(ofClass.Length / 4, Math.Min(ofClass.Length, 4 * exemplars))).ToArray();
    }

    /// <summary>Codes [exemplars, D] drawn at random from <see cref="Quarter"/>.</summary>
    Tensor Concept(int digit, DigitAttribute attribute, bool high, int exemplars, Random rng)
    {
        var chosen = Quarter(digit, attribute, high, exemplars).OrderBy(_ => rng.Next()).Take(exemplars).Select(i => (long)i).ToArray();
        return _codes.index_select(0, tensor(chosen));
    }

    /// <summary>Indices of the quarter of <paramref name="digit"/>'s confident samples highest (or lowest) in <paramref name="attribute"/>,
    /// but at least <paramref name="exemplars"/> of them.</summary>
    int[] Quarter(int digit, DigitAttribute attribute, bool high, int exemplars)
    {
        var values = _attributes[attribute];
        var sorted = Confident(digit, exemplars).OrderBy(i => values[i]).ToArray();
        int quarter = Math.Max(exemplars, sorted.Length / 4);
        return high ? sorted[^quarter..] : sorted[..quarter];
    }

    Tensor Decode(Tensor z)
    {
        using var noGrad = no_grad();
        return Inference.MapBatched(z, 500, _decode);
    }

    (int[] Predicted, double[] Confidence) Classify(Tensor images)
    {
        using var probabilities = Inference.Probabilities(_classifier, images);
        var (values, indexes) = probabilities.max(1);
        using (values) using (indexes)
            return (indexes.data<long>().Select(v => (int)v).ToArray(), ToArray(values));
    }

    static Tensor Measure(Tensor images, DigitAttribute attribute) =>
        attribute == DigitAttribute.Thickness ? DigitAttributes.StrokeWidth(images) : DigitAttributes.Slant(images);

    static double[] ToArray(Tensor t)
    {
        using var d = t.to_type(ScalarType.Float64).cpu();
        return d.data<double>().ToArray();
    }

    /// <summary>Releases the pool's codes.</summary>
    public void Dispose() => _codes.Dispose();
}
