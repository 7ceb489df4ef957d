namespace BizWeb.Certificates.Conformance;

/// <summary>CRL numbers: 1, 2, 3 …, never handed out twice even in parallel; the latest CRL only moves to a higher number.</summary>
public abstract class CertificateRevocationListStoreConformance : CertificateStoreConformanceBase
{
    private static CertificateRevocationList Crl(long number) => new()
    {
        Number = number,
        ThisUpdate = T0.AddHours(number),
        NextUpdate = T0.AddHours(number).AddDays(1),
        RawData = [0x30, 0x03, (byte)number, 1, 2],
    };

    [Fact]
    public async Task Numbers_start_at_one_and_increase_by_one()
    {
        var numbers = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            numbers.Add(await Crls.NextNumberAsync(default));
        }

        Assert.Equal([1L, 2L, 3L], numbers);
    }

    [Fact]
    public async Task Sixty_four_parallel_takers_get_sixty_four_distinct_numbers()
    {
        var numbers = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => Crls.NextNumberAsync(default).AsTask())));
        Assert.Equal(Enumerable.Range(1, 64).Select(i => (long)i), numbers.Order());
    }

    [Fact]
    public async Task The_latest_CRL_is_the_highest_number_saved_and_round_trips()
    {
        Assert.Null(await Crls.FindLatestAsync(default));
        await Crls.SaveAsync(Crl(2), default);
        await Crls.SaveAsync(Crl(1), default);
        var latest = (await Crls.FindLatestAsync(default))!;
        Assert.Equal((2L, T0.AddHours(2), T0.AddHours(2).AddDays(1)), (latest.Number, latest.ThisUpdate, latest.NextUpdate));
        Assert.Equal(Crl(2).RawData, latest.RawData);
        await Crls.SaveAsync(Crl(3), default);
        Assert.Equal(3L, (await Crls.FindLatestAsync(default))!.Number);
    }
}
