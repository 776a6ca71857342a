using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Jsonata;

namespace Workflow.StateMachine.Expressions.Jsonata;

/// <summary>
/// The functions Step Functions adds to JSONata: <c>$partition</c>, <c>$range</c>, <c>$hash</c>, <c>$random</c>
/// (with an optional seed), <c>$uuid</c> and <c>$parse</c>. <c>$eval</c> does not exist in Step Functions, so a
/// call to it is JSONata's T1006 like any undefined function.
/// See "Transforming data with JSONata in Step Functions", section "JSONata functions provided by Step Functions".
/// </summary>
public static class StepFunctionsJsonataFunctions
{
    private static readonly string[] HashAlgorithms = ["MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512"];

    /// <summary>The functions as bindings for <see cref="JsonataExpression.Evaluate"/>.</summary>
    public static IReadOnlyDictionary<string, object?> Create(Func<double> random) => new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["partition"] = JsonataFunctions.Create("partition", "<an:a>", args => Partition((Sequence)args[0]!, (double)args[1]!)),
        ["range"] = JsonataFunctions.Create("range", "<nnn:a>", args => Range((double)args[0]!, (double)args[1]!, (double)args[2]!)),
        ["hash"] = JsonataFunctions.Create("hash", "<ss:s>", args => Hash((string)args[0]!, (string)args[1]!)),
        ["random"] = JsonataFunctions.Create("random", "<n?:n>", args => args.Count > 0 && args[0] is double seed ? new Random((int)seed).NextDouble() : random()),
        ["uuid"] = JsonataFunctions.Create("uuid", "<:s>", _ => Guid.NewGuid().ToString("D")),
        ["parse"] = JsonataFunctions.Create("parse", "<s:j>", args => Parse((string)args[0]!)),
    };

    private static Sequence Partition(Sequence items, double size)
    {
        if (size <= 0 || !double.IsInteger(size))
        {
            throw new JsonataException("D3020", "The chunk size of $partition must be a positive integer", value: size);
        }

        var result = new Sequence();
        for (var i = 0; i < items.Count; i += (int)size)
        {
            result.Add(new Sequence(items.Skip(i).Take((int)size)));
        }

        return result;
    }

    private static Sequence Range(double start, double end, double step)
    {
        if (step == 0 || !double.IsInteger(start) || !double.IsInteger(end) || !double.IsInteger(step))
        {
            throw new JsonataException("D2014", "The arguments of $range must be integers and the step must not be zero", value: step);
        }

        // A sequence, as AWS returns it: a one-item range is the item itself.
        var result = Sequence.Create();
        for (var value = start; step > 0 ? value <= end : value >= end; value += step)
        {
            if (result.Count >= 1000)
            {
                throw new JsonataException("D2014", "$range cannot produce more than 1000 items", value: end);
            }

            result.Add(value);
        }

        return result;
    }

    private static string Hash(string data, string algorithm)
    {
        var bytes = Encoding.UTF8.GetBytes(data);
        var digest = algorithm switch
        {
            "MD5" => MD5.HashData(bytes),
            "SHA-1" => SHA1.HashData(bytes),
            "SHA-256" => SHA256.HashData(bytes),
            "SHA-384" => SHA384.HashData(bytes),
            "SHA-512" => SHA512.HashData(bytes),
            _ => throw new JsonataException("D3137", $"The hash algorithm {algorithm} is not supported; use one of {string.Join(", ", HashAlgorithms)}", value: algorithm),
        };
        return Convert.ToHexStringLower(digest);
    }

    private static object Parse(string json)
    {
        try
        {
            return JsonataValues.FromJsonNode(JsonNode.Parse(json));
        }
        catch (JsonException e)
        {
            throw new JsonataException("D3137", $"$parse could not parse the string as JSON: {e.Message}", value: json);
        }
    }
}
