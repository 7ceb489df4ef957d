using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace BizWeb.CertTool;

/// <summary>The enrollment endpoint of the host (protocol in README.md): JSON over HTTPS.</summary>
internal sealed class EnrollmentClient(HttpClient http)
{
    public Task<Answer> BeginAdminAsync(string contractId, string loginPin, CancellationToken ct) =>
        PostAsync("api/enrollment/admin/begin", new { contractId, loginPin }, ct);

    public Task<Answer> CompleteAdminAsync(string handle, string cardAnswer, CancellationToken ct) =>
        PostAsync("api/enrollment/admin/complete", new { handle, answer = cardAnswer }, ct);

    public Task<Answer> BeginUserAsync(string contractId, string userId, string loginPin, CancellationToken ct) =>
        PostAsync("api/enrollment/user/begin", new { contractId, userId, loginPin }, ct);

    public Task<Answer> CompleteUserAsync(string handle, string tokenCode, CancellationToken ct) =>
        PostAsync("api/enrollment/user/complete", new { handle, tokenCode }, ct);

    public Task<Answer> IssueAsync(string ticket, string requestPem, CancellationToken ct) =>
        PostAsync("api/enrollment/certificate", new { ticket, csr = requestPem }, ct);

    private async Task<Answer> PostAsync(string path, object body, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(path, body, ct).ConfigureAwait(false);
        var answer = await response.Content.ReadFromJsonAsync<Answer>(ct).ConfigureAwait(false)
            ?? throw new HttpRequestException($"Empty answer from the server ({(int)response.StatusCode}).");
        return response.IsSuccessStatusCode || answer.Code is not null
            ? answer
            : throw new HttpRequestException($"Unexpected answer from the server ({(int)response.StatusCode}).");
    }

    /// <summary>Every field any step answers; failures carry <see cref="Code"/> and <see cref="Message"/>.</summary>
    internal sealed record Answer
    {
        [JsonPropertyName("handle")] public string? Handle { get; init; }
        [JsonPropertyName("prompts")] public IReadOnlyList<string>? Prompts { get; init; }
        [JsonPropertyName("ticket")] public string? Ticket { get; init; }
        [JsonPropertyName("certificate")] public string? Certificate { get; init; }
        [JsonPropertyName("caCertificate")] public string? CaCertificate { get; init; }
        [JsonPropertyName("code")] public int? Code { get; init; }
        [JsonPropertyName("message")] public string? Message { get; init; }

        public bool Failed => Code is not null;
    }
}
