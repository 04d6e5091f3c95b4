using System.Globalization;
using CourseKit.Cli;
using CourseKit.Cli.Commands;
using CourseKit.Cli.Input;
using CsCheck;

namespace CourseKit.Tests.Cli;

public class CliNumbersTests
{
    [Fact]
    public void Every_finite_double_round_trips_through_its_invariant_text()
    {
        Gen.Double.Where(double.IsFinite).Sample(x =>
            Assert.Equal(x, CliNumbers.Double(x.ToString("R", CultureInfo.InvariantCulture), "--lr")));
    }

    [Fact]
    public void A_decimal_comma_is_refused_with_the_dotted_spelling_as_hint()
    {
        Gen.Select(Gen.Int[0, 1000], Gen.Int[0, 99_999]).Sample((whole, fraction) =>
        {
            string text = $"{whole},{fraction}";
            var e = Assert.Throws<UsageException>(() => CliNumbers.Double(text, "--lr"));
            Assert.Contains("--lr", e.Message);
            Assert.Contains($"use a dot: {whole}.{fraction}", e.Message);
        });
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("nan")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("∞")]
    [InlineData("1e999")]
    [InlineData("")]
    [InlineData("0x10")]
    [InlineData("1,000.5")]
    [InlineData("½")]
    public void Non_finite_and_non_numbers_are_refused_naming_the_flag(string text)
    {
        var e = Assert.Throws<UsageException>(() => CliNumbers.Double(text, "--momentum"));
        Assert.StartsWith("--momentum: ", e.Message);
    }

    [Fact]
    public void Whole_numbers_are_accepted_exactly_within_the_range_and_refused_outside_it_with_the_limit()
    {
        Gen.Long.Sample(n =>
        {
            string text = n.ToString(CultureInfo.InvariantCulture);
            if (n is >= 1 and <= 1000) Assert.Equal(n, CliNumbers.Int(text, "--seeds", 1, 1000));
            else Assert.Contains("the limit is 1 to 1,000", Assert.Throws<UsageException>(() => CliNumbers.Int(text, "--seeds", 1, 1000)).Message);
        });
        Assert.Contains("out of range", Assert.Throws<UsageException>(() => CliNumbers.Int("99999999999999999999999", "--hidden", 1, 10)).Message);
    }

    [Fact]
    public void A_list_with_a_repeat_is_refused_naming_the_repeat()
    {
        Gen.Int[1, 50].Array[1, 8].Sample(values =>
        {
            string text = string.Join(",", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
            if (values.Distinct().Count() == values.Length) Assert.Equal(values, CliNumbers.IntList(text, "--seeds", 0, 100, 8));
            else Assert.Contains("given twice", Assert.Throws<UsageException>(() => CliNumbers.IntList(text, "--seeds", 0, 100, 8)).Message);
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData(",")]
    [InlineData("64,,32")]
    public void An_empty_list_or_item_is_refused(string text) =>
        Assert.StartsWith("--hidden: ", Assert.Throws<UsageException>(() => CliNumbers.IntList(text, "--hidden", 1, 10, 8)).Message);

    [Theory]
    [InlineData("--lr", "0,1", "use a dot: 0.1")]
    [InlineData("--momentum", "0,9", "use a dot: 0.9")]
    [InlineData("--steps", "100000000", "1,000,000")]
    [InlineData("--lr", "NaN", "not a finite number")]
    public void Trace_refuses_commas_and_overflows_naming_the_flag(string flag, string value, string expected)
    {
        string[] args = ["trace", "--optimizer", "momentum", "--surface", "saddle", "--start", "1,1", .. flag == "--steps" ? Array.Empty<string>() : ["--steps", "3"]];
        var (exit, output, error) = CliRunner.Run(TraceCommand.Create(), [.. args, flag, value]);
        Assert.Equal(2, exit);
        Assert.Contains(flag, error);
        Assert.Contains(expected, error);
        Assert.Equal("", output);
    }

    [Theory]
    [InlineData("--optimizers", "sgd,sgd", "'sgd' is given twice")]
    [InlineData("--schedules", "constant,constant", "'constant' is given twice")]
    [InlineData("--seeds", "1,2,1", "'1' is given twice")]
    [InlineData("--seeds", "99999999999", "the limit is 1 to 1,000")]
    [InlineData("--seeds", "100000000", "the limit is 1 to 1,000")]
    [InlineData("--hidden", "99999999999", "the limit is 1 to 4,096")]
    [InlineData("--hidden", "100000000", "the limit is 1 to 4,096")]
    [InlineData("--hidden", "", "give at least one number")]
    [InlineData("--epochs", "100000000", "the limit is 1 to 10,000")]
    public void Lab_refuses_duplicates_and_overflows_up_front_with_the_limit(string flag, string value, string expected)
    {
        var (exit, output, error) = CliRunner.Run(LabCommand.Create(), "lab", flag, value);
        Assert.Equal(2, exit);
        Assert.Contains(flag, error);
        Assert.Contains(expected, error);
        Assert.DoesNotContain("Ranked", output);
    }

    [Theory]
    [InlineData("--sizes", "99999999999", "the limit is 1 to 50,000,000")]
    [InlineData("--min-time", "Infinity", "not a finite number")]
    [InlineData("--min-time", "NaN", "not a finite number")]
    [InlineData("--min-time", "0,5", "use a dot: 0.5")]
    [InlineData("--min-time", "1000", "at most 60 seconds")]
    public void Bench_refuses_overflows_and_infinities_up_front(string flag, string value, string expected)
    {
        var (exit, _, error) = CliRunner.Run(BenchCommand.Create(), "bench", flag, value);
        Assert.Equal(2, exit);
        Assert.Contains(flag, error);
        Assert.Contains(expected, error);
    }
}
