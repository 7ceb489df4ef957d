namespace BizWeb.Auth;

/// <summary>The answer of <see cref="IAuthUnitOfWork.CommitAsync"/>.</summary>
public enum CommitOutcome
{
    /// <summary>Everything in the change set is stored.</summary>
    Committed = 0,

    /// <summary>An aggregate changed since it was read (or an insert found one): nothing is stored.</summary>
    Conflict = 1,
}
