using BizWeb.Auth;
using BizWeb.Certificates;
using BizWeb.Tokens;

namespace BizWeb.SampleHost.Pages.Ops.Contracts;

/// <summary>What the console shows of a contract: its state, its failure counters, its users and their token and certificate.</summary>
public sealed record ContractView(
    Contract Contract,
    IReadOnlyList<(Credential Credential, int Failures)> Failures,
    IssuedCertificate? AdminCertificate,
    IReadOnlyList<UserView> Users);

/// <summary>One user of <see cref="ContractView"/>.</summary>
public sealed record UserView(
    BizWeb.Auth.User User,
    IReadOnlyList<(Credential Credential, int Failures)> Failures,
    HardwareToken? Token,
    IssuedCertificate? Certificate);
