using Workflow.DynamoDbServer;

namespace Workflow.Aws.Tests.DynamoDbServer;

/// <summary>The launcher's stdout lines are parsed inside a process event handler, where an exception ends the host.</summary>
public sealed class LauncherMessageTests
{
    [Test]
    public void TryParse_ListeningLine_ReadsThePort() =>
        Assert.That(LauncherMessage.TryParse("""{"event":"listening","port":4567}"""), Is.EqualTo(new LauncherMessage("listening", 4567, null, null)));

    [Test]
    public void TryParse_ErrorWithNumericCode_KeepsTheCodeAsText() =>
        Assert.That(LauncherMessage.TryParse("""{"event":"error","code":98,"message":"bind failed"}"""),
            Is.EqualTo(new LauncherMessage("error", 0, "98", "bind failed")));

    [Test]
    public void TryParse_ErrorWithNonTextMessage_KeepsItsJson() =>
        Assert.That(LauncherMessage.TryParse("""{"event":"error","code":"EIO","message":{"errno":5}}""")?.Message, Is.EqualTo("""{"errno":5}"""));

    [TestCase("dynalite: plain log line")]
    [TestCase("{not json")]
    [TestCase("""{"port":1}""")]
    public void TryParse_LineThatIsNotAMessage_IsNull(string line) =>
        Assert.That(LauncherMessage.TryParse(line), Is.Null);
}
