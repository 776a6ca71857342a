using Microsoft.Extensions.Logging.Abstractions;
using Workflow.Local.Functions;
using Workflow.Local.Template;

namespace Workflow.Local.Tests.Functions;

/// <summary>Builds with a tiny makefile that records every run, so staleness and reuse can be checked quickly.</summary>
public sealed class FunctionBuilderTests
{
    private string _root = "";
    private string _code = "";
    private FunctionArtifacts _artifacts = null!;

    [SetUp]
    public void CreateProject()
    {
        _root = Directory.CreateTempSubdirectory("workflow-build-").FullName;
        _code = Directory.CreateDirectory(Path.Combine(_root, "src")).FullName;
        File.WriteAllText(Path.Combine(_code, "Handler.cs"), "// source");
        File.WriteAllText(Path.Combine(_code, "Makefile"),
            "build-First build-Second:\n\techo built >> ../runs.log\n\techo artifact > \"$(ARTIFACTS_DIR)/out.txt\"\n\n" +
            "build-Other:\n\techo other >> ../runs.log\n\techo other > \"$(ARTIFACTS_DIR)/out.txt\"\n");
        _artifacts = FunctionArtifacts.InDataDirectory(Path.Combine(_root, "data"));
    }

    [TearDown]
    public void DeleteProject() => Directory.Delete(_root, recursive: true);

    private FunctionModel Function(string logicalId) =>
        new(logicalId, logicalId, "arn:aws:lambda:us-east-1:123456789012:function:" + logicalId, _code, "A::B::C", "dotnet10", 3, 128,
            "x86_64", new Dictionary<string, string>(), "makefile", []);

    private Task BuildAsync(bool skipBuild = false, params string[] logicalIds) =>
        new FunctionBuilder(_artifacts, NullLogger.Instance).BuildAsync(logicalIds.Select(Function).ToList(), skipBuild, CancellationToken.None);

    private string[] Runs() => File.Exists(Path.Combine(_root, "runs.log")) ? File.ReadAllLines(Path.Combine(_root, "runs.log")) : [];

    [Test]
    public async Task IdenticalRecipes_AreBuiltOnceAndCopied()
    {
        await BuildAsync(false, "First", "Second", "Other");

        Assert.Multiple(() =>
        {
            Assert.That(Runs(), Is.EquivalentTo(new[] { "built", "other" }));
            Assert.That(File.ReadAllText(Path.Combine(_artifacts.DirectoryOf("Second"), "out.txt")).Trim(), Is.EqualTo("artifact"));
            Assert.That(File.ReadAllText(Path.Combine(_artifacts.DirectoryOf("Other"), "out.txt")).Trim(), Is.EqualTo("other"));
        });
    }

    [Test]
    public async Task UnchangedSources_AreNotRebuilt()
    {
        await BuildAsync(false, "First", "Second");
        await BuildAsync(false, "First", "Second");

        Assert.That(Runs(), Is.EqualTo(new[] { "built" }));
    }

    [Test]
    public async Task ChangedSource_TriggersARebuild_ButNotWhenItIsUnderBinOrObj()
    {
        await BuildAsync(false, "First");
        var future = DateTime.UtcNow.AddMinutes(1);
        var obj = Directory.CreateDirectory(Path.Combine(_code, "obj")).FullName;
        File.WriteAllText(Path.Combine(obj, "generated.cs"), "// generated");
        File.SetLastWriteTimeUtc(Path.Combine(obj, "generated.cs"), future);
        await BuildAsync(false, "First");
        var afterObj = Runs().Length;

        File.SetLastWriteTimeUtc(Path.Combine(_code, "Handler.cs"), future);
        await BuildAsync(false, "First");

        Assert.Multiple(() =>
        {
            Assert.That(afterObj, Is.EqualTo(1));
            Assert.That(Runs(), Has.Length.EqualTo(2));
        });
    }

    [Test]
    public void SkipBuild_WithoutAnyBuild_FailsClearly()
    {
        var error = Assert.ThrowsAsync<BuildException>(() => BuildAsync(true, "First"));

        Assert.That(error!.Message, Does.Contain("First has never been built"));
    }

    [Test]
    public void MissingMakeTarget_FailsNamingTheFunction()
    {
        var error = Assert.ThrowsAsync<BuildException>(() => BuildAsync(false, "Missing"));

        Assert.That(error!.Message, Does.Contain("build-Missing"));
    }

    [Test]
    public void FailingRecipe_ReportsMakesOutput()
    {
        File.WriteAllText(Path.Combine(_code, "Makefile"), "build-First:\n\t@echo compiler says no >&2; exit 7\n");

        var error = Assert.ThrowsAsync<BuildException>(() => BuildAsync(false, "First"));

        Assert.That(error!.Message, Does.Contain("compiler says no"));
    }
}
