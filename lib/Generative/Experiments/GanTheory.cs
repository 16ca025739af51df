using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Experiments;

/// <summary>Numerical checks of the GAN game's theory on two 1-D Gaussians: the optimal discriminator and V(D*, G) = −log 4 + 2 JSD.</summary>
public static class GanTheory
{
    /// <summary>The densities, D* and a trained discriminator on a grid, with the two values of V(D*, G) computed independently.</summary>
    public sealed record Check(
        double[] Grid, double[] DataDensity, double[] GeneratorDensity, double[] OptimalD, double[] TrainedD,
        double ValueAtOptimum, double ValueFromJsd, double TrainedVsOptimalMaxError,
        double DataMean, double DataStd, double GeneratorMean, double GeneratorStd)
    {
        /// <summary>D*(x) = p_data(x) / (p_data(x) + p_g(x)).</summary>
        public double OptimalAt(double x) =>
            Normal(x, DataMean, DataStd) / (Normal(x, DataMean, DataStd) + Normal(x, GeneratorMean, GeneratorStd));
    }

    /// <summary>Integrates on a fine grid and trains a small discriminator on samples, to compare both with the theory.</summary>
    public static Check CheckOptimalDiscriminator(double dataMean, double dataStd, double generatorMean, double generatorStd, int seed, int steps = 800)
    {
        const int n = 4001;
        double lo = Math.Min(dataMean - 6 * dataStd, generatorMean - 6 * generatorStd);
        double hi = Math.Max(dataMean + 6 * dataStd, generatorMean + 6 * generatorStd);
        double dx = (hi - lo) / (n - 1);
        var grid = Enumerable.Range(0, n).Select(i => lo + i * dx).ToArray();
        var pd = grid.Select(x => Normal(x, dataMean, dataStd)).ToArray();
        var pg = grid.Select(x => Normal(x, generatorMean, generatorStd)).ToArray();
        var dStar = pd.Zip(pg, (a, b) => a / (a + b)).ToArray();

        double value = Integrate(i => pd[i] * SafeLog(dStar[i]) + pg[i] * SafeLog(1 - dStar[i]), n, dx);
        double KlToMixture(double[] p) => Integrate(i => p[i] * SafeLog(p[i] / (0.5 * (pd[i] + pg[i]))), n, dx);
        double jsd = 0.5 * KlToMixture(pd) + 0.5 * KlToMixture(pg);

        var trained = TrainDiscriminator(grid, dataMean, dataStd, generatorMean, generatorStd, seed, steps);
        double maxError = Enumerable.Range(0, n).Where(i => pd[i] + pg[i] > 0.05).Max(i => Math.Abs(trained[i] - dStar[i]));

        // Thin the curves for plotting; the integrals above used every point.
        var keep = Enumerable.Range(0, n).Where(i => i % 20 == 0).ToArray();
        return new Check(keep.Select(i => grid[i]).ToArray(), keep.Select(i => pd[i]).ToArray(), keep.Select(i => pg[i]).ToArray(),
            keep.Select(i => dStar[i]).ToArray(), keep.Select(i => trained[i]).ToArray(),
            value, -Math.Log(4) + 2 * jsd, maxError, dataMean, dataStd, generatorMean, generatorStd);
    }

    static double[] TrainDiscriminator(double[] grid, double dm, double ds, double gm, double gs, int seed, int steps)
    {
        using var scope = NewDisposeScope();
        manual_seed(seed);
        var g = new Generator((ulong)seed);
        var d = nn.Sequential(nn.Linear(1, 32), nn.Tanh(), nn.Linear(32, 32), nn.Tanh(), nn.Linear(32, 1));
        var opt = optim.Adam(d.parameters(), 0.01);
        var targets = cat([ones(256, 1), zeros(256, 1)], 0);
        for (int s = 0; s < steps; s++)
        {
            using var step = NewDisposeScope();
            var real = randn(256, 1, generator: g) * (float)ds + (float)dm;
            var fake = randn(256, 1, generator: g) * (float)gs + (float)gm;
            opt.zero_grad();
            nn.functional.binary_cross_entropy_with_logits(d.call(cat([real, fake], 0)), targets).backward();
            opt.step();
        }
        using (no_grad())
            return sigmoid(d.call(tensor(grid.Select(x => (float)x).ToArray()).unsqueeze(1))).squeeze(1)
                .data<float>().Select(v => (double)v).ToArray();
    }

    static double Normal(double x, double m, double s) => Math.Exp(-0.5 * Math.Pow((x - m) / s, 2)) / (s * Math.Sqrt(2 * Math.PI));

    static double SafeLog(double v) => v > 0 ? Math.Log(v) : 0;

    static double Integrate(Func<int, double> f, int n, double dx)
    {
        double sum = 0.5 * (f(0) + f(n - 1));
        for (int i = 1; i < n - 1; i++) sum += f(i);
        return sum * dx;
    }
}
