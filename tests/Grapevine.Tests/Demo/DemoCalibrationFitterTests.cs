using Grapevine.Core.Catalogue.Demo;

namespace Grapevine.Tests.Demo;

public class DemoCalibrationFitterTests
{
    private const string Followers = """
        "Profile.URL","rating","Username","Number.of.posts","Number.of.people.they.follow","Number.of.followers","has_profile_picture","Private.account"
        "https://instagram.com/a","FALSE","anna.k",120,300,400,"TRUE",FALSE
        "https://instagram.com/b","FALSE","ben_t",80,200,150,"TRUE",TRUE
        "https://instagram.com/c","TRUE","user12345",0,4000,20,"FALSE",FALSE
        "https://instagram.com/d","TRUE","kalomi",1,2500,90,"TRUE",FALSE
        """;

    private static string Influencers(int rows)
    {
        var lines = new List<string> { "Username\tCategory\t#Followers\t#Followees\t#Posts", "" };
        for (var i = 0; i < rows; i++)
        {
            var category = i % 3 == 0 ? "food" : i % 3 == 1 ? "fashion" : "fasion";
            lines.Add($"user{i}\t{category}\t{1000 + i * 100}\t{500 + i}\t{200 + i * 2}");
        }
        return string.Join('\n', lines);
    }

    [Fact]
    public void Fits_shares_and_quantiles_and_merges_misspelt_categories()
    {
        var fit = DemoCalibrationFitter.Fit(new StringReader(Influencers(300)), new StringReader(Followers));

        Assert.Equal(["fashion", "food"], fit.Categories.Select(c => c.Name));
        Assert.Equal(2.0 / 3, fit.Categories[0].Share, 3);
        var food = fit.Quantiles(fit.Category("food").Log10Followers);
        // food rows are 1000, 1300, ..., 30700: the median is 15,850.
        Assert.Equal(Math.Log10(15_850), food.Quantile(0.5), 2);
        Assert.Equal(2, fit.RealFollowers.Rows);
        Assert.Equal(0.5, fit.FakeFollowers.HasProfilePic);
        Assert.Equal(0.5, fit.FakeFollowers.DigitHeavyUsername);
        Assert.Equal(1, fit.RealFollowers.Spearman[0][0]);

        var roundTrip = DemoCalibration.FromJson(fit.ToJson());
        Assert.Equal(fit.Categories[1].Log10Followers, roundTrip.Categories[1].Log10Followers);
    }

    [Fact]
    public void Never_stores_the_extreme_rows()
    {
        var fit = DemoCalibrationFitter.Fit(new StringReader(Influencers(3000)), new StringReader(Followers));
        var food = fit.Category("food").Log10Followers;
        Assert.True(food[0] > Math.Log10(1000), "the lowest knot lies inside the sample, not on its minimum");
        Assert.True(food[^1] < Math.Log10(1000 + 2997 * 100), "the highest knot lies inside the sample, not on its maximum");
    }

    [Fact]
    public void Bad_lines_are_named()
    {
        var bad = "Username\tCategory\t#Followers\t#Followees\t#Posts\n\nu\tfood\tmany\t1\t1\n";
        var e = Assert.Throws<InvalidDataException>(() => DemoCalibrationFitter.Fit(new StringReader(bad), new StringReader(Followers)));
        Assert.Contains("line 3", e.Message);

        var badFollowers = Followers.Replace("\"TRUE\",FALSE\n\"https://instagram.com/b\"", "\"maybe\",FALSE\n\"https://instagram.com/b\"");
        var f = Assert.Throws<InvalidDataException>(() => DemoCalibrationFitter.Fit(new StringReader(Influencers(30)), new StringReader(badFollowers)));
        Assert.Contains("line 2", f.Message);
    }

    [Fact]
    public void Spearman_is_one_for_monotone_and_minus_one_for_reversed_columns()
    {
        double[] x = [1, 2, 3, 4, 10];
        Assert.Equal(1, DemoCalibrationFitter.Spearman(x, [2, 3, 5, 8, 9]), 6);
        Assert.Equal(-1, DemoCalibrationFitter.Spearman(x, [9, 8, 5, 3, 2]), 6);
    }

    [Fact]
    public void Quantile_function_and_cdf_are_inverse()
    {
        var q = new QuantileFunction([0, 0.5, 1], [3, 4, 6]);
        Assert.Equal(3.5, q.Quantile(0.25));
        Assert.Equal(5, q.Quantile(0.75));
        Assert.Equal(0.25, q.Cdf(3.5), 9);
        Assert.Equal(0.75, q.Cdf(5), 9);
        Assert.Equal(0, q.Cdf(2));
        Assert.Equal(1, q.Cdf(7));
    }
}
