using Microsoft.Extensions.Logging;

namespace Workflow.Local.Functions;

/// <summary>
/// An exclusive lock file in the build folder, so two runtimes sharing it never build into the same folders at once.
/// The operating system releases it if the process dies.
/// </summary>
internal sealed class BuildLock : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(15);
    private readonly FileStream _file;

    private BuildLock(FileStream file) => _file = file;

    public static async Task<BuildLock> AcquireAsync(string root, ILogger logger, CancellationToken ct)
    {
        Directory.CreateDirectory(root);
        var path = Path.Combine(root, ".build.lock");
        var deadline = DateTime.UtcNow + Patience;
        var announced = false;
        while (true)
        {
            try
            {
                return new BuildLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                if (!announced)
                {
                    logger.LogInformation("waiting for another runtime building into {Folder}", root);
                    announced = true;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), ct).ConfigureAwait(false);
            }
        }
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
