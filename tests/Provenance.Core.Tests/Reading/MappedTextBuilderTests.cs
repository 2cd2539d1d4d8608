using Provenance.Articles;
using Provenance.Reading;

namespace Provenance.Core.Tests.Reading;

/// <summary>
/// The builder keeps where its text came from as runs of consecutive source offsets; its maps must
/// be those of keeping one offset per character and cutting them into runs at the end.
/// </summary>
public sealed class MappedTextBuilderTests
{
    [Fact]
    public void Maps_are_those_of_one_offset_per_character()
    {
        var random = new Random(20261202);
        const string alphabet = "ab \n\t\u00a0c.";
        for (var trial = 0; trial < 3000; trial++)
        {
            var builder = new MappedTextBuilder();
            var oracle = new Oracle();
            var offset = random.Next(0, 5);
            for (var step = random.Next(0, 30); step > 0; step--)
            {
                var c = alphabet[random.Next(alphabet.Length)];

                // Mostly the next offset, sometimes a jump or the same offset again (an entity).
                offset += random.Next(10) switch { 0 => random.Next(2, 9), 1 => 0, _ => 1 };
                builder.Append(c, offset);
                oracle.Append(c, offset);
            }

            var built = builder.Build();
            var expected = oracle.Build();
            built.HasValue.ShouldBe(expected.HasValue, $"trial {trial}");
            if (built is { } actual && expected is { } wanted)
            {
                actual.Text.ShouldBe(wanted.Text, $"trial {trial}");
                actual.Map.Segments.ToList().ShouldBe(wanted.Segments, $"trial {trial}: {actual.Text}");
            }
        }
    }

    [Fact]
    public void Spans_of_text_and_offsets_append_as_their_characters_would()
    {
        var one = new MappedTextBuilder();
        var each = new MappedTextBuilder();
        one.Append("  Hello,\u00a0 world \n ok", [3, 4, 5, 6, 7, 8, 9, 10, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32]);
        var i = 3;
        foreach (var c in "  Hello,\u00a0 world \n ok")
        {
            each.Append(c, i < 11 ? i : i + 9);
            i++;
        }

        var (text, map) = one.Build()!.Value;
        text.ShouldBe("Hello, world\nok");
        map.Segments.ToList().ShouldBe(each.Build()!.Value.Map.Segments.ToList());
        map.Segments[0].ShouldBe(new SourceSegment(0, 5, 6));
    }

    [Fact]
    public void Random_spans_append_as_their_characters_would()
    {
        var random = new Random(1202);
        const string alphabet = "ab \n\u00a0c.";
        for (var trial = 0; trial < 3000; trial++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var offsets = new int[text.Length];
            var offset = random.Next(0, 5);
            for (var i = 0; i < offsets.Length; i++)
            {
                offset += random.Next(6) switch { 0 => random.Next(2, 9), 1 => 0, _ => 1 };
                offsets[i] = offset;
            }

            // Something before, so that a run may carry on the builder's last segment.
            var (one, each) = (new MappedTextBuilder(), new MappedTextBuilder());
            one.Append('x', 0);
            each.Append('x', 0);
            one.Append(text, offsets);
            for (var i = 0; i < text.Length; i++)
            {
                each.Append(text[i], offsets[i]);
            }

            var (actual, expected) = (one.Build()!.Value, each.Build()!.Value);
            actual.Text.ShouldBe(expected.Text, $"trial {trial}");
            actual.Map.Segments.ToList().ShouldBe(expected.Map.Segments.ToList(), $"trial {trial}: {actual.Text}");
        }
    }

    // The builder as it was: an offset per character, runs cut at the end.
    private sealed class Oracle
    {
        private readonly System.Text.StringBuilder _text = new();
        private readonly List<int> _offsets = [];
        private bool _pending;
        private int _pendingOffset;

        public void Append(char c, int offset)
        {
            if (char.IsWhiteSpace(c) && c != '\n')
            {
                if (!_pending)
                {
                    (_pending, _pendingOffset) = (true, offset);
                }

                return;
            }

            if (c == '\n')
            {
                _pending = false;
                if (_text.Length > 0 && _text[^1] != '\n')
                {
                    _text.Append('\n');
                    _offsets.Add(offset);
                }

                return;
            }

            if (_pending && _text.Length > 0 && _text[^1] != '\n')
            {
                _text.Append(' ');
                _offsets.Add(_pendingOffset);
            }

            _pending = false;
            _text.Append(c);
            _offsets.Add(offset);
        }

        public (string Text, List<SourceSegment> Segments)? Build()
        {
            var (start, end) = (0, _text.Length);
            while (start < end && char.IsWhiteSpace(_text[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(_text[end - 1]))
            {
                end--;
            }

            if (start == end)
            {
                return null;
            }

            var segments = new List<SourceSegment>();
            var segmentStart = start;
            for (var i = start + 1; i <= end; i++)
            {
                if (i == end || _offsets[i] != _offsets[i - 1] + 1)
                {
                    segments.Add(new SourceSegment(segmentStart - start, _offsets[segmentStart], i - segmentStart));
                    segmentStart = i;
                }
            }

            return (_text.ToString(start, end - start), segments);
        }
    }
}
