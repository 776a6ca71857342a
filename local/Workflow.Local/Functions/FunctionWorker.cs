namespace Workflow.Local.Functions;

/// <summary>
/// Entry point of a function worker process (<c>Workflow.Local --function-worker &lt;artifacts dir&gt; &lt;handler&gt;</c>):
/// one Lambda execution environment. It loads the handler once, reports Ready (or the init error), then runs one
/// invocation at a time for the host. The frames use the process's stdout, so anything the function writes to the
/// console is redirected to stderr, which the host forwards to its log.
/// </summary>
public static class FunctionWorker
{
    public const string Switch = "--function-worker";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 3 || args[0] != Switch)
        {
            await Console.Error.WriteLineAsync($"usage: Workflow.Local {Switch} <artifacts directory> <Assembly::Type::Method>").ConfigureAwait(false);
            return 2;
        }

        var protocolIn = Console.OpenStandardInput();
        var protocolOut = Console.OpenStandardOutput();
        Console.SetOut(new StreamWriter(Console.OpenStandardError()) { AutoFlush = true });

        HandlerInvoker handler;
        try
        {
            handler = HandlerInvoker.Load(Path.GetFullPath(args[1]), HandlerName.Parse(args[2]));
        }
        catch (Exception ex)
        {
            await WorkerProtocol.WriteAsync(protocolOut, WorkerProtocol.InitError, LambdaError.FromException(ex), CancellationToken.None).ConfigureAwait(false);
            return 1;
        }

        await WorkerProtocol.WriteAsync(protocolOut, WorkerProtocol.Ready, ReadOnlyMemory<byte>.Empty, CancellationToken.None).ConfigureAwait(false);
        while (await WorkerProtocol.ReadAsync(protocolIn, CancellationToken.None).ConfigureAwait(false) is { } frame)
        {
            if (frame.Kind != WorkerProtocol.Invoke)
            {
                continue;
            }

            byte kind;
            byte[] response;
            try
            {
                response = await handler.InvokeAsync(frame.Payload).ConfigureAwait(false);
                kind = WorkerProtocol.Result;
            }
            catch (Exception ex)
            {
                response = LambdaError.FromException(ex);
                kind = WorkerProtocol.Error;
            }

            await WorkerProtocol.WriteAsync(protocolOut, kind, response, CancellationToken.None).ConfigureAwait(false);
        }

        return 0;
    }
}
