using Microsoft.Playwright;

namespace NotebookRunner.Tests.Export;

/// <summary>One headless Debian Chromium (fresh profile) shared by the browser checks of a test class: start-up is the slow part.</summary>
public sealed class HeadlessChromium : IAsyncLifetime
{
    private static readonly string[] Args =
        ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"];

    private readonly DirectoryInfo profile = Directory.CreateTempSubdirectory("export-chromium-");
    private IPlaywright? playwright;

    /// <summary>The browser context every check opens its pages in.</summary>
    public IBrowserContext Context { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } chosen ? chosen : "/usr/bin/chromium";
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"The browser check needs Chromium at {path} and it is missing: run 'apt-get install -y chromium' (CI installs it), or set CHROMIUM_PATH.", path);
        // Playwright's .NET driver ships in its NuGet package; the browser is Debian's, so no 'playwright install' download is involved.
        playwright = await Playwright.CreateAsync();
        Context = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName,
            new() { ExecutablePath = path, Headless = true, Args = Args, Timeout = 30_000 });
    }

    public async Task DisposeAsync()
    {
        if (Context is not null) await Context.DisposeAsync();
        playwright?.Dispose();
        profile.Delete(recursive: true);
    }
}
