namespace Workflow.Notifications;

/// <summary>
/// Files only the server's own account may read: the link-signing key, the SQLite database (which
/// holds the login keys), the emails written to a pickup folder. On Linux and macOS a file is made
/// 0600 and its folder 0700; on Windows the folder's ACL applies.
/// </summary>
public static class PrivateFiles
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates <paramref name="folder"/> (and its missing parents) 0700; an existing folder is left as it is.</summary>
    public static void CreateFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        Directory.CreateDirectory(folder, FolderMode);
    }

    /// <summary>Writes a new file 0600 (its folder made 0700 when missing); an existing file is replaced and made 0600.</summary>
    public static void WriteAllText(string file, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        CreateFolder(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var options = new FileStreamOptions { Mode = System.IO.FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerFile;
        }

        using (var stream = new FileStream(file, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
        }

        Restrict(file);
    }

    /// <summary>An empty file created 0600 when <paramref name="file"/> does not exist yet (its folder 0700 when missing).</summary>
    public static void CreateEmpty(string file)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        if (File.Exists(file))
        {
            return;
        }

        CreateFolder(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerFile;
        }

        try
        {
            using var stream = new FileStream(file, options);
        }
        catch (IOException) when (File.Exists(file))
        {
            // Created by another process at the same moment.
        }
    }

    /// <summary>Makes an existing file 0600 when this account may change it; anything else is left alone.</summary>
    public static void Restrict(string file)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(file))
        {
            return;
        }

        try
        {
            File.SetUnixFileMode(file, OwnerFile);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            // Another account's file: its owner decides.
        }
    }
}
