namespace DueDiligence.EndToEnd.ScaleOut;

/// <summary>A test that needs the PostgreSQL server scripts/test.sh starts: skipped, saying why, when none is named.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string SocketVariable = "TEST_POSTGRES_SOCKET";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(SocketVariable)))
        {
            Skip = $"{SocketVariable} is not set: run scripts/test.sh, or start a server with scripts/postgres.sh start and export its folder as {SocketVariable}.";
        }
    }
}
