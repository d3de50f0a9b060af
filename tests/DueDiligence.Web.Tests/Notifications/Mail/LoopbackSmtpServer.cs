using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace DueDiligence.Web.Tests.Notifications.Mail;

/// <summary>
/// A real SMTP server on a free loopback port: it keeps every message it accepts, and refuses the next ones when told
/// to (554, as a server that rejects the transaction).
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly Store _store = new();

    public LoopbackSmtpServer()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>Every message accepted, in the order received.</summary>
    public IReadOnlyList<MimeMessage> Received => _store.Received.ToList();

    /// <summary>How many transactions were refused so far.</summary>
    public int Refused => _store.RefusedCount;

    /// <summary>Refuses the next <paramref name="count"/> messages.</summary>
    public void RefuseNext(int count) => Interlocked.Exchange(ref _store.ToRefuse, count);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class Store : MessageStore
    {
        public readonly ConcurrentQueue<MimeMessage> Received = new();
        public int ToRefuse;
        public int RefusedCount;

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref ToRefuse) >= 0)
            {
                Interlocked.Increment(ref RefusedCount);
                return SmtpResponse.TransactionFailed;
            }

            Interlocked.Exchange(ref ToRefuse, 0);
            await using var stream = new MemoryStream(buffer.ToArray());
            Received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
