namespace Workflow.StateMachine.History;

/// <summary>
/// An append-only list of events kept in fixed-size chunks: appending never copies what is already recorded, and
/// no chunk is large enough for the large-object heap (a single growing array for a Map's eleven thousand events
/// would be reallocated repeatedly and end up there, which forces full collections). Not thread-safe: the owner
/// guards it.
/// </summary>
internal sealed class HistoryLog
{
    private const int ChunkShift = 10;
    private const int ChunkSize = 1 << ChunkShift;
    private const int FirstChunkSize = 32;

    private readonly List<HistoryEvent[]> chunks = [];

    public int Count { get; private set; }

    public void Add(HistoryEvent item)
    {
        var chunk = Count >> ChunkShift;
        var offset = Count & (ChunkSize - 1);
        if (chunk == chunks.Count)
        {
            chunks.Add(new HistoryEvent[chunk == 0 ? FirstChunkSize : ChunkSize]);
        }
        else if (chunk == 0 && offset == chunks[0].Length)
        {
            // Short executions stay in a small first chunk; it grows to a full chunk only when needed.
            var grown = new HistoryEvent[Math.Min(ChunkSize, offset * 2)];
            Array.Copy(chunks[0], grown, offset);
            chunks[0] = grown;
        }

        chunks[chunk][offset] = item;
        Count++;
    }

    public void AddRange(IEnumerable<HistoryEvent> items)
    {
        foreach (var item in items)
        {
            Add(item);
        }
    }

    /// <summary>The events from <paramref name="start"/> to the end.</summary>
    public HistoryEvent[] CopyFrom(int start)
    {
        var result = new HistoryEvent[Count - start];
        for (var i = 0; i < result.Length;)
        {
            var index = start + i;
            var chunk = chunks[index >> ChunkShift];
            var offset = index & (ChunkSize - 1);
            var length = Math.Min(result.Length - i, ChunkSize - offset);
            Array.Copy(chunk, offset, result, i, length);
            i += length;
        }

        return result;
    }
}
