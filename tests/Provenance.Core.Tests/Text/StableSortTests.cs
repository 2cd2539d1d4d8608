using Provenance.Text;

namespace Provenance.Core.Tests.Text;

public sealed class StableSortTests
{
    [Fact]
    public void Sorts_as_an_ordered_query_does_equal_items_keeping_their_order()
    {
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var items = Enumerable.Range(0, random.Next(0, 30)).Select(i => new Item(random.Next(0, 6), i)).ToList();
            var expected = items.OrderBy(i => i.Key).ToList();

            StableSort.Sort(items, static (a, b) => a.Key.CompareTo(b.Key));

            items.ShouldBe(expected);
        }
    }

    private sealed record Item(int Key, int Order);
}
