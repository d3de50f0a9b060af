using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DueDiligence.Web.Tests.Lists;

/// <summary>
/// The SQL that EF Core sends while a piece of work runs, from EF Core's diagnostic events: only the statements of this
/// asynchronous flow (events are raised on the executing flow), so tests running at the same time do not mix in.
/// </summary>
internal sealed class SqlCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private static readonly AsyncLocal<List<string>?> Current = new();
    private static readonly Lazy<IDisposable> Subscription = new(() => DiagnosticListener.AllListeners.Subscribe(new SqlCapture()));

    /// <summary>Runs the work and returns its result with the statements it sent.</summary>
    public static async Task<(T Result, IReadOnlyList<string> Statements)> RunAsync<T>(Func<Task<T>> work)
    {
        _ = Subscription.Value;
        var statements = new List<string>();
        Current.Value = statements;
        try
        {
            var result = await work();
            return (result, statements);
        }
        finally
        {
            Current.Value = null;
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            listener.Subscribe(this);
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData command && Current.Value is { } statements)
        {
            lock (statements)
            {
                statements.Add(command.Command.CommandText);
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
}
