using Workflow.Local.Metrics;

namespace Workflow.Local.Tests.Metrics;

public sealed class LocalMetricsTests
{
    private static string Line(string metric, string unit, string value) =>
        $$"""{"_aws":{"Timestamp":1764748800000,"CloudWatchMetrics":[{"Namespace":"Workflow","Dimensions":[["Service","Stage"]],"Metrics":[{"Name":"{{metric}}","Unit":"{{unit}}"}]}]},"Service":"workflow","Stage":"dev","jobId":"j1","{{metric}}":{{value}}}""";

    [Test]
    public void EmbeddedMetricLines_AreAggregatedPerMetric_AsCloudWatchWould()
    {
        var metrics = new LocalMetrics();

        metrics.Record(Line("JobsSubmitted", "Count", "1"));
        metrics.Record(Line("JobsSubmitted", "Count", "1"));
        metrics.Record(Line("ApprovalWaitTime", "Milliseconds", "[1000, 3000]"));

        var report = metrics.Report().Metrics.ToDictionary(m => m.Name);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report["JobsSubmitted"], Is.EqualTo(new MetricSummary("Workflow", "JobsSubmitted", "Count", 2, 2, 1, 1, 1)));
            Assert.That(report["ApprovalWaitTime"], Is.EqualTo(new MetricSummary("Workflow", "ApprovalWaitTime", "Milliseconds", 2, 4000, 1000, 3000, 2000)));
        }
    }

    [TestCase("""{"timestamp":"2026-12-03T08:00:00Z","level":"INFO","message":"request handled","status":202}""")]
    [TestCase("not json at all")]
    [TestCase("""{"_aws":{"CloudWatchMetrics":"not an array"},"X":1}""")]
    [TestCase("""{"_aws":{"CloudWatchMetrics":[{"Namespace":"Workflow","Metrics":[{"Name":"Missing"}]}]}}""")]
    [TestCase("""{"_aws": {"CloudWatchMetrics": [""")]
    public void OtherLines_RecordNothing(string line)
    {
        var metrics = new LocalMetrics();

        metrics.Record(line);

        Assert.That(metrics.Report().Metrics, Is.Empty);
    }

    [Test]
    public void MetricWithoutUnit_IsReportedWithUnitNone()
    {
        var samples = EmbeddedMetricLine.Read("""{"_aws":{"CloudWatchMetrics":[{"Namespace":"N","Metrics":[{"Name":"M"}]}]},"M":2.5}""");

        Assert.That(samples, Is.EqualTo(new[] { new MetricSample("N", "M", "None", 2.5) }));
    }
}
