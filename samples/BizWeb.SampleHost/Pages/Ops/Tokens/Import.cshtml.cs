using BizWeb.Tokens;
using Microsoft.AspNetCore.Mvc;
using static BizWeb.SampleHost.Pages.SiteText;

namespace BizWeb.SampleHost.Pages.Ops.Tokens;

/// <summary>
/// PSKC upload (HardwareTokenInventory.ImportPskcAsync / PreviewPskcAsync): the file is streamed to the
/// SDK, which checks each seed's MAC before decrypting it and adds all tokens or none (or, if the operator
/// chooses, the supported ones, listing the skipped); a preview lists every key package and stores nothing.
/// The result shows the key packages read (the SDK's progress reports) and the tokens imported, or the
/// failing key package.
/// </summary>
[RequestSizeLimit(MaxBytes)]
public sealed class ImportModel(HardwareTokenInventory inventory) : OpsPageModel
{
    private const int MaxBytes = 32 * 1024 * 1024;

    public PskcImportResult? Result { get; private set; }

    public PskcPreview? Preview { get; private set; }

    public int ReadCount { get; private set; }

    /// <summary>The key packages to list: the preview's, or the ones the import skipped.</summary>
    public IReadOnlyList<PskcKeyPackageSummary> KeyPackages => Preview?.KeyPackages ?? Result?.Skipped ?? [];

    public void OnGet()
    {
    }

    public async Task OnPostAsync(IFormFile? file, string? keyKind, string? key, string? policy, string? action)
    {
        if (file is null || file.Length == 0)
        {
            Errors.Add(T("PSKCファイルを選択してください。", "Choose a PSKC file."));
            return;
        }

        if (!TryKey(keyKind, key, out var decryptionKey))
        {
            Errors.Add(T("復号鍵が正しくありません（事前共有鍵は16・24・32バイトの16進）。", "The key is not valid (a pre-shared key is 16, 24 or 32 bytes in hex)."));
            return;
        }

        var progress = new SynchronousProgress(count => ReadCount = Math.Max(ReadCount, count));
        await using var stream = file.OpenReadStream();
        if (action == "preview")
        {
            Preview = await inventory.PreviewPskcAsync(stream, decryptionKey, Operator, progress, Aborted);
            if (Preview.Succeeded)
            {
                Results.Add(T($"{Preview.KeyPackages.Count}件中{Preview.ImportableCount}件を取り込めます（まだ取り込んでいません）。", $"{Preview.ImportableCount} of {Preview.KeyPackages.Count} key packages can be imported (nothing imported yet)."));
            }
            else
            {
                Errors.Add(Preview.Error!.GetText(System.Globalization.CultureInfo.CurrentUICulture));
            }

            return;
        }

        var importPolicy = policy == "skip" ? PskcImportPolicy.SkipUnsupported : PskcImportPolicy.AllOrNothing;
        Result = await inventory.ImportPskcAsync(stream, decryptionKey, Operator, importPolicy, progress, Aborted);
        if (Result.Succeeded)
        {
            Results.Add(T($"{Result.ImportedCount}件のトークンを取り込みました。", $"Imported {Result.ImportedCount} tokens."));
        }
        else
        {
            Errors.Add(Result.Error!.GetText(System.Globalization.CultureInfo.CurrentUICulture));
        }
    }

    private static bool TryKey(string? kind, string? key, out PskcDecryptionKey decryptionKey)
    {
        decryptionKey = PskcDecryptionKey.None;
        switch (kind)
        {
            case "password" when !string.IsNullOrEmpty(key):
                decryptionKey = PskcDecryptionKey.Password(key);
                return true;
            case "psk" when key is not null:
                byte[] bytes;
                try
                {
                    bytes = Convert.FromHexString(key.Trim());
                }
                catch (FormatException)
                {
                    return false;
                }

                if (bytes.Length is not (16 or 24 or 32))
                {
                    return false;
                }

                decryptionKey = PskcDecryptionKey.PreSharedKey(bytes);
                System.Security.Cryptography.CryptographicOperations.ZeroMemory(bytes);
                return true;
            case "none" or null or "":
                return true;
            default:
                return false;
        }
    }

    /// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
