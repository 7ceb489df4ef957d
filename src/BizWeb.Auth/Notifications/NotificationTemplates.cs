using System.Globalization;

namespace BizWeb.Auth;

/// <summary>
/// The texts of the security e-mails (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §6), Japanese first and English below. They name the
/// event, the contract, the user id for user events, and the time in the bank's time zone; never a
/// PIN, OTP, seed or card value.
/// </summary>
public static class NotificationTemplates
{
    /// <summary>The event's title in Japanese, as the <see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §6 names it.</summary>
    /// <param name="securityEvent">The event.</param>
    /// <returns>The title.</returns>
    public static string TitleJa(SecurityEvent securityEvent) => securityEvent switch
    {
        SecurityEvent.AdminActivated => "管理者開通確認",
        SecurityEvent.AdminPinLocked => "管理者暗証番号ロック",
        SecurityEvent.AdminLoginPinChanged => "管理者暗証番号変更",
        SecurityEvent.AdminConfirmationPinChanged => "管理者確認暗証番号変更",
        SecurityEvent.AdminEmailChanged => "管理者Eメールアドレス変更",
        SecurityEvent.UserRegistered => "利用者情報登録",
        SecurityEvent.UserChanged => "利用者情報変更",
        SecurityEvent.UserDeleted => "利用者情報登録抹消",
        SecurityEvent.AccidentRegistered => "事故登録",
        SecurityEvent.AccidentCleared => "事故登録解除",
        SecurityEvent.PinLockReleased => "暗証番号ロック解除",
        SecurityEvent.AccountInfoChanged => "契約口座情報変更",
        SecurityEvent.FileTransferInfoChanged => "ファイル伝送契約情報変更",
        SecurityEvent.ContractLimitChanged => "契約法人限度額変更",
        SecurityEvent.FeeRegistered => "手数料登録",
        SecurityEvent.UserActivated => "利用者開通確認",
        SecurityEvent.UserPinLocked => "利用者暗証番号ロック",
        SecurityEvent.UserLoginPinChanged => "利用者暗証番号変更",
        SecurityEvent.UserConfirmationPinChanged => "利用者確認暗証番号変更",
        SecurityEvent.UserEmailChanged => "利用者Eメールアドレス変更",
        SecurityEvent.ScheduledTransferCancelled => "資金移動先予約取消",
        SecurityEvent.AdminCertificateExpiring => "管理者電子証明書有効期限",
        SecurityEvent.UserCertificateExpiring => "利用者電子証明書有効期限",
        SecurityEvent.AdminCertificateIssued => "管理者電子証明書発行",
        SecurityEvent.UserCertificateIssuedToAdmin or SecurityEvent.UserCertificateIssued => "利用者電子証明書発行",
        _ => throw new ArgumentOutOfRangeException(nameof(securityEvent)),
    };

    /// <summary>The event's title in English.</summary>
    /// <param name="securityEvent">The event.</param>
    /// <returns>The title.</returns>
    public static string TitleEn(SecurityEvent securityEvent) => securityEvent switch
    {
        SecurityEvent.AdminActivated => "Administrator activation completed",
        SecurityEvent.AdminPinLocked => "Administrator PIN locked",
        SecurityEvent.AdminLoginPinChanged => "Administrator login PIN changed",
        SecurityEvent.AdminConfirmationPinChanged => "Administrator confirmation PIN changed",
        SecurityEvent.AdminEmailChanged => "Administrator e-mail address changed",
        SecurityEvent.UserRegistered => "User registered",
        SecurityEvent.UserChanged => "User information changed",
        SecurityEvent.UserDeleted => "User deleted",
        SecurityEvent.AccidentRegistered => "Accident registered",
        SecurityEvent.AccidentCleared => "Accident registration cleared",
        SecurityEvent.PinLockReleased => "PIN lock released",
        SecurityEvent.AccountInfoChanged => "Contract account information changed",
        SecurityEvent.FileTransferInfoChanged => "File transfer contract information changed",
        SecurityEvent.ContractLimitChanged => "Contract limits changed",
        SecurityEvent.FeeRegistered => "Transfer fee registered",
        SecurityEvent.UserActivated => "User activation completed",
        SecurityEvent.UserPinLocked => "User PIN locked",
        SecurityEvent.UserLoginPinChanged => "User login PIN changed",
        SecurityEvent.UserConfirmationPinChanged => "User confirmation PIN changed",
        SecurityEvent.UserEmailChanged => "User e-mail address changed",
        SecurityEvent.ScheduledTransferCancelled => "Scheduled transfer cancelled",
        SecurityEvent.AdminCertificateExpiring => "Administrator certificate expires soon",
        SecurityEvent.UserCertificateExpiring => "User certificate expires soon",
        SecurityEvent.AdminCertificateIssued => "Administrator certificate issued",
        SecurityEvent.UserCertificateIssuedToAdmin or SecurityEvent.UserCertificateIssued => "User certificate issued",
        _ => throw new ArgumentOutOfRangeException(nameof(securityEvent)),
    };

    /// <summary>Renders <paramref name="notification"/> as an e-mail.</summary>
    /// <param name="notification">The outbox entry.</param>
    /// <param name="timeZone">The bank's time zone for the time shown.</param>
    /// <returns>The message.</returns>
    public static NotificationMessage Render(SecurityNotification notification, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(timeZone);
        var at = TimeZoneInfo.ConvertTime(notification.CreatedAt, timeZone).ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture);
        var subject = $"【ビジネスWeb】{TitleJa(notification.Event)}のお知らせ / {TitleEn(notification.Event)}";
        var who = notification.Recipient.UserId is { } user
            ? $"契約者ＩＤ: {notification.Recipient.ContractId}　利用者ＩＤ: {user}"
            : $"契約者ＩＤ: {notification.Recipient.ContractId}";
        var whoEn = notification.Recipient.UserId is { } u
            ? $"Contract ID: {notification.Recipient.ContractId}  User ID: {u}"
            : $"Contract ID: {notification.Recipient.ContractId}";
        var body = $"""
            ビジネスWebをご利用いただきありがとうございます。
            以下のお手続きが行われましたのでお知らせします。

            お手続き: {TitleJa(notification.Event)}
            {who}
            日時: {at}（{timeZone.Id}）

            お心当たりのない場合は、至急お問合せ窓口までご連絡ください。
            このメールは送信専用です。ご返信いただいてもお答えできません。

            ----
            This is a security notice from BizWeb.
            Event: {TitleEn(notification.Event)}
            {whoEn}
            Time: {at} ({timeZone.Id})

            If you did not do this, contact the help desk at once.
            """;
        return new NotificationMessage(notification.Id, notification.EmailAddress, subject, body);
    }
}
