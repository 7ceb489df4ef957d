using System.Net;
using BizWeb.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BizWeb.AspNetCore.Tests;

/// <summary>The credential-post policy (issue 17): per client (IPv4, IPv6 /64) and per contract, every method but reads.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Posts_beyond_the_limit_per_client_get_429_and_another_client_is_not_affected()
    {
        await using var portal = await TestPortal.StartAsync(o => o.CredentialPostsPerClientPerMinute = 3);
        var other = IPAddress.Parse("198.51.100.20");

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await portal.SendAsync("POST", "/credential")).Status);
        }

        Assert.Equal([200, 200, 200, StatusCodes.Status429TooManyRequests], statuses);
        Assert.Equal(StatusCodes.Status200OK, (await portal.SendAsync("POST", "/credential", from: other)).Status);
    }

    [Fact]
    public async Task Every_method_that_can_carry_a_credential_counts_and_reads_do_not()
    {
        await using var portal = await TestPortal.StartAsync(o => o.CredentialPostsPerClientPerMinute = 3);

        Assert.Equal(StatusCodes.Status200OK, (await portal.SendAsync("PUT", "/credential")).Status);
        Assert.Equal(StatusCodes.Status200OK, (await portal.SendAsync("DELETE", "/credential")).Status);
        Assert.Equal(StatusCodes.Status200OK, (await portal.SendAsync("POST", "/credential")).Status);
        Assert.Equal(StatusCodes.Status429TooManyRequests, (await portal.SendAsync("PUT", "/credential")).Status);
        Assert.Equal(StatusCodes.Status200OK, (await portal.SendAsync("GET", "/credential")).Status);
    }

    [Fact]
    public async Task One_IPv6_64_is_one_client()
    {
        await using var portal = await TestPortal.StartAsync(o => o.CredentialPostsPerClientPerMinute = 2);

        Assert.Equal(StatusCodes.Status200OK, (await portal.SendAsync("POST", "/credential", from: IPAddress.Parse("2001:db8:1:2::1"))).Status);
        Assert.Equal(StatusCodes.Status200OK, (await portal.SendAsync("POST", "/credential", from: IPAddress.Parse("2001:db8:1:2:ffff::9"))).Status);
        Assert.Equal(StatusCodes.Status429TooManyRequests, (await portal.SendAsync("POST", "/credential", from: IPAddress.Parse("2001:db8:1:2:abcd::1"))).Status);
        Assert.Equal(StatusCodes.Status200OK, (await portal.SendAsync("POST", "/credential", from: IPAddress.Parse("2001:db8:1:3::1"))).Status);
    }

    [Fact]
    public async Task Posts_for_one_contract_from_many_clients_are_limited_per_contract()
    {
        await using var portal = await TestPortal.StartAsync(o =>
        {
            o.CredentialPostsPerClientPerMinute = 100;
            o.CredentialPostsPerContractPerMinute = 2;
        });
        var (contract, certificate) = await portal.Harness.ActiveContractAsync();
        var (_, otherCertificate) = await portal.Harness.ActiveContractAsync(contractId: "22222222222");

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await portal.SendAsync("POST", "/credential", certificate: certificate, from: IPAddress.Parse($"198.51.100.{i + 1}"))).Status);
        }

        Assert.Equal([200, 200, StatusCodes.Status429TooManyRequests], statuses);
        Assert.Equal(StatusCodes.Status200OK, (await portal.SendAsync("POST", "/credential", certificate: otherCertificate, from: IPAddress.Parse("198.51.100.50"))).Status);
        Assert.NotEqual(contract, ContractId.Parse("22222222222").Value);
    }

    [Fact]
    public async Task Endpoints_without_the_policy_and_reads_are_not_limited()
    {
        await using var portal = await TestPortal.StartAsync(o => o.CredentialPostsPerClientPerMinute = 1, map: app =>
        {
            app.MapGet("/credential-read", () => "ok").RequireRateLimiting(BizWebRateLimiting.CredentialPolicy);
            app.MapPost("/other", () => "ok");
        });

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(StatusCodes.Status200OK, (await portal.SendAsync("GET", "/credential-read")).Status);
            Assert.Equal(StatusCodes.Status200OK, (await portal.SendAsync("POST", "/other")).Status);
        }
    }
}
