using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.StateMachine.Api;
using Workflow.StateMachine.History;
using Workflow.StateMachine.Tasks;

namespace Workflow.StateMachine.Cli;

/// <summary>
/// <c>asl run &lt;definition.asl.json&gt; [--input &lt;file or JSON&gt;] [--real-time]</c>: runs one execution and prints
/// <c>{"status", "output" | "error", "cause", "history"}</c>. Task states echo their parameters. Waits, retries
/// and timeouts use a virtual clock unless <c>--real-time</c> is given.
/// </summary>
public static class AslCommand
{
    private const string Usage = "usage: asl run <definition.asl.json> [--input <file or JSON>] [--real-time]";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length < 2 || args[0] != "run")
        {
            await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        var definitionPath = args[1];
        string? inputArgument = null;
        var realTime = false;
        for (var i = 2; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--input" when i + 1 < args.Length:
                    inputArgument = args[++i];
                    break;
                case "--real-time":
                    realTime = true;
                    break;
                default:
                    await stderr.WriteLineAsync($"unknown argument '{args[i]}'. {Usage}").ConfigureAwait(false);
                    return 2;
            }
        }

        if (!File.Exists(definitionPath))
        {
            await stderr.WriteLineAsync($"{definitionPath}: file not found").ConfigureAwait(false);
            return 2;
        }

        var definition = await File.ReadAllTextAsync(definitionPath).ConfigureAwait(false);
        if (DefinitionDiagnostics.Check(definition) is { } problem)
        {
            await stderr.WriteLineAsync($"{definitionPath}: line {problem.Line}: {problem.Message}").ConfigureAwait(false);
            return 1;
        }

        string input;
        try
        {
            input = ReadInput(inputArgument);
            JsonNode.Parse(input);
        }
        catch (JsonException ex)
        {
            await stderr.WriteLineAsync($"{inputArgument}: line {(ex.LineNumber ?? 0) + 1}: invalid input JSON: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        using var clock = realTime ? null : new SkippingTimeProvider(DateTimeOffset.UtcNow);
        var handlers = new TaskHandlerRegistry();
        await using var engine = new StateMachineEngine(new StateMachineEngineOptions
        {
            TimeProvider = clock ?? TimeProvider.System,
            Handlers = handlers,
            FallbackHandler = new DelegateTaskHandler((invocation, _) => ValueTask.FromResult(invocation.Payload?.DeepClone())),
        });
        var machine = engine.CreateStateMachine(MachineName(definitionPath), definition, "arn:aws:iam::123456789012:role/asl-cli");
        var started = await engine.StartExecutionAsync(machine.Arn, null, input).ConfigureAwait(false);
        var result = await engine.WaitForCompletionAsync(started.ExecutionArn).ConfigureAwait(false);
        await stdout.WriteLineAsync(Render(result, engine.GetExecutionHistory(started.ExecutionArn))).ConfigureAwait(false);
        return result.Status == ExecutionStatus.Succeeded ? 0 : 3;
    }

    private static string ReadInput(string? argument)
    {
        if (argument is null)
        {
            return "{}";
        }

        return File.Exists(argument) ? File.ReadAllText(argument) : argument;
    }

    private static string MachineName(string path)
    {
        var name = Path.GetFileName(path).Replace(".asl.json", "", StringComparison.OrdinalIgnoreCase).Replace(".json", "", StringComparison.OrdinalIgnoreCase);
        var builder = new StringBuilder();
        foreach (var c in name)
        {
            builder.Append(char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }

        return builder.Length == 0 ? "state-machine" : builder.ToString()[..Math.Min(80, builder.Length)];
    }

    private static string Render(ExecutionInfo result, IReadOnlyList<HistoryEvent> history)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("status", result.Status.ToApiName());
            if (result.Status == ExecutionStatus.Succeeded)
            {
                writer.WritePropertyName("output");
                JsonNode.Parse(result.Output ?? "null")?.WriteTo(writer);
                if (result.Output == "null")
                {
                    writer.WriteNullValue();
                }
            }
            else
            {
                writer.WriteString("error", result.Error);
                writer.WriteString("cause", result.Cause);
            }

            writer.WriteStartArray("history");
            foreach (var e in history)
            {
                HistoryEventWriter.Write(writer, e);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
