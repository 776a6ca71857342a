namespace Workflow.Local.Hosting;

public static class CommandLine
{
    public static Task<int> RunAsync(string[] args)
    {
        _ = args;
        return Task.FromResult(0);
    }
}
