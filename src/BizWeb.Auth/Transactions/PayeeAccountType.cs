namespace BizWeb.Auth;

/// <summary>預金種目 of an account, with the 全銀 codes.</summary>
public enum PayeeAccountType
{
    /// <summary>普通預金.</summary>
    Ordinary = 1,

    /// <summary>当座預金.</summary>
    Current = 2,

    /// <summary>貯蓄預金.</summary>
    Savings = 4,
}
