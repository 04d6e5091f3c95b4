using System.Text.Json;
using CourseKit.Cli.Commands;
using CourseKit.Optimizers;

namespace CourseKit.Tests.Cli;

public class BenchCommandTests
{
    [Fact]
    public void Json_lines_name_every_optimizer_with_its_figures()
    {
        var (exit, output, error) = CliRunner.Run(BenchCommand.Create(), "bench", "--json", "--only", "optimizer", "--sizes", "4099", "--min-time", "0.005");
        Assert.True(exit == 0, error);
        var records = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(OptimizerFactory.Names.Count * 2, records.Count); // 1 and 2 threads
        foreach (var r in records)
        {
            Assert.Equal("optimizer", r.GetProperty("kind").GetString());
            Assert.Contains(r.GetProperty("name").GetString(), OptimizerFactory.Names);
            Assert.Equal(4099, r.GetProperty("n").GetInt32());
            Assert.True(r.GetProperty("ns_per_param").GetDouble() > 0);
            Assert.True(r.GetProperty("gbps").GetDouble() > 0);
        }
    }

    [Fact]
    public void An_unknown_group_exits_2_naming_the_flag()
    {
        var (exit, _, error) = CliRunner.Run(BenchCommand.Create(), "bench", "--only", "gpu");
        Assert.Equal(2, exit);
        Assert.Contains("--only", error);
    }
}
