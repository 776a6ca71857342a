using System.Text.Json;
using Microsoft.Data.Sqlite;
using Workflow.StateMachine.History;
using Workflow.StateMachine.Persistence;

namespace Workflow.StateMachine.Sqlite;

/// <summary>
/// A durable <see cref="IExecutionStore"/> in one SQLite file (WAL mode): state machines, executions with their
/// resumable position, and history events appended as they are recorded. One connection, serialised by a lock.
/// </summary>
public sealed class SqliteExecutionStore : IExecutionStore, IDisposable
{
    private readonly Lock gate = new();
    private readonly SqliteConnection connection;
    private readonly SqliteCommand upsertExecution;
    private readonly SqliteCommand insertEvent;

    public SqliteExecutionStore(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        connection = new SqliteConnection(builder.ToString());
        connection.Open();
        Execute("PRAGMA journal_mode=WAL;");
        Execute("PRAGMA synchronous=NORMAL;");
        Execute("""
            CREATE TABLE IF NOT EXISTS state_machines (
                arn TEXT PRIMARY KEY, name TEXT NOT NULL, definition TEXT NOT NULL, role_arn TEXT NOT NULL, type TEXT NOT NULL,
                created TEXT NOT NULL, updated TEXT NOT NULL, revision TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS executions (
                arn TEXT PRIMARY KEY, state_machine_arn TEXT NOT NULL, name TEXT NOT NULL, input TEXT NOT NULL, status TEXT NOT NULL,
                output TEXT, error TEXT, cause TEXT, start_date TEXT NOT NULL, stop_date TEXT, position TEXT);
            CREATE TABLE IF NOT EXISTS history_events (
                execution_arn TEXT NOT NULL, id INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (execution_arn, id)) WITHOUT ROWID;
            """);
        upsertExecution = connection.CreateCommand();
        upsertExecution.CommandText = """
            INSERT INTO executions (arn, state_machine_arn, name, input, status, output, error, cause, start_date, stop_date, position)
            VALUES ($arn, $sm, $name, $input, $status, $output, $error, $cause, $start, $stop, $position)
            ON CONFLICT(arn) DO UPDATE SET status = excluded.status, output = excluded.output, error = excluded.error,
                cause = excluded.cause, stop_date = excluded.stop_date, position = excluded.position;
            """;
        foreach (var name in new[] { "$arn", "$sm", "$name", "$input", "$status", "$output", "$error", "$cause", "$start", "$stop", "$position" })
        {
            upsertExecution.Parameters.Add(new SqliteParameter(name, null));
        }

        insertEvent = connection.CreateCommand();
        insertEvent.CommandText = "INSERT OR IGNORE INTO history_events (execution_arn, id, body) VALUES ($arn, $id, $body);";
        insertEvent.Parameters.Add(new SqliteParameter("$arn", null));
        insertEvent.Parameters.Add(new SqliteParameter("$id", null));
        insertEvent.Parameters.Add(new SqliteParameter("$body", null));
    }

    public bool PersistsProgress => true;

    public void SaveStateMachine(StateMachineRecord record)
    {
        lock (gate)
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO state_machines (arn, name, definition, role_arn, type, created, updated, revision)
                VALUES ($arn, $name, $definition, $role, $type, $created, $updated, $revision)
                ON CONFLICT(arn) DO UPDATE SET definition = excluded.definition, role_arn = excluded.role_arn,
                    type = excluded.type, updated = excluded.updated, revision = excluded.revision;
                """;
            command.Parameters.AddWithValue("$arn", record.Arn);
            command.Parameters.AddWithValue("$name", record.Name);
            command.Parameters.AddWithValue("$definition", record.Definition);
            command.Parameters.AddWithValue("$role", record.RoleArn);
            command.Parameters.AddWithValue("$type", record.Type);
            command.Parameters.AddWithValue("$created", record.CreationDate.ToString("O"));
            command.Parameters.AddWithValue("$updated", record.UpdateDate.ToString("O"));
            command.Parameters.AddWithValue("$revision", record.RevisionId);
            command.ExecuteNonQuery();
        }
    }

    public IReadOnlyList<StateMachineRecord> LoadStateMachines()
    {
        lock (gate)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT arn, name, definition, role_arn, type, created, updated, revision FROM state_machines ORDER BY created;";
            using var reader = command.ExecuteReader();
            var result = new List<StateMachineRecord>();
            while (reader.Read())
            {
                result.Add(new StateMachineRecord
                {
                    Arn = reader.GetString(0),
                    Name = reader.GetString(1),
                    Definition = reader.GetString(2),
                    RoleArn = reader.GetString(3),
                    Type = reader.GetString(4),
                    CreationDate = DateTimeOffset.Parse(reader.GetString(5), System.Globalization.CultureInfo.InvariantCulture),
                    UpdateDate = DateTimeOffset.Parse(reader.GetString(6), System.Globalization.CultureInfo.InvariantCulture),
                    RevisionId = reader.GetString(7),
                });
            }

            return result;
        }
    }

    public void SaveExecution(ExecutionSnapshot snapshot)
    {
        lock (gate)
        {
            using var transaction = connection.BeginTransaction();
            upsertExecution.Transaction = transaction;
            Set(upsertExecution, "$arn", snapshot.ExecutionArn);
            Set(upsertExecution, "$sm", snapshot.StateMachineArn);
            Set(upsertExecution, "$name", snapshot.Name);
            Set(upsertExecution, "$input", snapshot.Input);
            Set(upsertExecution, "$status", snapshot.Status);
            Set(upsertExecution, "$output", snapshot.Output);
            Set(upsertExecution, "$error", snapshot.Error);
            Set(upsertExecution, "$cause", snapshot.Cause);
            Set(upsertExecution, "$start", snapshot.StartDate.ToString("O"));
            Set(upsertExecution, "$stop", snapshot.StopDate?.ToString("O"));
            Set(upsertExecution, "$position", snapshot.Position is null ? null : JsonSerializer.Serialize(snapshot.Position, PersistenceJsonContext.Default.FrameSnapshot));
            upsertExecution.ExecuteNonQuery();
            insertEvent.Transaction = transaction;
            foreach (var e in snapshot.NewEvents)
            {
                Set(insertEvent, "$arn", snapshot.ExecutionArn);
                Set(insertEvent, "$id", e.Id);
                Set(insertEvent, "$body", JsonSerializer.Serialize(e, PersistenceJsonContext.Default.HistoryEvent));
                insertEvent.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    public IReadOnlyList<ExecutionSnapshot> LoadExecutions()
    {
        lock (gate)
        {
            var histories = new Dictionary<string, List<HistoryEvent>>(StringComparer.Ordinal);
            using (var events = connection.CreateCommand())
            {
                events.CommandText = "SELECT execution_arn, body FROM history_events ORDER BY execution_arn, id;";
                using var reader = events.ExecuteReader();
                while (reader.Read())
                {
                    var arn = reader.GetString(0);
                    if (!histories.TryGetValue(arn, out var list))
                    {
                        histories[arn] = list = [];
                    }

                    list.Add(JsonSerializer.Deserialize(reader.GetString(1), PersistenceJsonContext.Default.HistoryEvent)!);
                }
            }

            using var command = connection.CreateCommand();
            command.CommandText = "SELECT arn, state_machine_arn, name, input, status, output, error, cause, start_date, stop_date, position FROM executions ORDER BY start_date;";
            using var rows = command.ExecuteReader();
            var result = new List<ExecutionSnapshot>();
            while (rows.Read())
            {
                var arn = rows.GetString(0);
                result.Add(new ExecutionSnapshot
                {
                    ExecutionArn = arn,
                    StateMachineArn = rows.GetString(1),
                    Name = rows.GetString(2),
                    Input = rows.GetString(3),
                    Status = rows.GetString(4),
                    Output = rows.IsDBNull(5) ? null : rows.GetString(5),
                    Error = rows.IsDBNull(6) ? null : rows.GetString(6),
                    Cause = rows.IsDBNull(7) ? null : rows.GetString(7),
                    StartDate = DateTimeOffset.Parse(rows.GetString(8), System.Globalization.CultureInfo.InvariantCulture),
                    StopDate = rows.IsDBNull(9) ? null : DateTimeOffset.Parse(rows.GetString(9), System.Globalization.CultureInfo.InvariantCulture),
                    Position = rows.IsDBNull(10) ? null : JsonSerializer.Deserialize(rows.GetString(10), PersistenceJsonContext.Default.FrameSnapshot),
                    History = histories.TryGetValue(arn, out var history) ? history : [],
                });
            }

            return result;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            upsertExecution.Dispose();
            insertEvent.Dispose();
            connection.Dispose();
        }
    }

    private static void Set(SqliteCommand command, string name, object? value) => command.Parameters[name].Value = value ?? DBNull.Value;

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
