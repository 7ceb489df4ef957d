using System.Security.Cryptography;
using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>
/// Turns the key packages of a PSKC file into inventory tokens, for an import or a preview: each package
/// read is judged as a token (kind, hash, digits, period, seed length, unique serial number), its seed
/// encrypted for storage at once and zeroed; each package that cannot be imported either stops the read
/// or is listed, as the mode says. Nothing is stored here.
/// </summary>
internal sealed class PskcImport
{
    private const int ProgressEvery = 100;
    private const int MinSeedLength = 16;
    private const int MaxSeedLength = 128;

    /// <summary>The highest HOTP counter imported: resynchronisation must be able to search its whole window after it.</summary>
    private const long MaxCounter = long.MaxValue - HotpVerifier.MaxResynchronizationWindow - 2;
    private readonly Mode _mode;
    private readonly Func<byte[], byte[]>? _protect;
    private readonly DateTimeOffset _now;
    private readonly IProgress<int>? _progress;
    private readonly HashSet<string> _serials = new(StringComparer.Ordinal);

    private PskcImport(Mode mode, Func<byte[], byte[]>? protect, DateTimeOffset now, IProgress<int>? progress)
    {
        _mode = mode;
        _protect = protect;
        _now = now;
        _progress = progress;
    }

    public enum Mode
    {
        /// <summary>The first key package that cannot be imported stops the read.</summary>
        AllOrNothing,

        /// <summary>Key packages of an unsupported algorithm or with invalid parameters are listed; any other problem stops the read.</summary>
        SkipUnsupported,

        /// <summary>Every key package is listed, importable or not; only a problem of the file stops the read. Seeds are not kept.</summary>
        Preview,
    }

    /// <summary>The tokens to add (in preview, without their seeds), in file order.</summary>
    public List<HardwareToken> Tokens { get; } = [];

    /// <summary>The key package of each of <see cref="Tokens"/>, at the same index.</summary>
    public List<PskcKeyPackageSummary> Importable { get; } = [];

    /// <summary>The key packages listed: in preview every one, otherwise the skipped ones.</summary>
    public List<PskcKeyPackageSummary> KeyPackages { get; } = [];

    /// <summary>The number of key packages read.</summary>
    public int Read { get; private set; }

    /// <summary>Reads the file. <paramref name="protect"/> encrypts a seed for storage (<see langword="null"/> in preview).</summary>
    /// <exception cref="PskcException">The file, or (unless listed) one of its key packages, cannot be imported.</exception>
    public static async Task<PskcImport> ReadAsync(Stream pskc, PskcDecryptionKey key, Mode mode, Func<byte[], byte[]>? protect, DateTimeOffset now, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var import = new PskcImport(mode, protect, now, progress);
        await PskcReader.ReadAsync(pskc, key, import.OnKeyPackage, import.OnRefused, cancellationToken).ConfigureAwait(false);
        progress?.Report(import.Read);
        return import;
    }

    /// <summary>Whether a key package the reader or <see cref="Describe"/> refused with this problem may be skipped when the others are imported.</summary>
    public static bool IsSkippable(MessageCode code) =>
        code is MessageCode.PskcAlgorithmUnsupported or MessageCode.PskcKeyPackageInvalid;

    /// <summary>The summary of a key package that cannot be imported.</summary>
    public static PskcKeyPackageSummary Summary(PskcException refused, PskcKeyKind kind = PskcKeyKind.Unknown, string? algorithm = null, string? manufacturer = null) =>
        new(refused.KeyPackageNumber ?? 0, refused.KeyPackageName, kind, algorithm, manufacturer, MessageCatalog.Get(refused.Code), refused.Message);

    /// <summary>The summary of an importable key package whose serial number turned out to be in the inventory already.</summary>
    public static PskcKeyPackageSummary InInventory(PskcKeyPackageSummary package) => Summary(
        new PskcException(MessageCode.PskcDuplicateSerialNumber, "The serial number is in the inventory already.", package.Number, package.SerialNumber),
        package.Kind,
        package.Algorithm,
        package.Manufacturer);

    private void OnKeyPackage(PskcKeyPackage package)
    {
        try
        {
            var token = Describe(package);
            if (!_serials.Add(package.SerialNumber))
            {
                // Two seeds for one serial number: which one is right cannot be told, so this is never skipped.
                var duplicate = new PskcException(MessageCode.PskcDuplicateSerialNumber, "The serial number appears twice in the file.", package.Number, package.SerialNumber);
                if (_mode != Mode.Preview)
                {
                    throw duplicate;
                }

                List(duplicate, package);
                return;
            }

            var summary = new PskcKeyPackageSummary(package.Number, package.SerialNumber, package.Kind, PskcAlgorithms.Printable(package.Algorithm), package.Manufacturer, null, null);
            Tokens.Add(token with { ProtectedSeed = _protect?.Invoke(package.Seed) ?? [] });
            Importable.Add(summary);
            if (_mode == Mode.Preview)
            {
                KeyPackages.Add(summary);
            }
        }
        catch (PskcException e) when (e.KeyPackageNumber is not null && Listed(e.Code))
        {
            List(e, package);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(package.Seed);
            Counted();
        }
    }

    private void OnRefused(PskcException refused)
    {
        try
        {
            if (!Listed(refused.Code))
            {
                throw refused;
            }

            KeyPackages.Add(Summary(refused));
        }
        finally
        {
            Counted();
        }
    }

    private bool Listed(MessageCode code) => _mode == Mode.Preview || (_mode == Mode.SkipUnsupported && IsSkippable(code));

    private void List(PskcException refused, PskcKeyPackage package) =>
        KeyPackages.Add(Summary(refused, package.Kind, PskcAlgorithms.Printable(package.Algorithm), package.Manufacturer));

    private void Counted()
    {
        Read++;
        if (Read % ProgressEvery == 0)
        {
            _progress?.Report(Read);
        }
    }

    /// <summary>The token a key package makes, without its seed; refuses what the inventory does not hold.</summary>
    private HardwareToken Describe(PskcKeyPackage package)
    {
        string? ocraSuite = null;
        var kind = HardwareTokenKind.Totp;
        long counter = 0;
        OtpHashAlgorithm algorithm;
        var digits = package.Digits ?? 6;
        switch (package.Kind)
        {
            case PskcKeyKind.Totp:
                algorithm = OtpHash(package, "TOTP");
                break;
            case PskcKeyKind.Hotp:
                kind = HardwareTokenKind.Hotp;
                algorithm = OtpHash(package, "HOTP");
                counter = package.Counter ?? 0;
                break;
            case PskcKeyKind.Ocra:
                ocraSuite = package.Suite;
                if (!OcraSuite.TryParse(ocraSuite, out var suite) || !suite.SuitsTransactionSigning)
                {
                    throw Unsupported(package, $"unsupported: OCRA suite {PskcAlgorithms.Printable(ocraSuite)} (a Q data input with optional T; no C, P or S).");
                }

                algorithm = suite.Hash;
                digits = suite.Digits;
                break;
            default:
                throw Unsupported(package, $"unsupported: key algorithm {PskcAlgorithms.Printable(package.Algorithm)}.");
        }

        var period = package.TimeInterval ?? 30;
        if (digits is < Hotp.MinDigits or > Hotp.MaxDigits || period is < 10 or > 300 || package.Seed.Length is < MinSeedLength or > MaxSeedLength)
        {
            throw new PskcException(MessageCode.PskcKeyPackageInvalid, $"Digits must be 6–8, TimeInterval 10–300 seconds, and the secret {MinSeedLength}–{MaxSeedLength} bytes.", package.Number, package.SerialNumber);
        }

        if (counter is < 0 or > MaxCounter)
        {
            throw new PskcException(MessageCode.PskcKeyPackageInvalid, $"The HOTP Counter must be 0–{MaxCounter}.", package.Number, package.SerialNumber);
        }

        return new HardwareToken
        {
            SerialNumber = package.SerialNumber,
            ProtectedSeed = [],
            Kind = kind,
            Algorithm = algorithm,
            Digits = digits,
            PeriodSeconds = period,
            OcraSuite = ocraSuite,
            Manufacturer = package.Manufacturer,
            Drift = kind == HardwareTokenKind.Hotp ? 0 : package.TimeDrift ?? 0,
            // The file's Counter is the next one the token shows: the last used one is just before it.
            LastUsedStep = kind == HardwareTokenKind.Hotp ? counter - 1 : long.MinValue,
            ImportedAt = _now,
        };
    }

    /// <summary>The HMAC of an HOTP or TOTP key package's <c>Suite</c> (HMAC-SHA1 when absent).</summary>
    private static OtpHashAlgorithm OtpHash(PskcKeyPackage package, string kind) => package.Suite?.ToUpperInvariant() switch
    {
        null or "" or "HMAC-SHA1" or "SHA1" or "SHA-1" => OtpHashAlgorithm.Sha1,
        "HMAC-SHA256" or "SHA256" or "SHA-256" => OtpHashAlgorithm.Sha256,
        "HMAC-SHA512" or "SHA512" or "SHA-512" => OtpHashAlgorithm.Sha512,
        _ => throw Unsupported(package, $"unsupported: {kind} Suite {PskcAlgorithms.Printable(package.Suite)} (HMAC-SHA1, HMAC-SHA256 or HMAC-SHA512)."),
    };

    private static PskcException Unsupported(PskcKeyPackage package, string detail) =>
        new(MessageCode.PskcAlgorithmUnsupported, detail, package.Number, package.SerialNumber);
}
