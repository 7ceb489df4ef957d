using System.Globalization;
using BizWeb.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Identity.Comparison;

/// <summary>
/// ASP.NET Core Identity's side, as a .NET team would wire it: <c>AddIdentityCore</c> +
/// <c>AddSignInManager</c> + <c>AddEntityFrameworkStores</c> on a pooled <see cref="ComparisonIdentityDbContext"/>,
/// lockout after the same 7 failures (15 minutes), and our PIN hasher behind <see cref="IPasswordHasher{TUser}"/>.
/// A sign-in is what a login endpoint does: <c>FindByNameAsync</c>, then
/// <c>SignInManager.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true)</c>.
/// </summary>
public sealed class IdentitySide : ISignInSide
{
    private readonly ServiceProvider _services;
    private readonly bool _audited;

    /// <summary>
    /// Identity's services on <paramref name="database"/>'s Identity database, verifying passwords with
    /// <paramref name="hasher"/>; <paramref name="audited"/>: after each sign-in, insert a
    /// <see cref="SignInAuditEntry"/> (as a bank would have to add), on accounts of its own.
    /// </summary>
    public IdentitySide(ComparisonDatabase database, IPinHasher hasher, RoundTripCounter? roundTrips = null, bool audited = false)
    {
        _audited = audited;
        ArgumentNullException.ThrowIfNull(database);
        var services = new ServiceCollection()
            .AddLogging()
            .AddHttpContextAccessor()
            .AddAuthenticationCore()
            .AddSingleton<IPasswordHasher<IdentityUser>>(new PinHasherAsPasswordHasher<IdentityUser>(hasher));
        services.AddDbContextPool<ComparisonIdentityDbContext>(options =>
        {
            database.Configure(options, database.IdentityConnectionString);
            roundTrips?.AddTo(options);
        });
        services.AddIdentityCore<IdentityUser>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = new BizWeb.Auth.LockoutOptions().MaxConsecutiveFailures;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                // PINs, as ours: the policy is not what is compared.
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredLength = 4;
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<ComparisonIdentityDbContext>();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <inheritdoc />
    public string Name => _audited ? "Identity+audit" : "Identity";

    /// <inheritdoc />
    public async Task SeedAsync(int account, string pin)
    {
        using var scope = _services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().CreateAsync(new IdentityUser(NameOf(account)), pin);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Account {account} was not seeded: {string.Join("; ", created.Errors.Select(e => e.Description))}");
        }
    }

    /// <inheritdoc />
    public void Prepare(int account)
    {
        // Identity signs in by user name: nothing to make.
    }

    /// <inheritdoc />
    public async Task<SignInOutcome> SignInAsync(int account, string pin)
    {
        using var scope = _services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByNameAsync(NameOf(account))
            ?? throw new InvalidOperationException($"Account {account} does not exist.");
        var result = await scope.ServiceProvider.GetRequiredService<SignInManager<IdentityUser>>().CheckPasswordSignInAsync(user, pin, lockoutOnFailure: true);
        var outcome = result.Succeeded ? SignInOutcome.SignedIn : result.IsLockedOut ? SignInOutcome.LockedOut : result.IsNotAllowed ? SignInOutcome.Other : SignInOutcome.Failed;
        if (_audited)
        {
            var db = scope.ServiceProvider.GetRequiredService<ComparisonIdentityDbContext>();
            db.SignInAudit.Add(new SignInAuditEntry { UserName = user.UserName!, Outcome = outcome.ToString(), At = TimeProvider.System.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        return outcome;
    }

    /// <inheritdoc />
    public async Task<bool> IsLockedAsync(int account)
    {
        using var scope = _services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        return await users.IsLockedOutAsync((await users.FindByNameAsync(NameOf(account)))!);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private string NameOf(int account) => string.Create(CultureInfo.InvariantCulture, $"{(_audited ? "audit" : "taro")}{account:D6}");
}
