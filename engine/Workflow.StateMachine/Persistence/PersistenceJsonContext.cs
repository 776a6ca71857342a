using System.Text.Json.Serialization;
using Workflow.StateMachine.History;

namespace Workflow.StateMachine.Persistence;

/// <summary>Source-generated serialisation of snapshots and history events for durable stores.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StateMachineRecord))]
[JsonSerializable(typeof(FrameSnapshot))]
[JsonSerializable(typeof(HistoryEvent))]
[JsonSerializable(typeof(List<HistoryEvent>))]
public sealed partial class PersistenceJsonContext : JsonSerializerContext;
