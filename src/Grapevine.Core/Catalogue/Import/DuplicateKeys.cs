using System.Numerics;

namespace Grapevine.Core.Catalogue.Import;

/// <summary>
/// Remembers the key of every row of one import and the line it came from, to reject later rows
/// with the same key. Keys are kept as 128-bit fingerprints (about 40 bytes per row, whatever the
/// key's length) so that a file of tens of millions of rows does not need its keys in memory.
/// </summary>
internal sealed class DuplicateKeys
{
    private readonly Dictionary<Fingerprint, long> _firstLine = [];

    /// <summary>Null when the key is new (now remembered at <paramref name="line"/>), else the line it was first seen on.</summary>
    public long? Register(Fingerprint key, long line)
    {
        if (_firstLine.TryAdd(key, line))
            return null;
        return _firstLine[key];
    }

    public static Fingerprint Of(Platform platform, string handle, string key) =>
        new Hasher().Add((long)platform).Add(handle).Add(key).Finish();

    public static Fingerprint Of(Platform platform, string handle, long key) =>
        new Hasher().Add((long)platform).Add(handle).Add(key).Finish();

    public static Fingerprint Of(Platform platform, string handle) =>
        new Hasher().Add((long)platform).Add(handle).Finish();

    internal readonly record struct Fingerprint(ulong High, ulong Low);

    /// <summary>Two independent multiply-xor lanes over the key's parts, each finished with a 64-bit avalanche.</summary>
    private struct Hasher()
    {
        private ulong _a = 0xcbf29ce484222325;
        private ulong _b = 0x9e3779b97f4a7c15;

        public Hasher Add(long value)
        {
            Mix((ulong)value);
            Mix(0xfffffffffffffffd);
            return this;
        }

        public Hasher Add(string text)
        {
            foreach (var c in text)
                Mix(c);
            // A separator that no char can equal, so ("ab", "c") and ("a", "bc") differ.
            Mix(0xfffffffffffffffe);
            return this;
        }

        public readonly Fingerprint Finish() => new(Avalanche(_a), Avalanche(_b ^ 0x5851f42d4c957f2d));

        private void Mix(ulong value)
        {
            _a = (_a ^ value) * 0x100000001b3;
            _b = BitOperations.RotateLeft((_b ^ value) * 0xc2b2ae3d27d4eb4f, 31) * 0x9e3779b185ebca87;
        }

        private static ulong Avalanche(ulong h)
        {
            h ^= h >> 33;
            h *= 0xff51afd7ed558ccd;
            h ^= h >> 33;
            h *= 0xc4ceb9fe1a85ec53;
            return h ^ (h >> 33);
        }
    }
}
