namespace BizWeb.SampleHost.Tests;

/// <summary>A setting under a name the sample host no longer reads stops the start, naming its path in the one tree.</summary>
public sealed class LegacySettingsTests
{
    [Theory]
    [InlineData("SampleHost:IdleTimeout", "00:05:00", "BizWeb:AspNetCore:IdleTimeout")]
    [InlineData("Smtp:Host", "127.0.0.1", "BizWeb:Smtp")]
    public async Task A_moved_setting_stops_the_start_with_its_new_path(string key, string value, string newPath)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SampleHostProcess.StartAsync(demo: false, settings: new Dictionary<string, string> { [key] = value }));

        Assert.Contains($"is now '{newPath}'", error.Message, StringComparison.Ordinal);
    }
}
