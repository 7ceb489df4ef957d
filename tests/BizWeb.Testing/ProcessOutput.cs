using System.Text;

namespace BizWeb.Testing;

/// <summary>
/// The growing output of a child process, and waits on it that wake when output arrives (or the
/// process exits), not on a timer.
/// </summary>
public sealed class ProcessOutput
{
    private readonly StringBuilder _text = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    public void Append(string text)
    {
        TaskCompletionSource changed;
        lock (_text)
        {
            _text.Append(text);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>Wakes the waiters without adding text (the process exited).</summary>
    public void Signal() => Append(string.Empty);

    /// <summary>Waits until <paramref name="find"/> answers something for the output so far.</summary>
    public async Task<T> WaitForAsync<T>(Func<string, T?> find, Func<bool> exited, TimeSpan timeout, string what)
        where T : class
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_text)
            {
                if (find(_text.ToString()) is { } found)
                {
                    return found;
                }

                changed = _changed.Task;
            }

            if (exited())
            {
                throw new InvalidOperationException($"The process exited before {what}:\n{Text}");
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Not within {timeout}: {what}:\n{Text}");
            }
        }
    }
}
