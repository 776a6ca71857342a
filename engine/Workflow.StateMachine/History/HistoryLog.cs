namespace Workflow.StateMachine.History;

/// <summary>
/// An append-only history kept in fixed-size chunks of inline entries. A Map over a thousand items records eleven
/// thousand events that live until the execution ends; keeping the common ones (type, name, index, one payload) as
/// structs rather than objects spares the garbage collector from tracing and copying each of them, and appending
/// never copies what is recorded nor allocates on the large-object heap. Events are rebuilt as
/// <see cref="HistoryEvent"/> objects when read, once. Not thread-safe: the owner guards it.
/// </summary>
internal sealed class HistoryLog
{
    private const int ChunkShift = 9;
    private const int ChunkSize = 1 << ChunkShift;
    private const int FirstChunkSize = 16;

    private readonly List<Entry[]> chunks = [];

    public int Count { get; private set; }

    public void Add(HistoryEvent item)
    {
        ref var entry = ref Append();
        if (item.IsCompact && item.Id == Count)
        {
            entry = new Entry
            {
                Type = item.Type,
                Name = item.Name,
                Payload = item.PayloadSlot,
                Ticks = item.UtcTicks,
                PreviousEventId = item.PreviousEventId,
                Index = item.Index ?? -1,
                PayloadIsOutput = item.PayloadIsOutput,
            };
        }
        else
        {
            entry = new Entry { Full = item };
        }
    }

    /// <summary>Appends an event given by its parts (no event object); returns its id.</summary>
    public long AddInline(string type, string? name, int index, object? payload, bool payloadIsOutput, long previousEventId, long ticks)
    {
        ref var entry = ref Append();
        entry = new Entry
        {
            Type = type,
            Name = name,
            Payload = payload,
            Ticks = ticks,
            PreviousEventId = previousEventId,
            Index = index,
            PayloadIsOutput = payloadIsOutput,
        };
        return Count;
    }

    private ref Entry Append()
    {
        var chunk = Count >> ChunkShift;
        var offset = Count & (ChunkSize - 1);
        if (chunk == chunks.Count)
        {
            chunks.Add(new Entry[chunk == 0 ? FirstChunkSize : ChunkSize]);
        }
        else if (chunk == 0 && offset == chunks[0].Length)
        {
            // Short executions stay in a small first chunk; it grows to a full chunk only when needed.
            var grown = new Entry[Math.Min(ChunkSize, offset * 2)];
            Array.Copy(chunks[0], grown, offset);
            chunks[0] = grown;
        }

        Count++;
        return ref chunks[chunk][offset];
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
        for (var i = 0; i < result.Length; i++)
        {
            var index = start + i;
            ref var entry = ref chunks[index >> ChunkShift][index & (ChunkSize - 1)];
            entry.Full ??= HistoryEvent.Rebuild(
                entry.Type!, entry.Name, entry.Index < 0 ? null : entry.Index, index + 1, entry.PreviousEventId, entry.Ticks, entry.Payload, entry.PayloadIsOutput);
            result[i] = entry.Full;
        }

        return result;
    }

    private struct Entry
    {
        /// <summary>The event object, for events with more details, or once an inline event has been read.</summary>
        public HistoryEvent? Full;
        public string? Type;
        public string? Name;
        public object? Payload;
        public long Ticks;
        public long PreviousEventId;
        public int Index;
        public bool PayloadIsOutput;
    }
}
