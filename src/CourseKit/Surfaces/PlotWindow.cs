namespace CourseKit.Surfaces;

/// <summary>The rectangle [XMin, XMax] × [YMin, YMax] in which a surface is worth drawing.</summary>
public readonly record struct PlotWindow(double XMin, double XMax, double YMin, double YMax)
{
    /// <summary>XMax − XMin.</summary>
    public double Width => XMax - XMin;

    /// <summary>YMax − YMin.</summary>
    public double Height => YMax - YMin;

    /// <summary>Whether (x, y) lies inside the window (edges included).</summary>
    public bool Contains(double x, double y) => x >= XMin && x <= XMax && y >= YMin && y <= YMax;
}
