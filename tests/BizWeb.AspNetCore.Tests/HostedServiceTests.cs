using BizWeb.Testing.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BizWeb.AspNetCore.Tests;

/// <summary>The outbox dispatcher as a hosted service, and the health checks (issue 17).</summary>
public sealed class HostedServiceTests
{
    [Fact]
    public async Task The_hosted_dispatcher_sends_a_committed_changes_mail()
    {
        await using var portal = await TestPortal.StartAsync(o => o.DispatchInterval = TimeSpan.FromSeconds(5));
        await portal.Harness.ActiveContractAsync();
        // Nothing sends the mail but the hosted dispatcher (its first run, or a tick of the clock).

        for (var i = 0; i < 200 && portal.Harness.Mail.Sent.IsEmpty; i++)
        {
            portal.Harness.Time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(25);
        }

        Assert.NotEmpty(portal.Harness.Mail.Sent);
        Assert.Contains(portal.Harness.Mail.Sent, m => m.To == AuthHarness.AdminEmail);
    }

    [Fact]
    public async Task Health_is_healthy_and_degraded_when_the_outbox_backs_up()
    {
        await using var healthy = await TestPortal.StartAsync(map: app => app.MapBizWeb());
        // Without the dispatcher: its first run starts at some moment after the host started, and would empty the outbox.
        await using var backedUp = await TestPortal.StartAsync(o => o.OutboxBacklogLimit = 1, map: app => app.MapBizWeb(),
            services: s => s.Remove(s.Single(d => d.ImplementationType == typeof(NotificationDispatchService))));
        var contract = await backedUp.Harness.CreateContractAsync();
        await backedUp.Harness.ActivateAdminAsync(contract);
        var user = await backedUp.Harness.RegisterUserAsync(contract);
        await backedUp.Harness.ActivateUserAsync(contract, user);
        Assert.True(await backedUp.Harness.Store.CountPendingAsync(CancellationToken.None) > 1);

        var ok = await healthy.SendAsync("GET", "/health");
        var degraded = await backedUp.SendAsync("GET", "/health");

        Assert.Equal(StatusCodes.Status200OK, ok.Status);
        Assert.Equal("Healthy", ok.Body);
        Assert.Equal("Degraded", degraded.Body);
    }
}
