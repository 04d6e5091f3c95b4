using CourseKit.Surfaces;

namespace CourseKit.Tests.Surfaces;

public class SurfaceCatalogTests
{
    [Fact]
    public void Every_name_creates_a_surface_of_that_name()
    {
        Assert.Equal(8, SurfaceCatalog.Names.Count);
        foreach (string name in SurfaceCatalog.Names)
        {
            var surface = SurfaceCatalog.Create(name);
            Assert.Equal(name, surface.Name);
            Assert.False(string.IsNullOrWhiteSpace(surface.Formula));
            Assert.Equal(surface.Name, SurfaceCatalog.Create(surface.Name.ToUpperInvariant()).Name);
        }
    }

    [Fact]
    public void Every_surface_class_is_in_the_catalog()
    {
        var classes = typeof(Surface).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Surface)) && !t.IsAbstract).ToHashSet();
        var created = SurfaceCatalog.Names.Select(n => SurfaceCatalog.Create(n).GetType()).ToHashSet();
        Assert.Equal(classes, created);
    }

    [Fact]
    public void An_unknown_name_throws_listing_the_valid_names()
    {
        var e = Assert.Throws<ArgumentException>(() => SurfaceCatalog.Create("banana"));
        Assert.Contains("banana", e.Message);
        foreach (string name in SurfaceCatalog.Names) Assert.Contains(name, e.Message);
    }

    [Fact]
    public void Quadratic_takes_kappa_and_round_trips_its_name()
    {
        var q = Assert.IsType<Quadratic>(SurfaceCatalog.Create("quadratic:100"));
        Assert.Equal(100, q.Kappa);
        Assert.Equal("quadratic:100", q.Name);
        Assert.Equal(100, Assert.IsType<Quadratic>(SurfaceCatalog.Create(q.Name)).Kappa);
        Assert.Equal(Quadratic.DefaultKappa, Assert.IsType<Quadratic>(SurfaceCatalog.Create("quadratic")).Kappa);
        Assert.Equal(0.5, Assert.IsType<Quadratic>(SurfaceCatalog.Create(" Quadratic:0.5 ")).Kappa);
    }

    [Theory]
    [InlineData("quadratic:0")]
    [InlineData("quadratic:-3")]
    [InlineData("quadratic:Infinity")]
    public void Quadratic_with_kappa_not_positive_throws_naming_kappa(string spec)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SurfaceCatalog.Create(spec));
        Assert.Equal("kappa", e.ParamName);
    }

    [Theory]
    [InlineData("quadratic:ten")]
    [InlineData("rosenbrock:3")]
    [InlineData("")]
    public void Malformed_specs_throw_ArgumentException(string spec)
    {
        var e = Assert.Throws<ArgumentException>(() => SurfaceCatalog.Create(spec));
        Assert.Contains(spec.Split(':')[0], e.Message);
    }

    [Fact]
    public void Quadratic_takes_an_angle_and_round_trips_its_name()
    {
        var q = Assert.IsType<Quadratic>(SurfaceCatalog.Create("quadratic:100:45"));
        Assert.Equal((100.0, 45.0), (q.Kappa, q.AngleDegrees));
        Assert.Equal("quadratic:100:45", q.Name);
        var again = Assert.IsType<Quadratic>(SurfaceCatalog.Create(q.Name));
        Assert.Equal((q.Kappa, q.AngleDegrees), (again.Kappa, again.AngleDegrees));
        Assert.Equal("quadratic:10:-22.5", SurfaceCatalog.Create("QUADRATIC:10:-22.5").Name);
        // A zero angle is the axis-aligned surface, under its usual name.
        Assert.Equal("quadratic:100", SurfaceCatalog.Create("quadratic:100:0").Name);
        Assert.Equal("quadratic", SurfaceCatalog.Create("quadratic:10:0").Name);
    }

    [Theory]
    [InlineData("quadratic:ten:45", "KAPPA", "ten")]
    [InlineData("quadratic:100:east", "ANGLE", "east")]
    [InlineData("quadratic:100:", "ANGLE", "''")]
    [InlineData("quadratic::45", "KAPPA", "''")]
    public void Malformed_quadratic_parts_throw_naming_the_part(string spec, string part, string text)
    {
        var e = Assert.Throws<ArgumentException>(() => SurfaceCatalog.Create(spec));
        Assert.Contains(part, e.Message);
        Assert.Contains(text, e.Message);
        Assert.Equal("spec", e.ParamName);
    }

    [Fact]
    public void Quadratic_with_three_parameters_throws()
    {
        var e = Assert.Throws<ArgumentException>(() => SurfaceCatalog.Create("quadratic:100:45:3"));
        Assert.Contains("KAPPA:ANGLE", e.Message);
    }

    [Theory]
    [InlineData("quadratic:100:Infinity", "angleDegrees")]
    [InlineData("quadratic:100:NaN", "angleDegrees")]
    [InlineData("quadratic:-1:45", "kappa")]
    public void Quadratic_parts_out_of_range_throw_naming_the_parameter(string spec, string parameter)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SurfaceCatalog.Create(spec));
        Assert.Equal(parameter, e.ParamName);
    }
}
