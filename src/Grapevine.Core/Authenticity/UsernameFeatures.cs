namespace Grapevine.Core.Authenticity;

/// <summary>What a handle or a display name says about a profile: generated handles are long, digit-heavy and end in digits.</summary>
public static class UsernameFeatures
{
    /// <summary>
    /// All seven handle features in one pass, in schema order: length, digits, trailing digits, non-letter share,
    /// vowel share, longest consonant run, separators (the same values as the single-feature methods).
    /// </summary>
    public static void WriteAll(string username, Span<float> into)
    {
        int digits = 0, trailing = 0, nonLetters = 0, letters = 0, vowels = 0, run = 0, longest = 0, separators = 0;
        foreach (var c in username)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
                trailing++;
            }
            else
            {
                trailing = 0;
            }
            if (!char.IsLetter(c))
                nonLetters++;
            if (c is '.' or '_')
                separators++;
            if (char.IsAsciiLetter(c))
            {
                letters++;
                var vowel = (c | 0x20) is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
                if (vowel)
                    vowels++;
                run = vowel ? 0 : run + 1;
            }
            else
            {
                run = 0;
            }
            longest = Math.Max(longest, run);
        }
        into[0] = username.Length;
        into[1] = digits;
        into[2] = trailing;
        into[3] = username.Length == 0 ? 0f : (float)nonLetters / username.Length;
        into[4] = letters == 0 ? 0f : (float)vowels / letters;
        into[5] = longest;
        into[6] = separators;
    }

    public static int Length(string username) => username.Length;

    public static int Digits(string username)
    {
        var count = 0;
        foreach (var c in username)
        {
            if (char.IsAsciiDigit(c))
                count++;
        }
        return count;
    }

    public static int TrailingDigits(string username)
    {
        var count = 0;
        for (var i = username.Length - 1; i >= 0 && char.IsAsciiDigit(username[i]); i--)
            count++;
        return count;
    }

    /// <summary>The share of characters that are not letters (digits, dots, underscores…); 0 for an empty name.</summary>
    public static float NonLetterShare(string username)
    {
        if (username.Length == 0)
            return 0f;
        var nonLetters = 0;
        foreach (var c in username)
        {
            if (!char.IsLetter(c))
                nonLetters++;
        }
        return (float)nonLetters / username.Length;
    }

    /// <summary>The share of vowels (a e i o u y) among the ASCII letters; 0 when there are none. Mashed keys have few.</summary>
    public static float VowelShare(string username)
    {
        int letters = 0, vowels = 0;
        foreach (var c in username)
        {
            if (!char.IsAsciiLetter(c))
                continue;
            letters++;
            if ("aeiouyAEIOUY".Contains(c))
                vowels++;
        }
        return letters == 0 ? 0f : (float)vowels / letters;
    }

    /// <summary>The longest run of ASCII consonants (mashed keys: "hdyshbs" is 7).</summary>
    public static int LongestConsonantRun(string username)
    {
        int longest = 0, run = 0;
        foreach (var c in username)
        {
            run = char.IsAsciiLetter(c) && !"aeiouyAEIOUY".Contains(c) ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }

    /// <summary>How many dots and underscores the handle has.</summary>
    public static int Separators(string username)
    {
        var count = 0;
        foreach (var c in username)
        {
            if (c is '.' or '_')
                count++;
        }
        return count;
    }

    /// <summary>How many words a full name has (runs of letters or digits; emoji and punctuation do not count).</summary>
    public static int Words(string fullName)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in fullName)
        {
            var wordChar = char.IsLetterOrDigit(c);
            if (wordChar && !inWord)
                words++;
            inWord = wordChar;
        }
        return words;
    }
}
