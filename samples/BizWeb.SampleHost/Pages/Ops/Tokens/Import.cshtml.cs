using BizWeb.Tokens;
using Microsoft.AspNetCore.Mvc;
using static BizWeb.SampleHost.Pages.SiteText;

namespace BizWeb.SampleHost.Pages.Ops.Tokens;

/// <summary>
/// PSKC upload (HardwareTokenInventory.ImportPskcAsync / PreviewPskcAsync): the file goes to the SDK, which
/// checks each seed's MAC before decrypting it and adds all tokens or none (or, if the operator chooses, the
/// supported ones, listing the skipped). "Preview" lists every key package and stores nothing. "Import" starts
/// a <see cref="PskcImportJob"/>: the preview first, shown as soon as it is read, then the import, with the key
/// packages read so far (the SDK's progress reports); the page reloads itself every second until the job is
/// done (no script: the console's CSP allows none inline), then shows the tokens imported or the failing key
/// package.
/// </summary>
[RequestSizeLimit(MaxBytes)]
public sealed class ImportModel(HardwareTokenInventory inventory, IServiceScopeFactory scopes, ILogger<ImportModel> logger) : OpsPageModel
{
    private const int MaxBytes = 32 * 1024 * 1024;

    public PskcImportResult? Result { get; private set; }

    public PskcPreview? Preview { get; private set; }

    public int ReadCount { get; private set; }

    /// <summary>The import job shown, or <see langword="null"/>.</summary>
    public PskcImportJob? Job { get; private set; }

    /// <summary>The job's phase when this page was made (it moves on meanwhile).</summary>
    public PskcImportPhase JobPhase { get; private set; }

    /// <summary>The key packages to list: the preview's, or the ones the import skipped.</summary>
    public IReadOnlyList<PskcKeyPackageSummary> KeyPackages => Preview?.KeyPackages ?? Result?.Skipped ?? [];

    public void OnGet(Guid? job)
    {
        if (job is not { } id)
        {
            return;
        }

        Job = PskcImportJobs.Find(id, OperatorId);
        if (Job is null)
        {
            Errors.Add(T("この取込は見つかりません（終了後15分で消えます）。", "This import is not found (it is forgotten 15 minutes after its end)."));
            return;
        }

        // Read once: the job moves on in the background while the page renders.
        var phase = JobPhase = Job.Phase;
        Preview = Job.Preview;
        ReadCount = Job.Read;
        Result = phase == PskcImportPhase.Done ? Job.Result : null;
        if (phase != PskcImportPhase.Done)
        {
            // The page polls: the browser loads it again in a second (the Refresh header; no script).
            Response.Headers.Append("Refresh", "1");
            return;
        }

        if (Job.Fault is not null)
        {
            Errors.Add(T("取込が中断しました。ログをご確認ください。", "The import stopped; see the log."));
        }
        else if (Result is null)
        {
            Errors.Add(Preview!.Error!.GetText(System.Globalization.CultureInfo.CurrentUICulture));
        }
        else
        {
            Preview = null;
            ReportImport(Result);
        }
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? keyKind, string? key, string? policy, string? action)
    {
        if (file is null || file.Length == 0)
        {
            Errors.Add(T("PSKCファイルを選択してください。", "Choose a PSKC file."));
            return Page();
        }

        if (!TryKey(keyKind, key, out var decryptionKey))
        {
            Errors.Add(T("復号鍵が正しくありません（事前共有鍵は16・24・32バイトの16進）。", "The key is not valid (a pre-shared key is 16, 24 or 32 bytes in hex)."));
            return Page();
        }

        var importPolicy = policy == "skip" ? PskcImportPolicy.SkipUnsupported : PskcImportPolicy.AllOrNothing;
        if (action != "preview")
        {
            // The file is held in memory for the job (at most MaxBytes) and zeroed when it ends.
            var bytes = new byte[file.Length];
            await using (var upload = file.OpenReadStream())
            {
                await upload.ReadExactlyAsync(bytes, Aborted);
            }

            var job = PskcImportJob.Start(OperatorId, Operator, bytes, decryptionKey, importPolicy, scopes, Clock, logger);
            PskcImportJobs.Add(job, Clock.GetUtcNow());
            return RedirectToPage(new { job = job.Id });
        }

        var progress = new SynchronousProgress(count => ReadCount = Math.Max(ReadCount, count));
        await using var stream = file.OpenReadStream();
        Preview = await inventory.PreviewPskcAsync(stream, decryptionKey, Operator, progress, Aborted);
        if (Preview.Succeeded)
        {
            Results.Add(T($"{Preview.KeyPackages.Count}件中{Preview.ImportableCount}件を取り込めます（まだ取り込んでいません）。", $"{Preview.ImportableCount} of {Preview.KeyPackages.Count} key packages can be imported (nothing imported yet)."));
        }
        else
        {
            Errors.Add(Preview.Error!.GetText(System.Globalization.CultureInfo.CurrentUICulture));
        }

        return Page();
    }

    private void ReportImport(PskcImportResult result)
    {
        if (result.Succeeded)
        {
            Results.Add(T($"{result.ImportedCount}件のトークンを取り込みました。", $"Imported {result.ImportedCount} tokens."));
        }
        else
        {
            Errors.Add(result.Error!.GetText(System.Globalization.CultureInfo.CurrentUICulture));
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
