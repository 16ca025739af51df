// The library's performance benchmark: training-loop overhead, FLOP efficiency and memory growth, in one run.
// Usage: dotnet run -c Release --project lib/Benchmarks [-- --quick] [--threads N]
using Generative;
using Generative.Benchmarks;
using Generative.Data;
using Spectre.Console;

bool quick = args.Contains("--quick");
int? threads = args.SkipWhile(a => a != "--threads").Skip(1).Select(int.Parse).Cast<int?>().FirstOrDefault();
var env = Course.Setup(seed: 0, threads: threads);
var config = quick ? BenchConfig.Quick : BenchConfig.Full;

AnsiConsole.MarkupLine($"[bold]Generative library benchmark[/] ({(quick ? "quick" : "full")}: {config.TrainImages:N0} images, " +
                       $"{config.Repetitions} interleaved repetitions, {config.MemoryEpochs} memory epochs, {TorchSharp.torch.get_num_threads()} torch threads)");
using var mnist = Mnist.Load(null, trainLimit: config.TrainImages, testLimit: 1);
void Progress(string line) => AnsiConsole.MarkupLine($"[grey]{Markup.Escape(line)}[/]");
var results = Bench.Run(mnist, config, Progress) with { Dcgan = DcganBench.Run(mnist, config, Progress) };

var table = new Table().Title("Results").AddColumn("measure").AddColumn(new TableColumn("value").RightAligned()).AddColumn("target");
table.AddRow("VAE epoch, bare TorchSharp loop (median s)", $"{results.BareSecondsMedian:F2}", "");
table.AddRow("VAE epoch, library Trainer (median s)", $"{results.TrainerSecondsMedian:F2}", "");
table.AddRow("Trainer / bare", Verdict(results.OverheadRatio, 1.05, "F3"), "<= 1.05");
table.AddRow("torch.mm 1024x1024 float32 (GFLOP/s)", $"{results.MatmulGflops:F1}", "");
table.AddRow("VAE epoch matmul FLOPs (GFLOP)", $"{results.EpochGflop:F1}", "");
table.AddRow("VAE epoch / FLOP floor", $"{results.FlopFloorRatio:F2}", "(1 = all time in matmuls at peak)");
table.AddRow("Working set after epoch 1 (MB)", $"{results.WorkingSetMb[0]:F1}", "");
table.AddRow($"Working set after epoch {results.WorkingSetMb.Length} (MB)", $"{results.WorkingSetMb[^1]:F1}", "");
table.AddRow("Growth after epoch 1 (MB)", Verdict(results.GrowthAfterFirstEpochMb, 10, "F1"), "~0 (< 10)");
// Each repetition runs the variants back to back, so the median of the per-repetition ratios cancels the load changes
// between repetitions that the ratio of medians would keep.
double DcganRatio(string variant) => Bench.Median(results.Dcgan![variant].Zip(results.Dcgan["bare"], (v, b) => v / b).ToArray());
table.AddRow($"DCGAN epoch of {config.DcganImages:N0} images, bare loop (median s)", $"{Bench.Median(results.Dcgan!["bare"]):F2}", "");
table.AddRow("DCGAN GanTrainer / bare (median of paired ratios)", Verdict(DcganRatio("GanTrainer"), 1.05, "F3"), "<= 1.05");
table.AddRow("DCGAN channels-last input / fp32 bare", $"{DcganRatio("bare, channels-last input"):F3}", "(< 1 is a speed-up)");
table.AddRow("DCGAN bf16 mixed precision / fp32 bare", $"{DcganRatio("bare, bf16 with fp32 master weights"):F3}", "(< 1 is a speed-up; not used by the course)");
AnsiConsole.Write(table);

var path = ResultsFile.Write(results, quick);
AnsiConsole.MarkupLine($"Wrote [link]{Markup.Escape(path)}[/]");

static string Verdict(double value, double limit, string format) =>
    value <= limit ? $"[green]{value.ToString(format)}[/]" : $"[red]{value.ToString(format)}[/]";
