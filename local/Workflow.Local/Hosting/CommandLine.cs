using Workflow.Local.Auth;

namespace Workflow.Local.Hosting;

/// <summary>The <c>Workflow.Local</c> command: run the template's application, or print a development token.</summary>
public static class CommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        CommandLineArguments arguments;
        try
        {
            arguments = CommandLineArguments.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            await Console.Error.WriteLineAsync(CommandLineArguments.Usage).ConfigureAwait(false);
            return 2;
        }

        if (arguments.ShowHelp)
        {
            await Console.Out.WriteLineAsync(CommandLineArguments.Usage).ConfigureAwait(false);
            return 0;
        }

        try
        {
            return arguments.IsTokenCommand ? await PrintTokenAsync(arguments).ConfigureAwait(false) : await RunRuntimeAsync(arguments.Options).ConfigureAwait(false);
        }
        catch (StartupException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ex.ExitCode;
        }
    }

    private static async Task<int> RunRuntimeAsync(LocalRuntimeOptions options)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var runtime = await LocalRuntime.StartAsync(options, cancel.Token).ConfigureAwait(false);
            await using (runtime.ConfigureAwait(false))
            {
                await Console.Out.WriteLineAsync(Banner.For(runtime)).ConfigureAwait(false);
                try
                {
                    await runtime.WaitForShutdownAsync(cancel.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C: the graceful shutdown happens in DisposeAsync.
                }
            }

            return 0;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static async Task<int> PrintTokenAsync(CommandLineArguments arguments)
    {
        var options = arguments.Options;
        // Signed for the runtime on the configured port: a user pool's issuer is that runtime's URL.
        var (model, dataDirectory) = LoadedApplication.Load(options, new Uri($"http://127.0.0.1:{options.Port}/"));
        var authorizer = TokenEndpoint.Authorizer(model, arguments.Authorizer)
            ?? throw new StartupException(
                arguments.Authorizer is null ? "the template's HTTP API has no JWT authorizer" : $"unknown authorizer '{arguments.Authorizer}'",
                StartupException.TemplateError);
        using var key = JwtSigningKey.LoadOrCreate(dataDirectory);
        var request = new TokenRequest(arguments.Subject!, arguments.Groups, arguments.TokenLifetime, arguments.Scopes, new Dictionary<string, System.Text.Json.Nodes.JsonNode?>());
        var (token, _) = new JwtIssuer(key, options.TimeProvider).Issue(authorizer, request);
        await Console.Out.WriteLineAsync(token).ConfigureAwait(false);
        return 0;
    }
}
