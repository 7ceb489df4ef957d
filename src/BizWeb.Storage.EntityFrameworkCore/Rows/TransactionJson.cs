using System.Text.Json.Serialization;
using BizWeb.Auth;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>Source-generated JSON for the transaction columns (debit accounts, fee bands, a user's limits).</summary>
[JsonSerializable(typeof(IReadOnlyList<DebitAccount>))]
[JsonSerializable(typeof(IReadOnlyList<FeeBand>))]
[JsonSerializable(typeof(Dictionary<string, TransferLimit>))]
internal sealed partial class TransactionJson : JsonSerializerContext;
