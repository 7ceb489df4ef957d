using System.Net;
using System.Net.Sockets;

namespace BizWeb.AspNetCore;

/// <summary>
/// The rate limiter's idea of one client: an IPv4 address, or an IPv6 /64 (one subscriber's network:
/// a client rotating through its own /64 is still one client).
/// </summary>
internal static class ClientPartition
{
    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
