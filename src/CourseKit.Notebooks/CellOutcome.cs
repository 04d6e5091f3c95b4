namespace CourseKit.Notebooks;

/// <summary>What happened when one code cell ran.</summary>
/// <param name="Index">Position of the cell in the notebook, 1-based, counting every cell (markdown too) as VS Code shows them.</param>
/// <param name="Id">The cell's nbformat id.</param>
/// <param name="Error">The error message, or null when the cell succeeded.</param>
/// <param name="IsChartCell">The cell is expected to draw a chart (tagged "chart" or calling a chart helper).</param>
/// <param name="ProducedChart">A plotly chart was among the cell's outputs.</param>
/// <param name="Elapsed">How long the cell took.</param>
public sealed record CellOutcome(int Index, string Id, string? Error, bool IsChartCell, bool ProducedChart, TimeSpan Elapsed)
{
    /// <summary>The cell ran without error and, if it is a chart cell, drew a chart.</summary>
    public bool Succeeded => Error is null && (!IsChartCell || ProducedChart);

    /// <summary>Why the cell counts as failed, or null.</summary>
    public string? Failure => Error ?? (IsChartCell && !ProducedChart ? "the cell should draw a chart but produced no chart output" : null);
}
