using System.Security.Claims;
using BizWeb.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Benchmarks;

/// <summary>A bank operator caller for the benchmarks, made by the SDK from a host authenticator that vouches for one id.</summary>
internal static class BenchmarkOperator
{
    public static BankOperator Create(string operatorId)
    {
        using var services = new ServiceCollection()
            .AddSingleton<IBankOperatorAuthenticator>(new One(operatorId))
            .AddBizWeb().Services.BuildServiceProvider();
        using var scope = services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<BankOperatorAuthentication>()
            .AuthenticateAsync(new ClaimsPrincipal(new ClaimsIdentity("benchmark"))).AsTask().GetAwaiter().GetResult()
            ?? throw new InvalidOperationException("The benchmark operator was refused.");
    }

    private sealed class One(string operatorId) : IBankOperatorAuthenticator
    {
        public ValueTask<string?> AuthenticateAsync(ClaimsPrincipal operatorSession, CancellationToken cancellationToken) =>
            ValueTask.FromResult<string?>(operatorSession.Identity?.AuthenticationType == "benchmark" ? operatorId : null);
    }
}
