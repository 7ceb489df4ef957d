using System.Security.Cryptography;
using System.Text;
using BizWeb.Auth;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BizWeb.Tokens.Tests;

/// <summary>
/// Mutated PSKC files (characters replaced, inserted, deleted, spans repeated) never import a seed that
/// is not one of the file's, and the import and the preview only ever answer a result: nothing but the
/// SDK's failure, never another exception.
/// </summary>
public sealed class PskcFuzzTests
{
    private static readonly byte[] SeedA = RandomNumberGenerator.GetBytes(20);
    private static readonly byte[] SeedB = RandomNumberGenerator.GetBytes(32);
    private static readonly PskcBuilder Builder = new PskcBuilder().Add("FZ-1", SeedA).Add("FZ-2", SeedB, algorithm: "urn:ietf:params:xml:ns:keyprov:pskc#OCRA-1:HOTP-SHA1-6:QN08", suite: "");
    private static readonly string Built = Encoding.UTF8.GetString(Builder.ToStream().ToArray());
    private static readonly string KeyWrapped = File.ReadAllText(PskcOracleTests.PathOf("kw-aes128-pad.xml"));
    private static readonly string Parameters = File.ReadAllText(PskcOracleTests.PathOf("encrypted-parameters.xml"));
    private static readonly char[] Alphabet = "<>/=\"' \n&;:#ABCDEFabcdef0123456789+xenc:pskc".ToCharArray();

    private static readonly Gen<(int Position, int Operation, char Character, int Length)> Mutation =
        from position in Gen.Choose(0, int.MaxValue)
        from operation in Gen.Choose(0, 3)
        from character in Gen.Elements(Alphabet)
        from length in Gen.Choose(1, 24)
        select (position, operation, character, length);

    private static readonly Gen<(int Document, (int Position, int Operation, char Character, int Length)[] Mutations)> Cases =
        from document in Gen.Choose(0, 2)
        from count in Gen.Choose(1, 4)
        from mutations in Gen.ArrayOf(Mutation, count)
        select (document, mutations);

    [Property(MaxTest = 300)]
    public Property Mutated_files_never_import_a_wrong_seed_nor_throw() =>
        Prop.ForAll(Arb.From(Cases), c =>
        {
            var (original, key, seeds) = c.Document switch
            {
                0 => (Built, Builder.DecryptionKey, new[] { SeedA, SeedB }),
                1 => (KeyWrapped, PskcOracleTests.PreSharedKey(16), new[] { "12345678901234567890"u8.ToArray() }),
                _ => (Parameters, PskcOracleTests.PreSharedKey(16), new[] { "12345678901234567890"u8.ToArray() }),
            };
            var document = Mutate(original, c.Mutations);
            using var host = new TestHost();
            var inventory = host.Get<HardwareTokenInventory>();
            var bytes = Encoding.UTF8.GetBytes(document);
            using (var stream = new MemoryStream(bytes))
            {
                _ = inventory.PreviewPskcAsync(stream, key, TestHost.Operator).GetAwaiter().GetResult();
            }

            foreach (var policy in new[] { PskcImportPolicy.SkipUnsupported, PskcImportPolicy.AllOrNothing })
            {
                using var stream = new MemoryStream(bytes);
                var result = inventory.ImportPskcAsync(stream, key, TestHost.Operator, policy).GetAwaiter().GetResult();
                if (result.Succeeded != (result.ImportedCount > 0) || (!result.Succeeded && result.Error is null))
                {
                    return false;
                }
            }

            var tokens = inventory.ListAsync(0, 100).AsTask().GetAwaiter().GetResult();
            var protector = host.Get<ISecretProtector>();
            return tokens.All(t => seeds.Any(s => CryptographicOperations.FixedTimeEquals(protector.Unprotect(t.ProtectedSeed, HardwareToken.SeedPurpose), s)));
        });

    [Fact]
    public async Task The_unmutated_files_import()
    {
        foreach (var (document, key, count) in new[] { (Built, Builder.DecryptionKey, 2), (KeyWrapped, PskcOracleTests.PreSharedKey(16), 1), (Parameters, PskcOracleTests.PreSharedKey(16), 2) })
        {
            using var host = new TestHost();
            await using var stream = PskcDocuments.Stream(document);
            var result = await host.Get<HardwareTokenInventory>().ImportPskcAsync(stream, key, TestHost.Operator, PskcImportPolicy.SkipUnsupported);
            Assert.Equal(count, result.ImportedCount);
        }
    }

    private static string Mutate(string text, (int Position, int Operation, char Character, int Length)[] mutations)
    {
        var builder = new StringBuilder(text);
        foreach (var (position, operation, character, length) in mutations)
        {
            if (builder.Length == 0)
            {
                break;
            }

            var at = position % builder.Length;
            var span = Math.Min(length, builder.Length - at);
            switch (operation)
            {
                case 0:
                    builder[at] = character;
                    break;
                case 1:
                    builder.Remove(at, span);
                    break;
                case 2:
                    builder.Insert(at, character);
                    break;
                default:
                    builder.Insert(at, builder.ToString(at, span));
                    break;
            }
        }

        return builder.ToString();
    }
}
