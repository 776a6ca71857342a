using System.Reflection;

namespace Workflow.Functions.Tests.Template;

public class HandlerTests
{
    private static IEnumerable<TestCaseData> TemplateFunctions() =>
        SamTemplate.Repository.ResourcesOfType(SamTemplate.FunctionType)
            .Select(function => new TestCaseData(function.LogicalId).SetArgDisplayNames(function.LogicalId));

    [Test]
    public void Template_DeclaresExactlyTheContractFunctionsWithTheirHandlers()
    {
        var declared = SamTemplate.Repository.ResourcesOfType(SamTemplate.FunctionType)
            .ToDictionary(f => f.LogicalId, f => (string?)SamTemplate.PropertiesOf(f.Resource)["Handler"], StringComparer.Ordinal);

        Assert.That(declared, Is.EquivalentTo(AppContract.Handlers.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))));
    }

    [TestCaseSource(nameof(TemplateFunctions))]
    public void Function_UsesManagedDotnetRuntimeAndMakefileBuild(string logicalId)
    {
        var template = SamTemplate.Repository;
        var resource = template.Resource(logicalId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)template.FunctionProperty(logicalId, "Runtime"), Is.EqualTo("dotnet10"));
            Assert.That(template.FunctionProperty(logicalId, "Architectures")?.AsArray().Select(a => (string?)a),
                Is.EqualTo(new[] { "x86_64" }));
            Assert.That((string?)template.FunctionProperty(logicalId, "CodeUri"), Is.EqualTo("functions/"));
            Assert.That((string?)resource["Metadata"]?["BuildMethod"], Is.EqualTo("makefile"));
        }
    }

    [TestCaseSource(nameof(TemplateFunctions))]
    public void Handler_ResolvesToPublicStreamMethodOnConstructibleType(string logicalId)
    {
        var handler = (string?)SamTemplate.Repository.FunctionProperty(logicalId, "Handler");
        Assert.That(handler, Is.Not.Null, $"{logicalId} has no Handler");

        var parts = handler!.Split("::");
        Assert.That(parts, Has.Length.EqualTo(3), $"'{handler}' is not Assembly::Namespace.Type::Method");

        var assembly = Assembly.Load(new AssemblyName(parts[0]));
        var type = assembly.GetType(parts[1], throwOnError: false);
        Assert.That(type, Is.Not.Null, $"type {parts[1]} not found in {assembly.GetName().Name}");

        var methods = type!.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.Name == parts[2])
            .ToList();
        Assert.That(methods, Has.Count.EqualTo(1), $"{parts[1]} needs exactly one public method {parts[2]} (no overloads)");
        var method = methods[0];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(type.IsPublic, Is.True, $"{type} must be public");
            Assert.That(type.IsAbstract || type.ContainsGenericParameters, Is.False, $"{type} must be concrete and closed");
            Assert.That(method.IsStatic || type.GetConstructor(Type.EmptyTypes) is { IsPublic: true }, Is.True,
                $"{type} needs a public parameterless constructor for the Lambda runtime");
            Assert.That(method.GetParameters().Select(p => p.ParameterType), Is.EqualTo(new[] { typeof(Stream) }),
                $"{method} must take exactly one Stream");
            Assert.That(method.ReturnType, Is.EqualTo(typeof(Stream)).Or.EqualTo(typeof(Task<Stream>)),
                $"{method} must return Stream or Task<Stream>");
        }
    }
}
