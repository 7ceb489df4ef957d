using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>Stops a PSKC import inside the reader; turned into a <see cref="PskcImportResult"/>, never thrown out of the package.</summary>
internal sealed class PskcException : Exception
{
    public PskcException(MessageCode code, string detail, int? keyPackageNumber = null, string? keyPackageName = null, Exception? inner = null)
        : base(detail, inner)
    {
        Code = code;
        KeyPackageNumber = keyPackageNumber;
        KeyPackageName = keyPackageName;
    }

    public PskcException()
    {
    }

    public PskcException(string message)
        : base(message)
    {
    }

    public PskcException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MessageCode Code { get; } = MessageCode.PskcMalformed;

    public int? KeyPackageNumber { get; }

    public string? KeyPackageName { get; }
}
