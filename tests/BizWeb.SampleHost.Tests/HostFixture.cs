namespace BizWeb.SampleHost.Tests;

/// <summary>One host (with the demo contract) and one browser shared by the tests of a class.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    public SampleHostProcess Host { get; private set; } = null!;

    public Browser Browser { get; } = new();

    public DemoContract Demo { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await SampleHostProcess.StartAsync(demo: true);
        Demo = DemoContract.Read(Host);
        await Browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Host.DisposeAsync();
    }
}
