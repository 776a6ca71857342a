namespace Workflow.DynamoDbServer;

/// <summary>Keeps the last lines a child process wrote to stderr so start-up failures can quote them.</summary>
internal sealed class OutputTail
{
    private const int MaxLines = 20;
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public void Add(string line)
    {
        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > MaxLines)
            {
                _lines.Dequeue();
            }
        }
    }

    /// <summary>" Its last output: ..." or an empty string when it wrote nothing.</summary>
    public string Describe()
    {
        lock (_gate)
        {
            return _lines.Count == 0 ? string.Empty : " Its last output:" + Environment.NewLine + string.Join(Environment.NewLine, _lines);
        }
    }
}
