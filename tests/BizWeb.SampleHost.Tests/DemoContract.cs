namespace BizWeb.SampleHost.Tests;

/// <summary>What <c>--demo</c> printed once: the contract id, ①, the card grid and the demo token.</summary>
public sealed record DemoContract(string ContractId, string RegistrationPin, IReadOnlyDictionary<string, string> Card, string TokenSerial, string TokenSecret)
{
    public static DemoContract Read(SampleHostProcess host)
    {
        var grid = host.Value("お客様カード (customer card)").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var card = new Dictionary<string, string>();
        for (var i = 0; i + 1 < grid.Length; i += 2)
        {
            card[grid[i]] = grid[i + 1];
        }

        var uri = host.Output.Split('\n').First(l => l.Contains("otpauth://", StringComparison.Ordinal)).Trim();
        var secret = System.Web.HttpUtility.ParseQueryString(new Uri(uri).Query)["secret"]!;
        return new DemoContract(host.Value("契約者ID (contract id)"), host.Value("ご契約先暗証番号 ① (registration PIN)"), card, host.Value("demo token serial"), secret);
    }

    /// <summary>The card answer for the positions a page asks for (e.g. "ア カ キ").</summary>
    public string Answer(string positions) =>
        string.Concat(positions.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => Card[p]));

    /// <summary>The demo token's current code (Otp.NET, an independent implementation of RFC 6238).</summary>
    public string TokenCode(DateTime utcNow) => new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(TokenSecret)).ComputeTotp(utcNow);
}
