namespace Generative.Setup;

/// <summary>The cache folder the course owns: patched native libraries, checkpoints, restored packages.</summary>
public static class CourseCache
{
    /// <summary>$GENERATIVE_CACHE, else $XDG_CACHE_HOME/generative-course, else ~/.cache/generative-course.</summary>
    public static string Root
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("GENERATIVE_CACHE");
            if (!string.IsNullOrEmpty(env)) return env;
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var baseDir = !string.IsNullOrEmpty(xdg) ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(baseDir, "generative-course");
        }
    }
}
