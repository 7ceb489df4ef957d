namespace BizWeb.Identity.Comparison;

/// <summary>The database engine both sides of the comparison run on.</summary>
public enum ComparisonEngine
{
    /// <summary>A temporary SQLite file per side, in WAL mode.</summary>
    Sqlite,

    /// <summary>A database per side on the test server (BIZWEB_TEST_POSTGRES or eng/provision/20-postgresql.sh).</summary>
    PostgreSql,
}
