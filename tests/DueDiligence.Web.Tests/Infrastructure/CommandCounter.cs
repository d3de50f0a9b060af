using System.Data.Common;
using DueDiligence.Web.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands (round trips to the database) that one piece of work sends, on every provider's context:
/// registered with <see cref="AddTo"/>, it records only the commands of work started inside <see cref="RecordAsync"/>
/// (an async-local record), so that background jobs and other tests of the same app are not counted. Opening, beginning
/// and committing transactions are not commands and are not counted. Shared by the Web tests and the benchmarks.
/// </summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private static readonly AsyncLocal<List<string>?> Recording = new();

    private CommandCounter()
    {
    }

    /// <summary>Adds the counter to the app's contexts (one per provider; only the chosen one is built).</summary>
    public static void AddTo(IServiceCollection services)
    {
        var counter = new CommandCounter();
        services.ConfigureDbContext<SqliteAppDbContext>((_, options) => options.AddInterceptors(counter));
        services.ConfigureDbContext<PostgresAppDbContext>((_, options) => options.AddInterceptors(counter));
        services.ConfigureDbContext<SqlServerAppDbContext>((_, options) => options.AddInterceptors(counter));
    }

    /// <summary>The SQL of every command <paramref name="work"/> sent, in order.</summary>
    public static async Task<IReadOnlyList<string>> RecordAsync(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var commands = new List<string>();
        Recording.Value = commands;
        try
        {
            await work();
        }
        finally
        {
            Recording.Value = null;
        }

        lock (commands)
        {
            return [.. commands];
        }
    }

    /// <summary>Until disposed, the work of this flow is not recorded (a test's own set-up or check inside recorded work).</summary>
    public static IDisposable Pause()
    {
        var paused = Recording.Value;
        Recording.Value = null;
        return new Resume(paused);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, result));

    private static T Record<T>(DbCommand command, T result)
    {
        if (Recording.Value is { } commands)
        {
            lock (commands)
            {
                commands.Add(command.CommandText);
            }
        }

        return result;
    }

    private sealed class Resume(List<string>? paused) : IDisposable
    {
        public void Dispose() => Recording.Value = paused;
    }
}
