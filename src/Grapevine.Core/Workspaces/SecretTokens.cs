using System.Security.Cryptography;
using System.Text;

namespace Grapevine.Core.Workspaces;

/// <summary>Random single-use secrets (invitation links, API keys) and the hashes that are stored instead of them.</summary>
public static class SecretTokens
{
    public static string New(int bytes = 32) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
