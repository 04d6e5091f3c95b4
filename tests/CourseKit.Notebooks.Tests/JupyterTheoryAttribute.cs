namespace CourseKit.Notebooks.Tests;

/// <summary>A theory over the Jupyter path, skipped and run exactly when <see cref="JupyterFactAttribute"/> is.</summary>
public sealed class JupyterTheoryAttribute : TheoryAttribute
{
    public JupyterTheoryAttribute() => Skip = JupyterFactAttribute.SkipReason();
}
