using System.Globalization;
using System.Security.Cryptography;

namespace BizWeb.SampleHost.Pages.Ops;

/// <summary>A new registration PIN ①: 4 digits from the CSPRNG, shown once and then kept only as the SDK's hash.</summary>
public static class RegistrationPins
{
    public static string New() => RandomNumberGenerator.GetInt32(0, 10_000).ToString("D4", CultureInfo.InvariantCulture);
}
