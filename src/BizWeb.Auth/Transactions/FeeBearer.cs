namespace BizWeb.Auth;

/// <summary>Who bears the transfer fee.</summary>
public enum FeeBearer
{
    /// <summary>当方負担: the customer pays the fee on top of the amount.</summary>
    Payer = 0,

    /// <summary>先方負担: the payee bears it; the 先方負担手数料 is deducted from the amount sent.</summary>
    Payee = 1,
}
