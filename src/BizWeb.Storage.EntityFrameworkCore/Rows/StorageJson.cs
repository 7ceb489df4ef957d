using System.Text.Json.Serialization;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>Source-generated JSON for the list and map columns (granted services, a ticket's values).</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class StorageJson : JsonSerializerContext;
