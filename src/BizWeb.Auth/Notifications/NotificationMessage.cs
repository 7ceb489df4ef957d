namespace BizWeb.Auth;

/// <summary>A rendered security e-mail, as <see cref="INotificationSender"/> receives it.</summary>
/// <param name="IdempotencyKey">Unique per event; senders use it as the Message-ID so a retry is recognisable.</param>
/// <param name="To">The recipient's address.</param>
/// <param name="Subject">The subject (Japanese, then English).</param>
/// <param name="Body">Plain-text body in Japanese and English.</param>
public sealed record NotificationMessage(Guid IdempotencyKey, string To, string Subject, string Body);
