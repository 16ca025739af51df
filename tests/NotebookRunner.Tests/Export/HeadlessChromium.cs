using Microsoft.Playwright;

namespace NotebookRunner.Tests.Export;

/// <summary>One headless Chromium-family browser (fresh profile) shared by the browser checks of a test class: start-up is the slow part.</summary>
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
        var path = Browser();
        // Playwright's .NET driver ships in its NuGet package; the browser is the system's, so no 'playwright install' download is involved.
        playwright = await Playwright.CreateAsync();
        Context = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName,
            new() { ExecutablePath = path, Headless = true, Args = Args, Timeout = 30_000 });
    }

    /// <summary>CHROMIUM_PATH when set; else Debian's Chromium; else Google Chrome, which GitHub's Ubuntu images ship (their
    /// chromium package is a snap that apt cannot install there).</summary>
    public static string Browser()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } chosen)
            return File.Exists(chosen) ? chosen : throw new FileNotFoundException($"CHROMIUM_PATH names {chosen}, which does not exist.", chosen);
        string[] known = ["/usr/bin/chromium", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];
        return known.FirstOrDefault(File.Exists) ?? throw new FileNotFoundException(
            $"The browser check needs Chromium or Google Chrome and found neither ({string.Join(", ", known)}): run 'sudo apt-get install -y chromium' "
            + "(Debian), or set CHROMIUM_PATH to a Chromium-based browser.");
    }

    public async Task DisposeAsync()
    {
        if (Context is not null) await Context.DisposeAsync();
        playwright?.Dispose();
        profile.Delete(recursive: true);
    }
}
