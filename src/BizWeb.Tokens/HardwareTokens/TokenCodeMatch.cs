namespace BizWeb.Tokens;

/// <summary>How a typed code compares with a stored token's codes.</summary>
internal enum TokenCodeMatch
{
    /// <summary>No code of the window: a wrong guess.</summary>
    None,

    /// <summary>The code of a step or counter after the last used one: to be recorded.</summary>
    Matched,

    /// <summary>The code of the step or counter the token used last: right, but used already.</summary>
    Replayed,
}
