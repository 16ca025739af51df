using Generative.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Models;

public class ModelShapeTests
{
    static long Count(nn.Module m) => m.parameters().Sum(p => p.numel());
    static long Linear(long inF, long outF) => inF * outF + outF;
    static long Conv(long inC, long outC, long k, bool bias = true) => inC * outC * k * k + (bias ? outC : 0);
    static long BatchNorm(long c) => 2 * c;

    static void AssertShape(Tensor t, params long[] shape) => Assert.Equal(shape, t.shape);

    [Fact]
    public void ClassifierGivesLogitsAndFeatures()
    {
        var m = new Classifier();
        m.eval();
        using var scope = NewDisposeScope();
        var x = rand(3, 1, 28, 28);
        AssertShape(m.forward(x), 3, 10);
        AssertShape(m.Features(x), 3, Classifier.FeatureSize);
        Assert.Equal(Conv(1, 16, 5) + Conv(16, 32, 5) + Linear(32 * 4 * 4, 128) + Linear(128, 10), Count(m));
    }

    [Theory]
    [InlineData(32)]
    [InlineData(2)]
    public void AutoencodersMapImagesToCodesAndBack(int code)
    {
        var models = new (Autoencoder Model, long Params)[]
        {
            (new LinearAutoencoder(code), Linear(784, code) + Linear(code, 784)),
            (new DeepAutoencoder(code), Linear(784, 512) + Linear(512, 256) + Linear(256, code) + Linear(code, 256) + Linear(256, 512) + Linear(512, 784)),
            (new ConvAutoencoder(code), Conv(1, 32, 4) + Conv(32, 64, 4) + Linear(64 * 49, code) + Linear(code, 64 * 49) + Conv(64, 32, 4) + Conv(32, 1, 4)),
        };
        foreach (var (m, expected) in models)
        {
            using var scope = NewDisposeScope();
            var x = rand(5, 1, 28, 28);
            var z = m.Encode(x);
            AssertShape(z, 5, code);
            var r = m.forward(x);
            AssertShape(r, 5, 1, 28, 28);
            if (m is LinearAutoencoder)
                // The original's sigmoid sits on the code, and its decoder is linear.
                Assert.True(z.gt(0).all().item<bool>() && z.lt(1).all().item<bool>(), "LinearAutoencoder codes leave (0,1)");
            else
                Assert.True(r.gt(0).all().item<bool>() && r.lt(1).all().item<bool>(), $"{m.GetType().Name} output leaves (0,1)");
            Assert.Equal(code, m.CodeSize);
            Assert.Equal(expected, Count(m));
        }
    }

    [Fact]
    public void VaesFollowTheirLayerSizes()
    {
        long mlp = Linear(784, 400) + 2 * Linear(400, 20) + Linear(20, 400) + Linear(400, 784);
        var models = new (nn.Module<Tensor, (Tensor, Tensor, Tensor)> Model, long Params, int Latent)[]
        {
            (new Vae(), mlp, 20),
            (new GaussianVae(), mlp + Linear(400, 784), 20),
            (new Vae(hiddenDim: 100, latentDim: 5), Linear(784, 100) + 2 * Linear(100, 5) + Linear(5, 100) + Linear(100, 784), 5),
            (new DeepVae(), Linear(784, 512) + Linear(512, 256) + 2 * Linear(256, 2) + Linear(2, 256) + Linear(256, 512) + Linear(512, 784), 2),
        };
        foreach (var (m, expected, latent) in models)
        {
            using var scope = NewDisposeScope();
            var vae = (VariationalAutoencoder)m;
            var x = rand(4, 1, 28, 28);
            var (recon, mu, logVar) = m.forward(x);
            AssertShape(recon, 4, 1, 28, 28);
            AssertShape(mu, 4, latent);
            AssertShape(logVar, 4, latent);
            AssertShape(vae.LogLikelihood(x, mu), 4);
            AssertShape(vae.DecodeMean(randn(6, latent)), 6, 1, 28, 28);
            Assert.Equal(latent, vae.LatentDim);
            Assert.Equal(expected, Count(m));
        }
    }

    [Fact]
    public void GaussianDecoderVarianceNeverFallsBelowTheFloor()
    {
        var m = new GaussianVae(varianceFloor: 1e-3);
        using var scope = NewDisposeScope();
        using (no_grad())
            foreach (var p in m.parameters()) p.mul_(50);  // drive the variance head to extremes
        var (_, logVar) = m.DecodeGaussian(randn(16, 20) * 10);
        Assert.True(logVar.min().item<float>() >= Math.Log(1e-3) - 1e-5);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    public void GansMapNoiseToImagesAndImagesToLogits(int width)
    {
        var pairs = new (nn.Module<Tensor, Tensor> G, long GParams, nn.Module<Tensor, Tensor> D, long DParams)[]
        {
            (new MlpGenerator(), Linear(100, 1024) + Linear(1024, 1024) + Linear(1024, 784),
             new MlpDiscriminator(), Linear(784, 256) + Linear(256, 256) + Linear(256, 1)),
            (new DcganGenerator(100, width),
                Linear(100, 512) + BatchNorm(512) + Linear(512, 512) + BatchNorm(512) + Linear(512, 2 * width * 49) + BatchNorm(2 * width * 49)
                    + Conv(2 * width, width, 4, bias: false) + BatchNorm(width) + Conv(width, 1, 4, bias: false),
             new DcganDiscriminator(width),
                Conv(1, width, 4, bias: false) + Conv(width, 2 * width, 4, bias: false) + BatchNorm(2 * width) + Linear(2 * width * 49, 256) + Linear(256, 1)),
            // InfoGAN's codes change what the first layer reads, not its size; D gains the head Q over its hidden layer.
            (new DcganGenerator(new LatentCode(100, Categories: 10, Continuous: 2), width),
                Linear(100, 512) + BatchNorm(512) + Linear(512, 512) + BatchNorm(512) + Linear(512, 2 * width * 49) + BatchNorm(2 * width * 49)
                    + Conv(2 * width, width, 4, bias: false) + BatchNorm(width) + Conv(width, 1, 4, bias: false),
             new DcganDiscriminator(width, codeOutputs: 12),
                Conv(1, width, 4, bias: false) + Conv(width, 2 * width, 4, bias: false) + BatchNorm(2 * width) + Linear(2 * width * 49, 256) + Linear(256, 1) + Linear(256, 12)),
            // A style code leaves the first layer (99 inputs) for a scale and shift of the 14x14 maps, a shift of the output and its stroke width.
            (new DcganGenerator(new LatentCode(100, Categories: 10, Continuous: 3, Style: 1), width),
                Linear(99, 512) + BatchNorm(512) + Linear(512, 512) + BatchNorm(512) + Linear(512, 2 * width * 49) + BatchNorm(2 * width * 49)
                    + Conv(2 * width, width, 4, bias: false) + BatchNorm(width) + Linear(1, 2 * width) + Conv(width, 1, 4, bias: false) + Linear(1, 1) + 1,
             new DcganDiscriminator(width, codeOutputs: 13),
                Conv(1, width, 4, bias: false) + Conv(width, 2 * width, 4, bias: false) + BatchNorm(2 * width) + Linear(2 * width * 49, 256) + Linear(256, 1) + Linear(256, 13)),
            // A shear code also leaves the first layer (98 inputs), for one gain; the style code's stroke width has one more.
            (new DcganGenerator(new LatentCode(100, Categories: 10, Continuous: 3, Style: 1, Shear: 1), width),
                Linear(98, 512) + BatchNorm(512) + Linear(512, 512) + BatchNorm(512) + Linear(512, 2 * width * 49) + BatchNorm(2 * width * 49)
                    + Conv(2 * width, width, 4, bias: false) + BatchNorm(width) + 1 + Linear(1, 2 * width) + Conv(width, 1, 4, bias: false) + Linear(1, 1) + 1,
             new DcganDiscriminator(width, codeOutputs: 13),
                Conv(1, width, 4, bias: false) + Conv(width, 2 * width, 4, bias: false) + BatchNorm(2 * width) + Linear(2 * width * 49, 256) + Linear(256, 1) + Linear(256, 13)),
        };
        foreach (var (g, gParams, d, dParams) in pairs)
        {
            using var scope = NewDisposeScope();
            var images = g.forward(randn(8, 100));
            AssertShape(images, 8, 1, 28, 28);
            Assert.True(images.abs().le(1).all().item<bool>(), "generator output leaves [-1,1]");
            AssertShape(d.forward(images), 8);
            Assert.Equal(gParams, Count(g));
            Assert.Equal(dParams, Count(d));
        }
    }

    [Fact]
    public void DcganNetworksRefuseAWidthThatIsNotPositiveAndACodeThatDoesNotFit()
    {
        Assert.Contains("positive width", Assert.Throws<ArgumentOutOfRangeException>(() => new DcganGenerator(100, hidden: 0)).Message);
        Assert.Contains("positive width", Assert.Throws<ArgumentOutOfRangeException>(() => new DcganDiscriminator(hidden: 0)).Message);
        Assert.Contains("leave room in z", Assert.Throws<ArgumentOutOfRangeException>(() => new DcganGenerator(new LatentCode(8, Categories: 10))).Message);
        Assert.Contains("at least 2 categories", Assert.Throws<ArgumentOutOfRangeException>(() => new DcganGenerator(new LatentCode(100, Categories: 1))).Message);
        Assert.Contains("style codes are some of the 2 continuous codes", Assert.Throws<ArgumentOutOfRangeException>(() => new DcganGenerator(new LatentCode(100, 10, Continuous: 2, Style: 3))).Message);
    }

    [Fact]
    public void TheStyleCodeReachesTheImageOnlyThroughItsModulations()
    {
        using var scope = NewDisposeScope();
        var code = new LatentCode(20, Categories: 3, Continuous: 2, Style: 1);
        using var g = new DcganGenerator(code, ngf: 16, hidden: 32);
        g.eval();
        var z = randn(4, 20, generator: new Generator(1));
        var other = z.clone();
        other[.., 19] = z[.., 19] + 2;
        // From the start the style code shifts the output and thickens it, so the image changes; with those at zero, nothing else reads it.
        Assert.True(g.forward(z).sub(g.forward(other)).abs().max().item<float>() > 1e-3, "the style code shifts the output from the start");
        void Modulations(double value) { using (no_grad()) foreach (var (_, p) in g.named_parameters().Where(p => p.name.Contains("Style") || p.name.Contains("Width"))) p.fill_(value); }
        Modulations(0);
        Assert.True(g.forward(z).eq(g.forward(other)).all().item<bool>());
        Modulations(0.5);
        Assert.True(g.forward(z).sub(g.forward(other)).abs().max().item<float>() > 1e-3, "a trained modulation lets the style code change the image");
        var trace = g.Trace(z);
        Assert.Equal(["z: [4, 20]", "CategoricalCode: [4, 20]", "Linear: [4, 32]"], trace.Take(3));
        Assert.Equal(["StyleModulation: [4, 16, 14, 14]", "ReLU: [4, 16, 14, 14]", "ConvTranspose2d: [4, 1, 28, 28]", "StyleModulation: [4, 1, 28, 28]", "StrokeWidth: [4, 1, 28, 28]", "Tanh: [4, 1, 28, 28]"], trace.TakeLast(6));
    }

    [Fact]
    public void TheShearCodeReachesTheImageOnlyThroughTheShearOfThe14x14Maps()
    {
        using var scope = NewDisposeScope();
        var code = new LatentCode(20, Categories: 3, Continuous: 3, Style: 1, Shear: 1);
        using var g = new DcganGenerator(code, ngf: 16, hidden: 32);
        g.eval();
        var z = randn(4, 20, generator: new Generator(1));
        var other = z.clone();
        other[.., 18] = z[.., 18] + 2;
        Assert.True(g.forward(z).sub(g.forward(other)).abs().max().item<float>() > 1e-3, "the shear code tilts the maps from the start");
        using (no_grad()) g.named_parameters().Single(p => p.name.Contains("shear")).parameter.zero_();
        // With no shear, the layers that lay out the digit do not read the shear code at all.
        Assert.True(g.forward(z).eq(g.forward(other)).all().item<bool>());
        var trace = g.Trace(z);
        Assert.Equal(["BatchNorm2d: [4, 16, 14, 14]", "Shear: [4, 16, 14, 14]", "StyleModulation: [4, 16, 14, 14]"], trace.SkipWhile(t => !t.StartsWith("ConvTranspose2d")).Skip(1).Take(3));
    }

    [Fact]
    public void TheHeadQReadsCodesBesideTheLogitsAndADiscriminatorWithoutOneSaysHowToBuildIt()
    {
        using var scope = NewDisposeScope();
        using var d = new DcganDiscriminator(codeOutputs: 12);
        d.eval();
        var images = rand(4, 1, 28, 28) * 2 - 1;
        var (logits, codes) = d.Read(images);
        AssertShape(codes, 4, 12);
        Assert.True(logits.allclose(d.forward(images)));
        using var plain = new DcganDiscriminator();
        Assert.Contains("codeOutputs", Assert.Throws<InvalidOperationException>(() => plain.Read(images)).Message);
    }

    [Fact]
    public void GanImageRangesRoundTrip()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new float[] { 0f, 0.25f, 1f });
        Assert.Equal(new float[] { -1f, -0.5f, 1f }, GanImages.FromUnit(x).data<float>().ToArray());
        Assert.Equal(x.data<float>().ToArray(), GanImages.ToUnit(GanImages.FromUnit(x)).data<float>().ToArray());
    }
}
