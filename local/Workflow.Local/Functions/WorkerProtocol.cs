using System.Buffers.Binary;

namespace Workflow.Local.Functions;

/// <summary>
/// Frames exchanged between the host and a function worker over the worker's stdin/stdout:
/// a 4-byte little-endian payload length, a 1-byte kind, then the payload.
/// </summary>
internal static class WorkerProtocol
{
    public const byte Invoke = 1;
    public const byte Ready = 2;
    public const byte InitError = 3;
    public const byte Result = 4;
    public const byte Error = 5;

    /// <summary>Largest frame accepted: Lambda's 6 MB synchronous payload limit with room for the error document.</summary>
    public const int MaxPayload = 16 * 1024 * 1024;

    public static async Task WriteAsync(Stream stream, byte kind, ReadOnlyMemory<byte> payload, CancellationToken ct)
    {
        var header = new byte[5];
        BinaryPrimitives.WriteInt32LittleEndian(header, payload.Length);
        header[4] = kind;
        await stream.WriteAsync(header, ct).ConfigureAwait(false);
        await stream.WriteAsync(payload, ct).ConfigureAwait(false);
        await stream.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Reads one frame; null when the other side closed the stream.</summary>
    public static async Task<(byte Kind, byte[] Payload)?> ReadAsync(Stream stream, CancellationToken ct)
    {
        var header = new byte[5];
        if (!await FillAsync(stream, header, ct).ConfigureAwait(false))
        {
            return null;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length is < 0 or > MaxPayload)
        {
            throw new InvalidDataException($"worker frame of {length} bytes is out of range");
        }

        var payload = new byte[length];
        if (!await FillAsync(stream, payload, ct).ConfigureAwait(false))
        {
            return null;
        }

        return (header[4], payload);
    }

    private static async Task<bool> FillAsync(Stream stream, byte[] buffer, CancellationToken ct)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), ct).ConfigureAwait(false);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }
}
