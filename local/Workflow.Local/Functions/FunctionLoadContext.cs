using System.Reflection;
using System.Runtime.Loader;

namespace Workflow.Local.Functions;

/// <summary>Loads a function's assembly and its dependencies from its build output, resolved through its deps.json.</summary>
internal sealed class FunctionLoadContext(string mainAssemblyPath) : AssemblyLoadContext("function", isCollectible: false)
{
    private readonly AssemblyDependencyResolver _resolver = new(mainAssemblyPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
