namespace BizWeb.CertTool;

/// <summary>The tool's exit codes (documented in README.md).</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Usage = 1;            // bad command line (System.CommandLine's own code for parse errors)
    public const int Refused = 2;          // the server refused: wrong PIN/OTP, locked, ticket expired, request refused …
    public const int Unreachable = 3;      // network failure, TLS failure, unexpected server answer
    public const int LocalFile = 4;        // a file exists already or cannot be read/written
    public const int Cancelled = 5;        // Ctrl+C, or an empty/mismatched password at the prompt
}
