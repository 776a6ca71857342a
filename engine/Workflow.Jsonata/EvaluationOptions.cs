namespace Workflow.Jsonata;

/// <summary>Limits and sources of time and randomness for one evaluation.</summary>
public sealed record EvaluationOptions
{
    public static readonly EvaluationOptions Default = new();

    /// <summary>Maximum nesting of evaluation (recursion depth); beyond it U1001 is raised.</summary>
    public int MaxDepth { get; init; } = 10_000;

    /// <summary>Wall-clock budget for one evaluation; beyond it U1001 is raised. Null for no limit.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Source of <c>$now()</c> and <c>$millis()</c>: one reading per evaluation.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Source of <c>$random()</c> and <c>$shuffle()</c>.</summary>
    public Func<double> Random { get; init; } = System.Random.Shared.NextDouble;
}
