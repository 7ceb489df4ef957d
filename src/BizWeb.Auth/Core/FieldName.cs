namespace BizWeb.Auth;

/// <summary>
/// The field an input error belongs to, derived from the verb's own code: the expression that passed
/// the input (<c>loginPin</c>, <c>request.NewLoginPin</c>, <c>ContractId.Parse(contractId)</c>) names
/// the parameter or property it came from, in camel case (<c>loginPin</c>, <c>newLoginPin</c>,
/// <c>contractId</c>) — the name a host's form field or JSON property has.
/// </summary>
internal static class FieldName
{
    public static string Of(string expression)
    {
        var text = expression.AsSpan().Trim();
        // A parse call: the argument is the input.
        var open = text.LastIndexOf('(');
        if (open >= 0 && text.EndsWith(")"))
        {
            text = text[(open + 1)..^1].Trim();
        }

        var dot = text.LastIndexOf('.');
        if (dot >= 0)
        {
            text = text[(dot + 1)..];
        }

        return text.Length == 0 ? string.Empty : string.Concat(char.ToLowerInvariant(text[0]).ToString(), text[1..]);
    }
}
