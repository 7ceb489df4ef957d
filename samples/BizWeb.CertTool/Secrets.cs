using System.Text;

namespace BizWeb.CertTool;

/// <summary>Reads secrets: typed at the terminal without echo, or one line from standard input with --*-stdin. Never from the command line.</summary>
internal static class Secrets
{
    public static string? Read(string prompt, bool fromStdin)
    {
        // The prompt goes to standard error either way (a script reading it learns, e.g., which card
        // positions are asked); the secret itself is never echoed.
        Console.Error.Write(prompt);
        if (fromStdin || Console.IsInputRedirected)
        {
            var line = Console.In.ReadLine();
            Console.Error.WriteLine();
            return line;
        }

        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }

    /// <summary>A new password for the PKCS#12 file, typed twice.</summary>
    public static string? NewPassword(bool fromStdin)
    {
        var first = Read("PKCS#12 password (for importing into the browser): ", fromStdin);
        if (string.IsNullOrEmpty(first))
        {
            return null;
        }

        if (fromStdin || Console.IsInputRedirected)
        {
            return first;
        }

        var second = Read("PKCS#12 password again: ", false);
        return first == second ? first : null;
    }
}
