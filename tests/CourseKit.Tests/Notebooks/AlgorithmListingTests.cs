using CourseKit.Notebooks;
using CourseKit.Optimizers;

namespace CourseKit.Tests.Notebooks;

public class AlgorithmListingTests
{
    public static TheoryData<string> Names() => [.. OptimizerFactory.Names];

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_optimizer_has_its_rule_and_its_code(string name)
    {
        var (rule, code) = AlgorithmListing.Of(name);
        Assert.Contains("θ", rule);
        Assert.Contains("θ", code);
        Assert.Contains("</pre>", AlgorithmListing.ToHtml(name));
    }

    [Fact]
    public void Adams_box_and_code_match_line_for_line()
    {
        var (rule, code) = AlgorithmListing.Of("adam");
        Assert.Equal(["t ← t+1", "s ← ρ₁s + (1−ρ₁)ĝ", "r ← ρ₂r + (1−ρ₂)ĝ⊙ĝ", "ŝ = s/(1−ρ₁ᵗ)", "r̂ = r/(1−ρ₂ᵗ)", "θ ← θ − ε ŝ/(√r̂ + δ)"], rule.Split('\n'));
        Assert.Equal(5, code.Split('\n').Length);
        Assert.StartsWith("s = ρ1 * s", code);
    }
}
