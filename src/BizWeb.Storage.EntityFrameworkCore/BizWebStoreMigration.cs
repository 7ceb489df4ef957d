using Microsoft.EntityFrameworkCore;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>Applies the migrations of the context the stores were registered on (see <c>MigrateBizWebStoresAsync</c>).</summary>
internal sealed class BizWebStoreMigration(Func<DbContext> createContext)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var context = createContext();
        await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }
}
