using Evenhand.Common;

namespace Evenhand.Tests.Common;

/// <summary>How a keyset page is read from a request and the rows a query returned: links, page numbers, the last page.</summary>
public sealed class KeysetPageTests
{
    private static int? Parse(string text) => int.TryParse(text, out var n) ? n : null;

    [Fact]
    public void Parse_AMangledKey_GivesTheFirstPage()
    {
        var request = PageRequest.Parse<int>("x1", null, last: false, number: 9, size: 25, Parse);

        Assert.Equal(PageFrom.First, request.From);
        Assert.Null(request.Key);
        Assert.Equal(1, request.Number);
    }

    [Fact]
    public void Parse_LastWinsOverAKey_AndAKeyAfterIsNeverPageOne()
    {
        Assert.Equal(PageFrom.Last, PageRequest.Parse<int>("5", null, last: true, number: null, size: 25, Parse).From);
        var after = PageRequest.Parse<int>("5", null, last: false, number: 1, size: 25, Parse);
        Assert.Equal((PageFrom.After, 5, 2), (after.From, after.Key!.Value, after.Number));
    }

    [Fact]
    public void From_TheFirstPage_WithAnExtraRow_HasANextPageAndNoPrevious()
    {
        var page = KeysetPage.From(PageRequest.First<int>(3), [1, 2, 3, 4], total: 10);

        Assert.Equal([1, 2, 3], page.Items);
        Assert.False(page.HasPrevious);
        Assert.True(page.HasNext);
        Assert.Equal((1, 4), (page.Number, page.Pages!.Value));
    }

    [Fact]
    public void From_TheLastPage_HoldsWhatIsLeftOver_SoItsPagesLineUpWithTheFirstPagesOnes()
    {
        var request = new PageRequest<int>(PageFrom.Last, null, 1, 3);
        Assert.Equal(2, request.Take(total: 10)); // 10 = 3 + 3 + 3 + 1: one row, and one more to see that there are more

        var page = KeysetPage.From(request, [10, 9], total: 10); // read backwards

        Assert.Equal([10], page.Items);
        Assert.True(page.HasPrevious);
        Assert.False(page.HasNext);
        Assert.Equal(4, page.Number);
    }

    [Fact]
    public void From_APreviousPage_IsTurnedRound_AndIsPageOneWhenNothingIsBeforeIt()
    {
        var page = KeysetPage.From(new PageRequest<int>(PageFrom.Before, 4, 2, 3), [3, 2, 1], total: 10);

        Assert.Equal([1, 2, 3], page.Items);
        Assert.False(page.HasPrevious);
        Assert.True(page.HasNext);
        Assert.Equal(1, page.Number);
    }

    [Fact]
    public void From_AnUncountedList_HasNoNumberOfPages_AndKeepsTheNumberCarriedInTheLink()
    {
        var page = KeysetPage.From(new PageRequest<int>(PageFrom.After, 50, 7, 3), [51, 52, 53, 54], total: null);

        Assert.Null(page.Pages);
        Assert.Equal(7, page.Number);
        Assert.True(page.HasPrevious && page.HasNext);
    }
}
