namespace BizWeb.Auth;

/// <summary>Where the payee's account is, as the fee master (振込手数料マスタ) distinguishes it.</summary>
public enum PayeeRelation
{
    /// <summary>同一店内: the same branch of this bank.</summary>
    SameBranch = 0,

    /// <summary>本支店: another branch of this bank.</summary>
    SameBank = 1,

    /// <summary>他行: another bank.</summary>
    OtherBank = 2,
}
