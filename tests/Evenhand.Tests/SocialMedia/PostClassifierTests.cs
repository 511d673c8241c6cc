using System.Text;
using Evenhand.SocialMedia;

namespace Evenhand.Tests.SocialMedia;

public sealed class PostClassifierTests
{
    private static PostClass Classify(string text, WordVectors? vectors = null, double threshold = 0.4) =>
        new PostClassifier(SocialLexicon.Default, vectors, threshold).Classify(text, new ClassifierScratch());

    [Theory]
    [InlineData("Happy #Pride to all our LGBTQ+ colleagues", true)]
    [InlineData("Report homophobic hate crime: call 101 or use our online form. #LGBTQ advice", false)]
    [InlineData("We are recruiting! Join our Black Police Association #diversity", false)]
    [InlineData("Road closed on the M6 after a collision", false)]
    [InlineData("Lovely weather for the dog show", false)]
    public void A_topic_keyword_without_an_operational_keyword_is_non_operational(string text, bool nonOperational) =>
        Assert.Equal(nonOperational, Classify(text).NonOperational);

    [Fact]
    public void Tokens_are_lower_case_words_with_hashtags_and_links_handled()
    {
        Assert.Equal(["happy", "pride", "dont", "miss", "it", "lgbtq"], Tokenizer.Tokens("Happy #PRIDE! Don't miss it https://t.co/Abc123 #LGBTQ+"));
    }

    [Fact]
    public void Threshold_decides_whether_a_candidate_is_kept()
    {
        var vectors = SocialTestData.Vectors();
        const string text = "Stand against racism and homophobia"; // cos 1/√6 = 0.408 for both topics

        Assert.True(Classify(text, vectors, 0.4).NonOperational);
        Assert.False(Classify(text, vectors, 0.41).NonOperational);
        Assert.Equal(1 / Math.Sqrt(6), Classify(text, vectors).Scores[1], 5);
    }

    [Fact]
    public void Vector_files_in_word2vec_and_glove_form_give_the_same_vectors()
    {
        var word2vec = WordVectors.Load(SocialTestData.Stream(SocialTestData.VectorsFile()), "v.vec");
        var glove = WordVectors.Load(SocialTestData.Stream(SocialTestData.VectorsFile().Split('\n', 2)[1]), "v.txt");

        Assert.Equal(4, word2vec.Dimensions);
        Assert.Equal(23, word2vec.Count);
        Assert.Equal(word2vec.Count, glove.Count);
        // Stored unit length: "cake 0 0 0 2.5" becomes (0, 0, 0, 1).
        Assert.Equal([0f, 0f, 0f, 1f], word2vec.Get("cake").ToArray());
        Assert.Equal(word2vec.Get("pride").ToArray(), glove.Get("pride").ToArray());
        Assert.True(word2vec.Get("unknown").IsEmpty);
    }

    [Fact]
    public void A_semantic_analysis_with_the_file_matches_the_one_in_memory()
    {
        var fromFile = WordVectors.Load(SocialTestData.Stream(SocialTestData.VectorsFile()), "v.vec");

        var a = SocialTestData.Analyse(fromFile);
        var b = SocialTestData.Analyse(SocialTestData.Vectors());
        Assert.Equal(b.Classification.NonOperational, a.Classification.NonOperational);
        Assert.Equal(b.Classification.ByTopic, a.Classification.ByTopic);
    }

    [Theory]
    [InlineData("3 2\nfoo 1 2\nbar 1\n", "v.vec line 3: found 1 numbers (expected a word and 2 numbers).")]
    [InlineData("3 2\nfoo 1 2\nbar 1 x\n", "v.vec line 3: value 2 'x' is not a number (expected a word and 2 numbers).")]
    [InlineData("foo 1 2\nbar 1 2 3\n", "v.vec line 2: the line has more numbers than the others (expected a word and 2 numbers).")]
    [InlineData("", "v.vec has no word vectors.")]
    public void Bad_vector_files_are_refused_with_the_line(string text, string message)
    {
        var ex = Assert.Throws<SocialImportException>(() => WordVectors.Load(new MemoryStream(Encoding.UTF8.GetBytes(text)), "v.vec"));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void A_custom_lexicon_is_read_from_json_and_checked()
    {
        var lexicon = SocialLexicon.Parse("""{"topics": {"animals": ["Dogs", "cats"]}, "operational": {"appeals": ["appeal"]}}""");
        Assert.Equal(["dogs", "cats"], lexicon.Topics[0].Keywords);

        var ex = Assert.Throws<SocialImportException>(() => SocialLexicon.Parse("""{"topics": {"a": ["dogs"], "b": ["dogs"]}}"""));
        Assert.Equal("the lexicon: The keyword 'dogs' is in both 'a' and 'b'; a keyword may belong to one group only.", ex.Message);
        Assert.Throws<SocialImportException>(() => SocialLexicon.Parse("""{"topics": {"a": ["two words"]}}"""));
        Assert.Throws<SocialImportException>(() => SocialLexicon.Parse("{"));
        Assert.Equal(SocialLexicon.Default.Topics.Count, SocialLexicon.Parse(SocialLexicon.Default.ToJson()).Topics.Count);
    }
}
