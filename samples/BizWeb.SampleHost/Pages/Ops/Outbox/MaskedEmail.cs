namespace BizWeb.SampleHost.Pages.Ops.Outbox;

/// <summary>An e-mail address as the console shows it: enough to tell addresses apart, not to harvest them (<c>t***@example.jp</c>).</summary>
public static class MaskedEmail
{
    public static string Of(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return "—";
        }

        var at = address.LastIndexOf('@');
        return at <= 0 ? "***" : $"{address[0]}***{address[at..]}";
    }
}
