namespace BizWeb.AspNetCore;

/// <summary>The JSON body of every enrollment step; each step reads the fields it needs (the flows check them).</summary>
internal sealed record EnrollmentBody(string? ContractId, string? UserId, string? LoginPin, string? Handle, string? Answer, string? TokenCode, string? Ticket, string? Csr);
