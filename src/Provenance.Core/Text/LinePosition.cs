namespace Provenance.Text;

/// <summary>A 1-based line and 1-based column (in UTF-16 code units, as SARIF and editors count by default).</summary>
public readonly record struct LinePosition(int Line, int Column) : IComparable<LinePosition>
{
    /// <inheritdoc/>
    public int CompareTo(LinePosition other) =>
        Line != other.Line ? Line.CompareTo(other.Line) : Column.CompareTo(other.Column);

    /// <inheritdoc/>
    public override string ToString() => $"({Line},{Column})";
}

/// <summary>A range of line positions; <see cref="End"/> is the position just after the last character.</summary>
public readonly record struct LinePositionSpan(LinePosition Start, LinePosition End);
