using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BizWeb.Identity.Comparison;

/// <summary>Identity's own EF Core schema (users, roles, claims, logins, tokens), unchanged; created with <c>EnsureCreated</c>.</summary>
public sealed class ComparisonIdentityDbContext(DbContextOptions<ComparisonIdentityDbContext> options) : IdentityDbContext<IdentityUser>(options);
