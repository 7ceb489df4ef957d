namespace BizWeb.Tokens;

/// <summary>
/// A grid position of the printed customer card (お客様カード, credential ②): ア イ ウ エ オ カ キ ク,
/// each holding 2 half-width digits (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §2). The numeric values give the card's print order.
/// </summary>
public enum CustomerCardPosition
{
    /// <summary>ア</summary>
    A = 0,

    /// <summary>イ</summary>
    I = 1,

    /// <summary>ウ</summary>
    U = 2,

    /// <summary>エ</summary>
    E = 3,

    /// <summary>オ</summary>
    O = 4,

    /// <summary>カ</summary>
    Ka = 5,

    /// <summary>キ</summary>
    Ki = 6,

    /// <summary>ク</summary>
    Ku = 7,
}
