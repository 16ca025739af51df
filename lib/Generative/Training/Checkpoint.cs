using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Generative.Setup;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Training;

/// <summary>Model weights on disk: atomic, checksummed saves; loads that refuse damaged or mismatched files; "load or train" cached by configuration.</summary>
/// <remarks>
/// File layout: the magic "GENCKPT1", an int32 header length, a UTF-8 JSON header (per module: type, parameter names and
/// shapes, payload length, and the SHA-256 of all payloads), then each module's TorchSharp state in order.
/// </remarks>
public static class Checkpoint
{
    static readonly byte[] Magic = "GENCKPT1"u8.ToArray();

    sealed record ModuleEntry(string Type, string[] Names, long[][] Shapes, long Length);
    sealed record Header(ModuleEntry[] Modules, string Sha256);

    /// <summary>Folder of cached checkpoints: $GENERATIVE_CHECKPOINTS, else CourseCache.Root/checkpoints.</summary>
    public static string Root
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("GENERATIVE_CHECKPOINTS");
            return !string.IsNullOrEmpty(env) ? env : Path.Combine(CourseCache.Root, "checkpoints");
        }
    }

    /// <summary>Saves one module's weights atomically with a checksum.</summary>
    public static void Save(nn.Module module, string path) => Save([module], path);

    /// <summary>Saves several modules (e.g. a generator and its discriminator) into one file, atomically, with a checksum.</summary>
    public static void Save(IReadOnlyList<nn.Module> modules, string path)
    {
        var payloads = modules.Select(m =>
        {
            using var ms = new MemoryStream();
            m.save(ms);
            return ms.ToArray();
        }).ToArray();
        var header = new Header(
            modules.Select((m, i) => Describe(m) with { Length = payloads[i].LongLength }).ToArray(),
            Convert.ToHexString(SHA256.HashData(payloads.SelectMany(p => p).ToArray())));
        var headerBytes = JsonSerializer.SerializeToUtf8Bytes(header);
        AtomicFile.Write(path, s =>
        {
            s.Write(Magic);
            s.Write(BitConverter.GetBytes(headerBytes.Length));
            s.Write(headerBytes);
            foreach (var p in payloads) s.Write(p);
        });
    }

    /// <summary>Loads weights saved by <see cref="Save(nn.Module, string)"/>; false, with the reason, when the file is missing, damaged or does not fit the module.</summary>
    public static bool TryLoad(nn.Module module, string path, out string? error) => TryLoad([module], path, out error);

    /// <summary>Loads several modules saved together; the modules are unchanged unless every one of them loads.</summary>
    public static bool TryLoad(IReadOnlyList<nn.Module> modules, string path, out string? error)
    {
        error = null;
        if (!File.Exists(path)) { error = $"no checkpoint at {path}"; return false; }
        try
        {
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length < Magic.Length + 4 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            { error = $"{path} is not a course checkpoint (bad magic)"; return false; }
            int headerLength = BitConverter.ToInt32(bytes, Magic.Length);
            int start = Magic.Length + 4;
            if (headerLength <= 0 || start + headerLength > bytes.Length) { error = $"{path} is truncated (header)"; return false; }
            var header = JsonSerializer.Deserialize<Header>(bytes.AsSpan(start, headerLength));
            if (header is null || header.Modules.Length != modules.Count)
            { error = $"{path} holds {header?.Modules.Length ?? 0} module(s), expected {modules.Count}"; return false; }
            int payloadStart = start + headerLength;
            long payloadLength = header.Modules.Sum(m => m.Length);
            if (payloadStart + payloadLength != bytes.Length) { error = $"{path} is truncated or has trailing bytes"; return false; }
            var hash = Convert.ToHexString(SHA256.HashData(bytes.AsSpan(payloadStart)));
            if (hash != header.Sha256) { error = $"{path} fails its checksum (the file is damaged)"; return false; }
            if (Mismatch(modules, header, path) is { } mismatch) { error = mismatch; return false; }
            long offset = payloadStart;
            foreach (var (m, entry) in modules.Zip(header.Modules))
            {
                using var ms = new MemoryStream(bytes, (int)offset, (int)entry.Length, writable: false);
                m.load(ms);
                offset += entry.Length;
            }
            return true;
        }
        catch (Exception e)
        {
            // Whatever is wrong with the file, the answer is the same: do not use it, say why, train again.
            error = $"{path} could not be read: {e.Message}";
            return false;
        }
    }

    static string? Mismatch(IReadOnlyList<nn.Module> modules, Header header, string path)
    {
        foreach (var (module, found) in modules.Zip(header.Modules))
        {
            var expected = Describe(module);
            if (found.Type != expected.Type || !found.Names.SequenceEqual(expected.Names)
                || !found.Shapes.Zip(expected.Shapes).All(p => p.First.SequenceEqual(p.Second)))
                return $"{path} holds a {found.Type} whose parameters do not match this {expected.Type}";
        }
        return null;
    }

    /// <summary>Loads a cached model trained with this recipe on this training set, or trains it, saves it and caches its history.</summary>
    public static History LoadOrTrain<TModel>(nn.Module model, Recipe<TModel> recipe, Data.Mnist mnist, Func<History> train, TextWriter? log = null,
        TrainingDisplay? display = null) where TModel : nn.Module =>
        LoadOrTrain([model], recipe.Name, new { recipe, train = mnist.TrainImages.shape[0] }, train, log ?? Console.Out, display);

    /// <summary>"Load or train" for a GAN's pair, keyed by its recipe and training set.</summary>
    public static History LoadOrTrain(IReadOnlyList<nn.Module> modules, string name, GanRecipe recipe, Data.Mnist mnist, Func<History> train, TextWriter? log = null,
        TrainingDisplay? display = null) =>
        LoadOrTrain(modules, name, new { recipe, train = mnist.TrainImages.shape[0] }, train, log ?? Console.Out, display);

    /// <summary>Loads a cached model trained with this exact configuration, or trains it, saves it and caches its history.</summary>
    /// <param name="model">The freshly built model, already on its device.</param>
    /// <param name="name">A readable name, used in the file name, e.g. "classifier".</param>
    /// <param name="config">Everything that changes the result (epochs, learning rate, seed, data size...); serialised to JSON for the cache key.</param>
    /// <param name="train">Trains <paramref name="model"/> and returns its history; only called on a cache miss.</param>
    /// <param name="log">Where to say what happened (loaded, trained, or why a cached file was rejected).</param>
    /// <param name="display">The run's live charts, which <paramref name="train"/> feeds while it trains; a loaded model's stored history is drawn on them instead.</param>
    public static History LoadOrTrain(nn.Module model, string name, object config, Func<History> train, TextWriter? log = null, TrainingDisplay? display = null) =>
        LoadOrTrain([model], name, config, train, log, display);

    /// <summary>"Load or train" for models trained together (e.g. [generator, discriminator]).</summary>
    /// <remarks>The key covers the configuration and each module's structure (<see cref="Fingerprint"/>), so a changed layer setting
    /// retrains even when every parameter keeps its shape.</remarks>
    public static History LoadOrTrain(IReadOnlyList<nn.Module> modules, string name, object config, Func<History> train, TextWriter? log = null,
        TrainingDisplay? display = null)
    {
        var key = CacheKey(modules, name, config);
        var path = Path.Combine(Root, $"{Sanitize(name)}-{key}.ckpt");
        var historyPath = Path.ChangeExtension(path, ".history.json");
        if (File.Exists(path))
        {
            string? error = null;
            if (TryLoadHistory(historyPath, out var cached, out var historyError) && TryLoad(modules, path, out error))
            {
                foreach (var m in modules) m.eval();
                log?.WriteLine($"Loaded {name} from {path}.");
                display?.Replay(cached!);
                return cached!;
            }
            log?.WriteLine($"Warning: ignoring the cached {name} ({historyError ?? error}); training again.");
        }
        var history = train();
        AtomicFile.WriteAllBytes(historyPath, JsonSerializer.SerializeToUtf8Bytes(history, JsonOptions));
        // The weights are written last: a checkpoint that exists always has its history.
        Save(modules, path);
        log?.WriteLine($"Trained {name}; saved to {path}.");
        return history;
    }

    /// <summary>The file a <c>LoadOrTrain</c> call with these arguments uses; the tests damage it on purpose.</summary>
    internal static string PathFor(nn.Module model, string name, object config) =>
        Path.Combine(Root, $"{Sanitize(name)}-{CacheKey([model], name, config)}.ckpt");

    static readonly JsonSerializerOptions JsonOptions = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    static bool TryLoadHistory(string path, out History? history, out string? error)
    {
        history = null;
        error = null;
        try
        {
            history = JsonSerializer.Deserialize<History>(File.ReadAllBytes(path), JsonOptions);
            if (history is null) error = $"{path} is empty";
        }
        catch (Exception e) when (e is IOException or JsonException or NotSupportedException)
        {
            error = $"its history {path} could not be read: {e.Message}";
        }
        return history is not null;
    }

    static ModuleEntry Describe(nn.Module m)
    {
        var state = m.state_dict();
        return new ModuleEntry(m.GetType().FullName!, state.Keys.ToArray(), state.Values.Select(t => t.shape).ToArray(), 0);
    }

    /// <summary>Part of every cache key. Raise it when a training loop changes what the same recipe trains (as when the VAE
    /// loops began to apply the recipe's learning-rate decay), so that caches from before retrain instead of loading.</summary>
    const int LoopVersion = 2;

    static string CacheKey(IReadOnlyList<nn.Module> modules, string name, object config)
    {
        var sb = new StringBuilder();
        sb.Append("loops v").Append(LoopVersion).Append('\n').Append(name).Append('\n').Append(JsonSerializer.Serialize(config, config.GetType())).Append('\n');
        foreach (var m in modules)
        {
            var d = Describe(m);
            sb.Append(d.Type).Append('\n');
            for (int i = 0; i < d.Names.Length; i++) sb.Append(d.Names[i]).Append(':').AppendJoin(',', d.Shapes[i]).Append('\n');
            sb.Append(Fingerprint(m));
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..16].ToLowerInvariant();
    }

    /// <summary>The module tree's structure: each submodule's path and type with its non-parameter settings (strides, slopes,
    /// floors...), the things that change a model without changing any parameter's shape.</summary>
    public static string Fingerprint(nn.Module root)
    {
        var sb = new StringBuilder();
        foreach (var (path, m) in new[] { ("", root) }.Concat(root.named_modules()))
        {
            sb.Append(path).Append(' ').Append(m.GetType().FullName);
            foreach (var (setting, value) in Settings(m)) sb.Append(' ').Append(setting).Append('=').Append(value);
            sb.Append('\n');
        }
        return sb.ToString();
    }

    static IEnumerable<(string Name, string Value)> Settings(nn.Module m)
    {
        const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance;
        var members = m.GetType().GetProperties(Public).Where(p => p.GetIndexParameters().Length == 0 && p.Name != nameof(nn.Module.training))
            .Select(p => (p.Name, p.PropertyType, Get: (Func<object?>)(() => p.GetValue(m))))
            .Concat(m.GetType().GetFields(Public).Select(f => (f.Name, Type: f.FieldType, Get: (Func<object?>)(() => f.GetValue(m)))));
        foreach (var (name, type, get) in members.Where(x => IsSetting(x.Item2)).OrderBy(x => x.Item1, StringComparer.Ordinal))
        {
            object? value;
            try { value = get(); }
            catch (TargetInvocationException) { continue; }
            yield return (name, value is System.Collections.IEnumerable e and not string
                ? string.Join(",", e.Cast<object>().Select(Invariant))
                : Invariant(value));
        }
    }

    static string Invariant(object? value) => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "null";

    static bool IsSetting(Type t) =>
        t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal)
        || (t.IsArray && IsSetting(t.GetElementType()!))
        || (Nullable.GetUnderlyingType(t) is { } u && IsSetting(u));

    internal static string Sanitize(string name) =>
        new(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
}
