using System.Collections.Concurrent;
using BizWeb.Auth;

namespace BizWeb.Testing.Auth;

/// <summary>A mail sink for the dispatcher's tests: records what was sent, and can fail the next sends.</summary>
public sealed class RecordingNotificationSender : INotificationSender
{
    private int _failuresToCome;

    /// <summary>Every message accepted, in order.</summary>
    public ConcurrentQueue<NotificationMessage> Sent { get; } = new();

    /// <summary>Makes the next <paramref name="count"/> sends throw.</summary>
    public void FailNext(int count) => Volatile.Write(ref _failuresToCome, count);

    /// <inheritdoc />
    public Task SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _failuresToCome) >= 0)
        {
            throw new IOException("The test mail server refused the message.");
        }

        Sent.Enqueue(message);
        return Task.CompletedTask;
    }
}
