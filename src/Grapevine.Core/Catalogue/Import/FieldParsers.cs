using System.Text;
using System.Text.Unicode;

namespace Grapevine.Core.Catalogue.Import;

/// <summary>
/// Strict parsers for the UTF-8 text of one field. Each returns null when the value is fine (an
/// empty value means unknown) and otherwise the message that tells the user what is wrong.
/// </summary>
internal static class FieldParsers
{
    private const string Iso8601Example = "e.g. 2024-05-01T14:30:00Z";

    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value) => value.Trim(" \t\r\n"u8);

    public static string? CheckUtf8(ReadOnlySpan<byte> value) =>
        Ascii.IsValid(value) || Utf8.IsValid(value) ? null : "contains bytes that are not valid UTF-8 (save the file as UTF-8)";

    /// <summary>
    /// A count: a whole number from 0 to 2^63−1, written with digits, optionally grouped in threes by one kind of
    /// thousands separator as spreadsheets export them (12,400; 12 400; with a no-break or thin space).
    /// </summary>
    public static string? Count(ReadOnlySpan<byte> raw, out long? value)
    {
        value = null;
        var text = Trim(raw);
        if (text.IsEmpty)
            return null;
        var negative = text[0] == (byte)'-';
        var digits = negative ? text[1..] : text;
        // The common case, plain digits, is read as it always was; separators are only looked for when it fails.
        if (digits.IsEmpty || digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
        {
            Span<byte> ungrouped = stackalloc byte[Math.Min(digits.Length, 64)];
            if (digits.Length > 64 || Ungroup(digits, ungrouped) is not { } length)
                return NotACount(text);
            digits = ungrouped[..length].ToArray();
        }
        if (negative)
            return $"'{Show(text)}' is negative; counts are 0 or more";
        ulong result = 0;
        foreach (var b in digits)
        {
            var next = result * 10 + (ulong)(b - '0');
            if (result > (ulong)long.MaxValue / 10 || next > long.MaxValue)
                return $"'{Show(text)}' is beyond the 64-bit range (at most {long.MaxValue})";
            result = next;
        }
        value = (long)result;
        return null;
    }

    /// <summary>
    /// The digits of a number grouped in threes (1 to 3 digits, then groups of exactly 3) by one separator used
    /// throughout: a comma, a space, a no-break space (U+00A0, U+202F) or a thin space (U+2009). A dot is not one: in
    /// 12.400 it may as well be a decimal point. Returns the number of digits written, or null when the text is not so grouped.
    /// </summary>
    private static int? Ungroup(ReadOnlySpan<byte> text, Span<byte> digits)
    {
        var separator = ReadOnlySpan<byte>.Empty;
        int written = 0, group = 0, i = 0;
        while (i < text.Length)
        {
            if (text[i] is >= (byte)'0' and <= (byte)'9')
            {
                digits[written++] = text[i++];
                group++;
                continue;
            }
            var here = GroupSeparator(text[i..]);
            if (here.IsEmpty || group == 0 || (separator.IsEmpty ? group > 3 : group != 3) || (!separator.IsEmpty && !here.SequenceEqual(separator)))
                return null;
            separator = here;
            group = 0;
            i += here.Length;
        }
        return separator.IsEmpty || group != 3 ? null : written;
    }

    private static ReadOnlySpan<byte> GroupSeparator(ReadOnlySpan<byte> text) => text switch
    {
        [(byte)',', ..] => ","u8,
        [(byte)' ', ..] => " "u8,
        [0xC2, 0xA0, ..] => "\u00A0"u8,
        [0xE2, 0x80, 0x89, ..] => "\u2009"u8,
        [0xE2, 0x80, 0xAF, ..] => "\u202F"u8,
        _ => [],
    };

    /// <summary>Why a value that is not a count is refused; an abbreviation such as 1.2k is named as the approximation it is.</summary>
    private static string NotACount(ReadOnlySpan<byte> text)
    {
        var number = text[^1] is (byte)'k' or (byte)'K' or (byte)'m' or (byte)'M' or (byte)'b' or (byte)'B' ? Trim(text[..^1]) : [];
        if (!number.IsEmpty && number.IndexOfAnyExceptInRange((byte)'0', (byte)'9') is var other
            && (other < 0 || (number[other] is (byte)'.' or (byte)',' && other > 0 && other < number.Length - 1
                              && number[(other + 1)..].IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0)))
            return $"'{Show(text)}' is an abbreviated, approximate number; write the exact count in digits (e.g. 1200 or 1,200, not 1.2k)";
        return $"'{Show(text)}' is not a whole number (digits, optionally grouped in threes as in 12,400 or 12 400; no decimals)";
    }

    /// <summary>A count that must fit in 32 bits (bio_length).</summary>
    public static string? SmallCount(ReadOnlySpan<byte> raw, out int? value)
    {
        value = null;
        var error = Count(raw, out var wide);
        if (error is not null)
            return error;
        if (wide > int.MaxValue)
            return $"'{Show(Trim(raw))}' is too large (at most {int.MaxValue})";
        value = (int?)wide;
        return null;
    }

    /// <summary>true/false, 1/0 or yes/no, in any case.</summary>
    public static string? Boolean(ReadOnlySpan<byte> raw, out bool? value)
    {
        value = null;
        var text = Trim(raw);
        if (text.IsEmpty)
            return null;
        if (Ascii.EqualsIgnoreCase(text, "true"u8) || text.SequenceEqual("1"u8) || Ascii.EqualsIgnoreCase(text, "yes"u8))
            value = true;
        else if (Ascii.EqualsIgnoreCase(text, "false"u8) || text.SequenceEqual("0"u8) || Ascii.EqualsIgnoreCase(text, "no"u8))
            value = false;
        else
            return $"'{Show(text)}' is not a boolean (use true/false, 1/0 or yes/no)";
        return null;
    }

    /// <summary>
    /// An ISO 8601 date or date-time in the extended format (2024-05-01, 2024-05-01T14:30,
    /// 2024-05-01T14:30:00.123+02:00). A time without an offset is taken as UTC. The result is UTC.
    /// </summary>
    public static string? Timestamp(ReadOnlySpan<byte> raw, out DateTime? value)
    {
        value = null;
        var text = Trim(raw);
        if (text.IsEmpty)
            return null;
        if (TryParseIso8601(text, out var parsed))
        {
            value = parsed;
            return null;
        }
        return $"'{Show(text)}' is not an ISO 8601 date ({Iso8601Example})";
    }

    public static bool TryParseIso8601(ReadOnlySpan<byte> s, out DateTime utc)
    {
        utc = default;
        if (s.Length < 10 || s[4] != '-' || s[7] != '-'
            || !Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day))
            return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        int hour = 0, minute = 0, second = 0;
        long fractionTicks = 0;
        var offsetMinutes = 0;
        var i = 10;
        if (i < s.Length && (s[i] == 'T' || s[i] == 't' || s[i] == ' '))
        {
            if (s.Length < i + 6 || s[i + 3] != ':' || !Digits(s, i + 1, 2, out hour) || !Digits(s, i + 4, 2, out minute))
                return false;
            i += 6;
            if (i < s.Length && s[i] == ':')
            {
                if (!Digits(s, i + 1, 2, out second))
                    return false;
                i += 3;
                if (i < s.Length && (s[i] == '.' || s[i] == ','))
                {
                    var start = ++i;
                    long scale = TimeSpan.TicksPerSecond;
                    while (i < s.Length && s[i] is >= (byte)'0' and <= (byte)'9')
                    {
                        scale /= 10;
                        fractionTicks += (s[i] - '0') * scale;
                        i++;
                    }
                    if (i == start)
                        return false;
                }
            }
            if (hour > 23 || minute > 59 || second > 59)
                return false;
            if (i < s.Length)
            {
                if (s[i] is (byte)'Z' or (byte)'z')
                {
                    i++;
                }
                else if (s[i] is (byte)'+' or (byte)'-')
                {
                    var sign = s[i] == '+' ? 1 : -1;
                    if (!Digits(s, i + 1, 2, out var offsetHours))
                        return false;
                    i += 3;
                    var offsetMinute = 0;
                    if (i < s.Length && s[i] == ':')
                        i++;
                    if (i < s.Length)
                    {
                        if (!Digits(s, i, 2, out offsetMinute))
                            return false;
                        i += 2;
                    }
                    if (offsetHours > 14 || offsetMinute > 59)
                        return false;
                    offsetMinutes = sign * (offsetHours * 60 + offsetMinute);
                }
            }
        }
        if (i != s.Length)
            return false;
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fractionTicks;
        var ticks = local - offsetMinutes * TimeSpan.TicksPerMinute;
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
            return false;
        utc = new DateTime(ticks, DateTimeKind.Utc);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
            return false;
        for (var i = start; i < start + count; i++)
        {
            if (s[i] is < (byte)'0' or > (byte)'9')
                return false;
            value = value * 10 + (s[i] - '0');
        }
        return true;
    }

    /// <summary>A value quoted in a message: decoded, and cut when long.</summary>
    public static string Show(ReadOnlySpan<byte> value)
    {
        var text = Encoding.UTF8.GetString(value.Length > 60 ? value[..60] : value);
        return value.Length > 60 ? text + "…" : text;
    }
}
