namespace DueDiligence.Web.Tests.Infrastructure;

/// <summary>A test that needs a PostgreSQL server: it runs when TEST_POSTGRES_SOCKET names one (scripts/test.sh starts one), else it is skipped.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string SocketVariable = "TEST_POSTGRES_SOCKET";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Socket))
        {
            Skip = $"No PostgreSQL server: {SocketVariable} is not set (scripts/test.sh starts one with scripts/postgres.sh).";
        }
    }

    public static string? Socket => Environment.GetEnvironmentVariable(SocketVariable);
}
