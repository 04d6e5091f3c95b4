using YamlDotNet.RepresentationModel;

namespace CourseKit.Notebooks.Tests;

/// <summary>
/// .github/workflows/ci.yml parses as YAML and does what issue 17 asks: runs .ci/run on pushes and
/// pull requests, and publishes the export to GitHub Pages from main only.
/// </summary>
public class WorkflowTests
{
    private static YamlMappingNode Workflow()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Repository.Root, ".github", "workflows", "ci.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] keys)
    {
        foreach (string key in keys) node = ((YamlMappingNode)node).Children[new YamlScalarNode(key)];
        return node;
    }

    [Fact]
    public void The_workflow_runs_the_ci_script_on_pushes_and_pull_requests_and_publishes_pages_from_main()
    {
        var workflow = Workflow();
        var on = (YamlMappingNode)At(workflow, "on");
        Assert.Contains(new YamlScalarNode("push"), on.Children.Keys);
        Assert.Contains(new YamlScalarNode("pull_request"), on.Children.Keys);

        var steps = ((YamlSequenceNode)At(workflow, "jobs", "test", "steps")).Cast<YamlMappingNode>().ToList();
        string Run(YamlMappingNode step) => step.Children.TryGetValue(new YamlScalarNode("run"), out var run) ? ((YamlScalarNode)run).Value ?? "" : "";
        Assert.Contains(steps, s => Run(s).Trim() == "bash .ci/run");
        Assert.Contains(steps, s => Run(s).Contains("-- export --out out/export", StringComparison.Ordinal));
        // Every other command is one of the repository's own: no curl | bash, no ad-hoc installs.
        Assert.All(steps.Select(Run).Where(r => r.Length > 0), r => Assert.Matches(@"^(bash \.ci/|dotnet run --project src/)", r.Trim()));

        var pages = (YamlMappingNode)At(workflow, "jobs", "pages");
        Assert.Contains("refs/heads/main", ((YamlScalarNode)At(pages, "if")).Value);
        Assert.Equal("write", ((YamlScalarNode)At(pages, "permissions", "pages")).Value);
        var deploy = ((YamlSequenceNode)At(pages, "steps")).Cast<YamlMappingNode>().Single();
        Assert.StartsWith("actions/deploy-pages@", ((YamlScalarNode)At(deploy, "uses")).Value);
    }
}
