using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Workflow.Local.Functions;

/// <summary>
/// Calls one .NET handler the way the managed runtime does: the type is created once with its public parameterless
/// constructor (cold start), then the method is called with the payload as a <see cref="Stream"/>.
/// Supported signatures: <c>(Stream)</c> or <c>()</c> returning <c>Stream</c>, <c>Task&lt;Stream&gt;</c>,
/// <c>string</c>, <c>Task&lt;string&gt;</c>, <c>Task</c> or <c>void</c>.
/// </summary>
internal sealed class HandlerInvoker
{
    private readonly object? _instance;
    private readonly MethodInfo _method;
    private readonly bool _takesStream;

    private HandlerInvoker(object? instance, MethodInfo method, bool takesStream)
    {
        _instance = instance;
        _method = method;
        _takesStream = takesStream;
    }

    public static HandlerInvoker Load(string artifactsDirectory, HandlerName handler)
    {
        var assemblyPath = Path.Combine(artifactsDirectory, handler.Assembly + ".dll");
        if (!File.Exists(assemblyPath))
        {
            throw new FileNotFoundException($"Could not find the handler assembly '{assemblyPath}' for handler '{handler}'.", assemblyPath);
        }

        var context = new FunctionLoadContext(assemblyPath);
        var assembly = context.LoadFromAssemblyPath(assemblyPath);
        var type = assembly.GetType(handler.Type, throwOnError: false)
            ?? throw new TypeLoadException($"Unable to find type '{handler.Type}' in assembly '{handler.Assembly}'.");
        var candidates = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.Name == handler.Method)
            .ToList();
        var method = candidates.FirstOrDefault(IsSupported)
            ?? throw new MissingMethodException(candidates.Count == 0
                ? $"Unable to find method '{handler.Method}' in type '{handler.Type}'."
                : $"Method '{handler.Method}' of '{handler.Type}' must take a Stream (or nothing) and return Stream, Task<Stream>, string, Task<string>, Task or void.");
        object? instance = null;
        if (!method.IsStatic)
        {
            if (type.GetConstructor(Type.EmptyTypes) is null)
            {
                throw new MissingMethodException($"Type '{handler.Type}' needs a public parameterless constructor.");
            }

            instance = Activator.CreateInstance(type);
        }

        return new HandlerInvoker(instance, method, method.GetParameters().Length == 1);
    }

    private static bool IsSupported(MethodInfo method)
    {
        var parameters = method.GetParameters();
        var input = parameters.Length == 0 || (parameters.Length == 1 && parameters[0].ParameterType == typeof(Stream));
        var output = method.ReturnType;
        return input && (output == typeof(Stream) || output == typeof(Task<Stream>) || output == typeof(string)
            || output == typeof(Task<string>) || output == typeof(Task) || output == typeof(void));
    }

    public async Task<byte[]> InvokeAsync(byte[] payload)
    {
        using var input = new MemoryStream(payload, writable: false);
        var result = _method.Invoke(_instance, _takesStream ? [input] : []);
        switch (result)
        {
            case Task<Stream> streamTask:
                return await ReadAllAsync(await streamTask.ConfigureAwait(false)).ConfigureAwait(false);
            case Task<string> stringTask:
                return Encoding.UTF8.GetBytes(JsonSerializer.Serialize(await stringTask.ConfigureAwait(false), WorkerJsonContext.Default.String));
            case Task task:
                await task.ConfigureAwait(false);
                return [];
            case Stream stream:
                return await ReadAllAsync(stream).ConfigureAwait(false);
            case string text:
                return Encoding.UTF8.GetBytes(JsonSerializer.Serialize(text, WorkerJsonContext.Default.String));
            default:
                return [];
        }
    }

    private static async Task<byte[]> ReadAllAsync(Stream? stream)
    {
        if (stream is null)
        {
            return [];
        }

        await using (stream.ConfigureAwait(false))
        {
            if (stream is MemoryStream memory && memory.Position == 0)
            {
                return memory.ToArray();
            }

            if (stream.CanSeek && stream.Position == stream.Length)
            {
                stream.Position = 0;
            }

            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy).ConfigureAwait(false);
            return copy.ToArray();
        }
    }
}
