namespace BizWeb.Auth;

/// <summary>Whether a <see cref="BizWebMessage"/> stops the operation or only advises the person.</summary>
public enum MessageSeverity
{
    /// <summary>The input or operation is refused.</summary>
    Error = 0,

    /// <summary>The operation goes ahead, but the person should be told (for example, the same PIN used twice).</summary>
    Warning = 1,
}
