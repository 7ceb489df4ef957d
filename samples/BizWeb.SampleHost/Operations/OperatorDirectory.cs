using System.Text.Json;
using System.Text.RegularExpressions;
using BizWeb.SampleHost.Hosting;

namespace BizWeb.SampleHost.Operations;

/// <summary>
/// The console's operators: a JSON file <c>operators.json</c> in the data folder (owner read/write
/// only on Unix). A file rather than a table because operators are staff of the bank, not customers:
/// they are provisioned with the installation and never touch the customer database. It is read on
/// every use, so an edited file applies without a restart. What must be shared between instances
/// (failure counters, used TOTP steps) lives in the SDK's counter store in the database, not here.
/// </summary>
internal sealed partial class OperatorDirectory(SampleHostSettings settings)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string FilePath { get; } = Path.Combine(settings.DataDirectory, "operators.json");

    /// <summary>Operator ids: 1–32 of lower-case letters, digits, '.', '_' and '-'.</summary>
    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    public IReadOnlyList<OperatorRecord> List()
    {
        if (!File.Exists(FilePath))
        {
            return [];
        }

        using var stream = File.OpenRead(FilePath);
        return JsonSerializer.Deserialize<OperatorFile>(stream, Json)?.Operators ?? [];
    }

    public OperatorRecord? Find(string id) => List().FirstOrDefault(o => string.Equals(o.Id, id, StringComparison.Ordinal));

    /// <summary>Writes the file only if it does not exist yet (two instances starting together: the first wins).</summary>
    public bool TryCreate(IReadOnlyList<OperatorRecord> operators)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(FilePath, options);
            JsonSerializer.Serialize(stream, new OperatorFile { Operators = [.. operators] }, Json);
            return true;
        }
        catch (IOException) when (File.Exists(FilePath))
        {
            return false;
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    private sealed class OperatorFile
    {
        public List<OperatorRecord> Operators { get; set; } = [];
    }
}
