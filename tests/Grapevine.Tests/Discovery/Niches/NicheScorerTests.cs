using Grapevine.Core.Discovery.Niches;

namespace Grapevine.Tests.Discovery.Niches;

public sealed class NicheScorerTests
{
    private static readonly NicheScorer Scorer = NicheScorer.Default;

    [Fact]
    public void A_vegan_fitness_creator_scores_fitness_and_food_first()
    {
        var result = Scorer.Score(new NicheEvidence(
            Handle: "lena.lifts",
            DisplayName: "Lena | plant-powered",
            Bio: "Vegan fitness coach 🌱 Strength training, home workouts and plant-based recipes. 📍 Berlin",
            Captions:
            [
                "Leg day done 💪 5 sets of squats and deadlifts #fitness #legday #vegan",
                "High-protein tofu bowl after the gym 🥗 recipe below #plantbased #veganrecipes #mealprep",
                "20-minute HIIT you can do at home #homeworkout #fitnessmotivation",
            ]));

        Assert.Equal(["fitness", "food"], result.Scores.Take(2).Select(s => s.Niche).Order());
        Assert.Equal("fitness", result.Primary);
        Assert.InRange(result.Scores.Sum(s => s.Score), 95, 100);
        Assert.All(result.Scores, s => Assert.InRange(s.Score, NicheScorer.MinScore, 100));
        Assert.Equal(result.Scores.OrderByDescending(s => s.Score).Select(s => s.Niche), result.Scores.Select(s => s.Niche));
        Assert.InRange(result.Confidence!.Value, 0.05, 1);
        Assert.Null(result.CategoryNiche);
    }

    [Fact]
    public void No_text_means_no_niche_and_no_confidence()
    {
        Assert.Same(NicheAssessment.None, Scorer.Score(new NicheEvidence()));
        Assert.Same(NicheAssessment.None, Scorer.Score(new NicheEvidence("", "", "", "", ["", null])));
        var none = Scorer.Score(new NicheEvidence("x_1", "Anna", "Hello there, nice to meet you", "Digital creator", ["Monday again ☕"]));
        Assert.Empty(none.Scores);
        Assert.Null(none.Primary);
        Assert.Null(none.Confidence);
    }

    [Fact]
    public void An_imported_category_becomes_the_primary_niche_and_keeps_half_the_share()
    {
        var text = new NicheEvidence(Bio: "Backpacking the world ✈️ travel tips", Captions: ["Sunrise in Lisbon #travel #wanderlust #solotravel"]);
        Assert.Equal("travel", Scorer.Score(text).Primary);

        var categorised = Scorer.Score(text with { Category = "Beauty" });
        Assert.Equal("beauty", categorised.Primary);
        Assert.Equal("beauty", categorised.CategoryNiche);
        Assert.Equal(50, categorised.ScoreOf("beauty"));
        Assert.Equal("travel", categorised.Scores[1].Niche);
        Assert.InRange(categorised.ScoreOf("travel"), 25, 50);
        Assert.True(categorised.Scores.Sum(s => s.Score) <= 100);
    }

    [Fact]
    public void A_category_alone_gives_its_niche_all_the_score_with_moderate_confidence()
    {
        var result = Scorer.Score(new NicheEvidence(Category: "pet"));
        Assert.Equal([new NicheScore("pets", 100)], result.Scores);
        Assert.Equal("pets", result.Primary);
        Assert.Equal(Math.Round(1 - Math.Exp(-1), 3), result.Confidence);
    }

    [Fact]
    public void An_unmapped_category_is_read_as_profile_text()
    {
        var result = Scorer.Score(new NicheEvidence(Category: "Vintage denim store"));
        Assert.Null(result.CategoryNiche);
        Assert.Equal("fashion", result.Primary);
    }

    [Fact]
    public void Hashtags_are_found_in_any_case_next_to_emoji_and_in_unicode()
    {
        Assert.Equal("sports", Scorer.Score(new NicheEvidence(Captions: ["¡Vamos!⚽#FÚTBOL#matchday"])).Primary);
        Assert.Equal("food", Scorer.Score(new NicheEvidence(Bio: "Cuisine maison 🍰 #Recette")).Primary);
        Assert.Equal("books", Scorer.Score(new NicheEvidence(Captions: ["📚#BookTok"])).Primary);
    }

    [Fact]
    public void Compound_hashtags_and_handles_count_their_lexicon_parts()
    {
        Assert.Equal("food", Scorer.Score(new NicheEvidence(Captions: ["#veganbrunchideas"])).Primary);
        Assert.Equal("beauty", Scorer.Score(new NicheEvidence(Handle: "skincarebymia")).Primary);
        // A plain word is not split: "skiing" is not "ski" + "ing", and "parenthesis" is no parent.
        Assert.Same(NicheAssessment.None, Scorer.Score(new NicheEvidence(Bio: "parenthesis")));
    }

    [Fact]
    public void Plurals_fall_back_to_the_singular_term()
    {
        Assert.Equal("beauty", Scorer.Score(new NicheEvidence(Bio: "lipsticks")).Primary);
    }

    [Fact]
    public void Mentions_addresses_and_links_say_nothing_about_the_niche()
    {
        var result = Scorer.Score(new NicheEvidence(
            Bio: "📩 fitness@example.com https://fitness.example www.gaming.example",
            Captions: ["Thanks @travel.brand and @makeup_shop!"]));
        Assert.Same(NicheAssessment.None, result);
    }

    [Fact]
    public void Hashtags_and_bio_weigh_more_than_caption_words()
    {
        var inCaption = Scorer.Score(new NicheEvidence(Bio: "guitar", Captions: ["hiking"]));
        Assert.Equal("music", inCaption.Primary);
        var asHashtag = Scorer.Score(new NicheEvidence(Captions: ["guitar #hiking"]));
        Assert.Equal("outdoor", asHashtag.Primary);
    }

    [Fact]
    public void A_term_shared_by_niches_weighs_less_than_one_of_a_kind()
    {
        Assert.True(Scorer.Idf("styling") < Scorer.Idf("lipstick"));
        Assert.Equal(Math.Log(1 + 20.0), Scorer.Idf("lipstick")!.Value, 9);
        Assert.Null(Scorer.Idf("hello"));
    }

    [Fact]
    public void More_text_for_the_same_niche_means_more_confidence()
    {
        var thin = Scorer.Score(new NicheEvidence(Bio: "pottery"));
        var rich = Scorer.Score(new NicheEvidence(Bio: "Potter and illustrator", Captions: ["New glaze test #pottery #ceramics", "Sketchbook tour #illustration"]));
        Assert.Equal("art-diy", thin.Primary);
        Assert.Equal("art-diy", rich.Primary);
        Assert.True(rich.Confidence > thin.Confidence, $"{rich.Confidence} <= {thin.Confidence}");
        var mixed = Scorer.Score(new NicheEvidence(Bio: "pottery and guitar"));
        Assert.True(mixed.Confidence < thin.Confidence);
    }

    [Fact]
    public void Largest_remainder_rounding_sums_to_exactly_one_hundred()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 200; trial++)
        {
            var raw = Enumerable.Range(0, 20).Select(_ => random.NextDouble() < 0.6 ? 0 : random.NextDouble()).ToArray();
            if (raw.Sum() == 0)
                raw[3] = 1;
            var total = raw.Sum();
            var scores = NicheScorer.LargestRemainder([.. raw.Select(r => r / total)]);
            Assert.Equal(100, scores.Sum());
            for (var n = 0; n < raw.Length; n++)
            {
                Assert.InRange(scores[n] - raw[n] / total * 100, -1, 1);
                if (raw[n] == 0)
                    Assert.Equal(0, scores[n]);
            }
        }
        Assert.Equal([34, 33, 33], NicheScorer.LargestRemainder([1 / 3.0, 1 / 3.0, 1 / 3.0]));
    }
}
