using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DueDiligence.Web.Tests.Infrastructure;

/// <summary>
/// The SQL commands (round trips to the database) that one piece of work sends, from EF Core's diagnostic events, on
/// every provider and without registering anything in the app: only the commands of work started inside
/// <see cref="RecordAsync"/> (an async-local record; the events are raised on the flow that executes the command), so
/// that background jobs and other tests of the same app are not counted. Opening, beginning and committing
/// transactions are not commands and are not counted. Shared by the Web tests and the benchmarks.
/// </summary>
public sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private static readonly AsyncLocal<List<string>?> Recording = new();
    private static readonly Lazy<IDisposable> Subscription = new(() => DiagnosticListener.AllListeners.Subscribe(new CommandCounter()));

    private CommandCounter()
    {
    }

    /// <summary>The SQL of every command <paramref name="work"/> sent, in order.</summary>
    public static async Task<IReadOnlyList<string>> RecordAsync(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        _ = Subscription.Value;
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

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            value.Subscribe(this);
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData command && Recording.Value is { } commands)
        {
            lock (commands)
            {
                commands.Add(command.Command.CommandText);
            }
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }

    private sealed class Resume(List<string>? paused) : IDisposable
    {
        public void Dispose() => Recording.Value = paused;
    }
}
