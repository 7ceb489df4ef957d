using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BizWeb.Identity.Comparison;

/// <summary>
/// Identity's own EF Core schema (users, roles, claims, logins, tokens), unchanged, plus the
/// <see cref="SignInAuditEntry"/> table of the audited variant; created with <c>EnsureCreated</c>.
/// </summary>
public sealed class ComparisonIdentityDbContext(DbContextOptions<ComparisonIdentityDbContext> options) : IdentityDbContext<IdentityUser>(options)
{
    /// <summary>The audited variant's sign-in records.</summary>
    public DbSet<SignInAuditEntry> SignInAudit => Set<SignInAuditEntry>();
}
