using System.Text.Json;

namespace CourseKit.Cli.Bench;

/// <summary>
/// One measured figure, printed as one JSON line by <c>coursekit bench --json</c> so runs can be compared.
/// </summary>
/// <param name="Kind">optimizer, gemm, mlp or reference.</param>
/// <param name="Name">What was measured: an optimizer's algorithms.md name, triad, fma-peak, a GEMM shape...</param>
/// <param name="Threads">How many threads the figure used.</param>
/// <param name="Figures">Named figures: ns_per_param, gbps, gflops, samples_per_s, and ratios to the limits.</param>
public sealed record BenchRecord(string Kind, string Name, int Threads, IReadOnlyDictionary<string, double> Figures)
{
    public long? N { get; init; }

    public string? Shape { get; init; }

    public int? Batch { get; init; }

    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("kind", Kind);
            json.WriteString("name", Name);
            if (N is { } n) json.WriteNumber("n", n);
            if (Shape is { } shape) json.WriteString("shape", shape);
            if (Batch is { } batch) json.WriteNumber("batch", batch);
            json.WriteNumber("threads", Threads);
            foreach (var (key, value) in Figures) json.WriteNumber(key, Math.Round(value, 4));
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
