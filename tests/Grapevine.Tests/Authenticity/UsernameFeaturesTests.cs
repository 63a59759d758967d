using Grapevine.Core.Authenticity;

namespace Grapevine.Tests.Authenticity;

public class UsernameFeaturesTests
{
    [Theory]
    [InlineData("anna", 4, 0, 0)]
    [InlineData("milosz12345678", 14, 8, 8)]
    [InlineData("hans34muster", 12, 2, 0)]
    [InlineData("283874hans", 10, 6, 0)]
    [InlineData("a1b2c3", 6, 3, 1)]
    [InlineData("", 0, 0, 0)]
    public void Length_digits_and_trailing_digits(string username, int length, int digits, int trailing)
    {
        Assert.Equal(length, UsernameFeatures.Length(username));
        Assert.Equal(digits, UsernameFeatures.Digits(username));
        Assert.Equal(trailing, UsernameFeatures.TrailingDigits(username));
    }

    [Theory]
    [InlineData("anna", 0f)]
    [InlineData("1_3_hans", 0.5f)]
    [InlineData("__x", 2f / 3)]
    [InlineData("", 0f)]
    [InlineData("zoë", 0f)]
    public void Non_letter_share(string username, float share) =>
        Assert.Equal(share, UsernameFeatures.NonLetterShare(username), 5);

    [Theory]
    [InlineData("anna", 0.5f, 2)]
    [InlineData("hdyshbs", 1f / 7, 4)]
    [InlineData("msnsdnsmsks", 0f, 11)]
    [InlineData("1234", 0f, 0)]
    [InlineData("a.b_c", 1f / 3, 1)]
    public void Vowel_share_and_longest_consonant_run(string username, float vowels, int run)
    {
        Assert.Equal(vowels, UsernameFeatures.VowelShare(username), 5);
        Assert.Equal(run, UsernameFeatures.LongestConsonantRun(username));
    }

    [Theory]
    [InlineData("anna", 0)]
    [InlineData("r_a_s_k.r", 4)]
    [InlineData("__saaraa._", 4)]
    public void Separators(string username, int separators) => Assert.Equal(separators, UsernameFeatures.Separators(username));

    [Theory]
    [InlineData("Anna Muster", 2)]
    [InlineData("  Anna   Maria  Muster ", 3)]
    [InlineData("🌸 Lea 🌸", 1)]
    [InlineData("Jean-Luc", 2)]
    [InlineData("", 0)]
    [InlineData("R2D2", 1)]
    public void Full_name_words(string fullName, int words) => Assert.Equal(words, UsernameFeatures.Words(fullName));

    [Theory]
    [InlineData("anna")]
    [InlineData("milosz12345678")]
    [InlineData("__saaraa._")]
    [InlineData("hdyshbs")]
    [InlineData("Zoë.Ÿves_99")]
    [InlineData("")]
    public void The_one_pass_version_matches_each_feature(string username)
    {
        var all = new float[7];

        UsernameFeatures.WriteAll(username, all);

        Assert.Equal([
            UsernameFeatures.Length(username), UsernameFeatures.Digits(username), UsernameFeatures.TrailingDigits(username),
            UsernameFeatures.NonLetterShare(username), UsernameFeatures.VowelShare(username),
            UsernameFeatures.LongestConsonantRun(username), UsernameFeatures.Separators(username),
        ], all);
    }
}
