using BizWeb.Testing;

namespace BizWeb.Notifications.Smtp.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void Public_API_matches_the_approved_file() =>
        PublicApiApproval.Verify(typeof(SmtpNotificationSender).Assembly, "BizWeb.Notifications.Smtp.Tests");
}
