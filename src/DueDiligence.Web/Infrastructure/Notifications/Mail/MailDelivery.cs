using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DueDiligence.Web.Infrastructure.Notifications.Mail;

/// <summary>
/// Hands outbox mails over: to the SMTP server when <c>Mail:SmtpHost</c> is set, otherwise as .eml files to the pickup
/// folder (default "mail" in the data directory), so that the app works without a mail server and the administrator
/// sees what would have gone out.
/// </summary>
public sealed class MailDelivery(IOptions<MailOptions> options, DataDirectory dataDirectory, IHostEnvironment environment)
{
    private readonly MailOptions _options = options.Value;

    public bool UsesSmtp => _options.UsesSmtp;

    /// <summary>Where mails are written when no SMTP server is configured.</summary>
    public string PickupFolder => FolderSetting.Resolve(environment, "Mail:PickupDirectory",
        string.IsNullOrWhiteSpace(_options.PickupDirectory) ? Path.Combine(dataDirectory.Root, "mail") : _options.PickupDirectory);

    /// <summary>Where mails go, in words, for the log and the administrator.</summary>
    public string Destination => UsesSmtp ? $"the SMTP server {_options.SmtpHost}:{_options.SmtpPort}" : $"files (.eml) in {PickupFolder}";

    /// <summary>One round of deliveries; the SMTP connection is opened on the first mail and kept for the round.</summary>
    public Session OpenSession() => new(this);

    private MimeMessage ToMime(OutboxMail mail)
    {
        var message = new MimeMessage { MessageId = mail.MessageId, Subject = mail.Subject, Date = new DateTimeOffset(mail.CreatedAtUtc, TimeSpan.Zero) };
        message.From.Add(new MailboxAddress(_options.FromName, _options.From));
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();
        return message;
    }

    public sealed class Session(MailDelivery delivery) : IAsyncDisposable
    {
        private SmtpClient? _client;

        /// <summary>Returns once the server accepted the mail (or the file is written); throws when it was not.</summary>
        public async Task SendAsync(OutboxMail mail, CancellationToken cancellationToken)
        {
            var message = delivery.ToMime(mail);
            if (!delivery.UsesSmtp)
            {
                await WriteFileAsync(mail, message, cancellationToken);
                return;
            }

            try
            {
                var client = await ConnectedAsync(cancellationToken);
                await client.SendAsync(message, cancellationToken);
            }
            catch
            {
                // A refusal may leave the connection in any state: the next mail starts on a fresh one.
                await DropAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync() => await DropAsync();

        private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
        {
            if (_client is { IsConnected: true })
            {
                return _client;
            }

            var options = delivery._options;
            _client = new SmtpClient { Timeout = 30_000 };
            await _client.ConnectAsync(options.SmtpHost!, options.SmtpPort, options.SmtpSecurity, cancellationToken);
            if (!string.IsNullOrWhiteSpace(options.SmtpUserName))
            {
                await _client.AuthenticateAsync(options.SmtpUserName, options.SmtpPassword ?? "", cancellationToken);
            }

            return _client;
        }

        private async Task DropAsync()
        {
            if (_client is null)
            {
                return;
            }

            try
            {
                if (_client.IsConnected)
                {
                    await _client.DisconnectAsync(quit: true, CancellationToken.None);
                }
            }
            catch (Exception e) when (e is IOException or MailKit.ProtocolException or MailKit.CommandException or TimeoutException or System.Net.Sockets.SocketException)
            {
                // The connection is going anyway.
            }
            finally
            {
                _client.Dispose();
                _client = null;
            }
        }

        /// <summary>One file per mail, named by its id: written again, it replaces itself.</summary>
        private async Task WriteFileAsync(OutboxMail mail, MimeMessage message, CancellationToken cancellationToken)
        {
            var folder = delivery.PickupFolder;
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, $"{mail.Id:N}.eml");
            var temporary = path + ".tmp";
            await message.WriteToAsync(temporary, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
    }
}
