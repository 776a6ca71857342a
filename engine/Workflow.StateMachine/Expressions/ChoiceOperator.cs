namespace Workflow.StateMachine.Expressions;

/// <summary>What a comparison operator compares, and what its operand must be in the definition.</summary>
internal enum OperatorFamily
{
    String,
    Numeric,
    Boolean,
    Timestamp,
    StringMatches,
    TypeTest,
}

internal enum Relation
{
    Equals,
    LessThan,
    GreaterThan,
    LessThanEquals,
    GreaterThanEquals,
}

internal enum TypeTest
{
    IsNull,
    IsPresent,
    IsNumeric,
    IsString,
    IsBoolean,
    IsTimestamp,
}

internal sealed record ChoiceOperator(string Name, OperatorFamily Family, Relation Relation, bool IsPath, TypeTest Test)
{
    private static readonly Dictionary<string, ChoiceOperator> All = Build();

    public static ChoiceOperator? Find(string name) => All.GetValueOrDefault(name);

    public static bool IsOperatorName(string name) => All.ContainsKey(name);

    private static Dictionary<string, ChoiceOperator> Build()
    {
        var map = new Dictionary<string, ChoiceOperator>(StringComparer.Ordinal);
        (string Prefix, OperatorFamily Family)[] families =
        [
            ("String", OperatorFamily.String),
            ("Numeric", OperatorFamily.Numeric),
            ("Timestamp", OperatorFamily.Timestamp),
        ];
        (string Suffix, Relation Relation)[] relations =
        [
            ("Equals", Relation.Equals),
            ("LessThan", Relation.LessThan),
            ("GreaterThan", Relation.GreaterThan),
            ("LessThanEquals", Relation.LessThanEquals),
            ("GreaterThanEquals", Relation.GreaterThanEquals),
        ];
        foreach (var (prefix, family) in families)
        {
            foreach (var (suffix, relation) in relations)
            {
                Add(map, new ChoiceOperator(prefix + suffix, family, relation, false, default));
                Add(map, new ChoiceOperator(prefix + suffix + "Path", family, relation, true, default));
            }
        }

        Add(map, new ChoiceOperator("BooleanEquals", OperatorFamily.Boolean, Relation.Equals, false, default));
        Add(map, new ChoiceOperator("BooleanEqualsPath", OperatorFamily.Boolean, Relation.Equals, true, default));
        Add(map, new ChoiceOperator("StringMatches", OperatorFamily.StringMatches, Relation.Equals, false, default));
        foreach (var test in Enum.GetValues<TypeTest>())
        {
            Add(map, new ChoiceOperator(test.ToString(), OperatorFamily.TypeTest, Relation.Equals, false, test));
        }

        return map;
    }

    private static void Add(Dictionary<string, ChoiceOperator> map, ChoiceOperator op) => map.Add(op.Name, op);
}
