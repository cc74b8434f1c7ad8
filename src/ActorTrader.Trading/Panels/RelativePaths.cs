namespace ActorTrader.Trading.Panels;

/// <summary>
/// Names directories in audits and messages relative to a base directory (normally the working directory), with '/'
/// separators, so a run's files read the same on every machine and checkout.
/// </summary>
internal static class RelativePaths
{
    /// <summary>
    /// <paramref name="path"/> relative to <paramref name="baseDirectory"/> when it is an absolute path inside it; anything
    /// else — a relative path, a path elsewhere, text such as <c>seed 42</c> — is returned unchanged.
    /// </summary>
    public static string Under(string path, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentException.ThrowIfNullOrEmpty(baseDirectory);
        if (!Path.IsPathFullyQualified(path)) return path;
        var relative = Path.GetRelativePath(baseDirectory, path);
        var outside = relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathFullyQualified(relative);
        return outside ? path : relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}
