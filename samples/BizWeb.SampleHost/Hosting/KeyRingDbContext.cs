using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BizWeb.SampleHost.Hosting;

/// <summary>
/// The Data Protection key ring in the same database as the SDK's tables, so every host instance
/// behind a load balancer reads the cookies, anti-forgery tokens and secrets another one wrote.
/// </summary>
internal sealed class KeyRingDbContext(DbContextOptions<KeyRingDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<DataProtectionKey>().ToTable("sample_data_protection_keys");

    /// <summary>Creates the one table when it is missing (both providers understand <c>IF NOT EXISTS</c>).</summary>
    public async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        var script = Database.GenerateCreateScript()
            .Replace("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ", StringComparison.Ordinal);
        await Database.ExecuteSqlRawAsync(script, cancellationToken);
    }
}
