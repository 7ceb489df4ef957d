using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using BizWeb.Auth;
using BizWeb.Certificates;
using BizWeb.Testing;
using BizWeb.Testing.Auth;

namespace BizWeb.CertTool.Tests;

/// <summary>The real bizweb-cert process enrolls against a host that runs the real flows and CA (SPEC.md §4 steps 2 and 5).</summary>
public sealed class CertToolEndToEndTests(EnrollmentHost host) : IClassFixture<EnrollmentHost>
{
    private static readonly string Tool = Path.Combine(RepositoryRoot.Find(), "samples", "BizWeb.CertTool", "bin", "Release", "net10.0", "bizweb-cert.dll");

    private static async Task<(int ExitCode, string Output)> RunAsync(string stdin, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Tool);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task A_user_enrolls_with_the_temporary_PIN_and_the_token_and_gets_a_PKCS12_with_the_1286_CN()
    {
        var contract = AuthHarness.Parse("31313131313");
        await host.Harness.CreateContractAsync(contractId: contract.ToString());
        await host.Harness.ActivateAdminAsync(contract);
        await host.Harness.RegisterUserAsync(contract, "taro");
        var output = Directory.CreateTempSubdirectory("bizweb-cert-").FullName;

        var (exit, text) = await RunAsync($"{AuthHarness.TemporaryLoginPin}\n{TestHardwareToken.Code}\np12-password\np12-password\n",
            "enroll", "--server", host.Address.ToString(), "-c", contract.ToString(), "-u", "taro", "--secrets-stdin", "--out", output);

        Assert.True(exit == 0, text);
        using var pkcs12 = X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(output, "certificate.p12"), "p12-password");
        Assert.True(pkcs12.HasPrivateKey);
        Assert.Equal($"{contract}taro1286", pkcs12.GetNameInfo(X509NameType.SimpleName, false));
        Assert.DoesNotContain(AuthHarness.TemporaryLoginPin, text, StringComparison.Ordinal);
        var current = await host.Harness.Get<CertificateAuthority>().FindCurrentAsync(PrincipalId.User(contract, AuthHarness.User("taro")));
        Assert.Equal(pkcs12.SerialNumber, current!.SerialNumber, ignoreCase: true);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(output, "certificate.p12")));
        }
    }

    [Fact]
    public async Task The_administrator_enrolls_with_the_login_PIN_and_the_card_positions()
    {
        var contract = AuthHarness.Parse("32323232323");
        await host.Harness.CreateContractAsync(contractId: contract.ToString());
        await host.Harness.ActivateAdminAsync(contract);
        var output = Directory.CreateTempSubdirectory("bizweb-cert-").FullName;

        var (exit, text) = await RunAsync($"{AuthHarness.AdminLoginPin}\n{TestCustomerCard.Answer}\np12-password\np12-password\n",
            "enroll", "--server", host.Address.ToString(), "-c", contract.ToString(), "--secrets-stdin", "--out", output);

        Assert.True(exit == 0, text);
        using var pkcs12 = X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(output, "certificate.p12"), "p12-password");
        Assert.Equal($"{contract}1286", pkcs12.GetNameInfo(X509NameType.SimpleName, false));
    }

    [Fact]
    public async Task A_wrong_PIN_exits_2_with_the_servers_code_and_message_and_writes_nothing()
    {
        var contract = AuthHarness.Parse("33333333333");
        await host.Harness.CreateContractAsync(contractId: contract.ToString());
        await host.Harness.ActivateAdminAsync(contract);
        await host.Harness.RegisterUserAsync(contract, "taro");
        var output = Directory.CreateTempSubdirectory("bizweb-cert-").FullName;

        var (exit, text) = await RunAsync("wrong999\n", "enroll", "--server", host.Address.ToString(), "-c", contract.ToString(), "-u", "taro", "--secrets-stdin", "--out", output);

        Assert.Equal(2, exit);
        Assert.Contains("2003", text, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(output));
    }

    [Fact]
    public async Task A_remote_server_over_plain_http_is_refused_and_an_unreachable_one_exits_3()
    {
        var output = Directory.CreateTempSubdirectory("bizweb-cert-").FullName;
        Assert.Equal(1, (await RunAsync(string.Empty, "enroll", "--server", "http://ib.example-shinkin.jp/", "-c", "12345678901", "--secrets-stdin", "--out", output)).ExitCode);
        Assert.Equal(3, (await RunAsync("syacho01\n", "enroll", "--server", "http://127.0.0.1:1/", "-c", "12345678901", "--secrets-stdin", "--out", output)).ExitCode);
    }
}
