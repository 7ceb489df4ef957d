using Microsoft.Extensions.Options;

namespace BizWeb.Auth;

/// <summary>Checks <see cref="BizWebOptions"/> at start-up and reports every problem at once.</summary>
internal sealed class BizWebOptionsValidator : IValidateOptions<BizWebOptions>
{
    public ValidateOptionsResult Validate(string? name, BizWebOptions options)
    {
        var problems = new List<string>();
        var bankCode = Auth.BankCode.Parse(options.BankCode);
        if (!bankCode.Succeeded)
        {
            problems.Add($"BizWeb:BankCode must be 4 half-width digits ({string.Join(" ", bankCode.Errors.Select(e => e.Code))}).");
        }

        if (!IsKnownTimeZone(options.TimeZoneId))
        {
            problems.Add($"BizWeb:TimeZoneId '{options.TimeZoneId}' is not a time zone known to this machine.");
        }

        if (options.PinPolicy is null)
        {
            problems.Add("BizWeb:PinPolicy is required.");
        }
        else
        {
            problems.AddRange(options.PinPolicy.Validate("BizWeb:PinPolicy"));
        }

        if (options.PinHashing is null)
        {
            problems.Add("BizWeb:PinHashing is required.");
        }
        else
        {
            problems.AddRange(options.PinHashing.Validate("BizWeb:PinHashing"));
        }

        problems.AddRange(options.Lockout?.Validate("BizWeb:Lockout") ?? ["BizWeb:Lockout is required."]);
        problems.AddRange(options.Flows?.Validate("BizWeb:Flows") ?? ["BizWeb:Flows is required."]);
        problems.AddRange(options.Notifications?.Validate("BizWeb:Notifications") ?? ["BizWeb:Notifications is required."]);
        problems.AddRange(options.Transactions?.Validate("BizWeb:Transactions") ?? ["BizWeb:Transactions is required."]);
        if (options.MaxUsersPerContract is < 1 or > 9999)
        {
            problems.Add("BizWeb:MaxUsersPerContract must be between 1 and 9999.");
        }

        if (options.MaxCommitAttempts is < 1 or > 10)
        {
            problems.Add("BizWeb:MaxCommitAttempts must be between 1 and 10.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsKnownTimeZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }
}
