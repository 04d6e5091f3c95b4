#!/usr/bin/env bash
# First-cell timing through the kit's Jupyter kernel (the path VS Code's Jupyter extension takes):
# from starting the kernel to the end of a notebook's first cell, and to its first chart output.
#
#   bash tests/CourseKit.Benchmarks/first-cell.sh [notebook] [runs]     (default notebooks/08-momentum.ipynb, 3)
#
# Cases, each a fresh kernel process:
#   kit cell, warm NuGet cache   the committed first cell (#r of artifacts/kit, NotebookKit.Load())
#   kit cell, cold NuGet cache   the same with NUGET_PACKAGES and NUGET_HTTP_CACHE_PATH empty (it restores nothing)
#   nuget cell, warm / cold      the first cell as it was before (three pinned #r "nuget:" lines, Plotly.NET.Interactive's
#                                formatter), for comparison; cold downloads the packages from the NuGet registry once.
# Needs: the kit built (dotnet build) and its kernel installed (coursekit kernel install, or .ci/setup-notebooks.sh),
# python3-jupyter-client. Prints one line per run and a median per case. It measures; it asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
notebook="${1:-notebooks/08-momentum.ipynb}"
runs="${2:-3}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Debian's python, which has jupyter_client (a pyenv python on PATH may not).
exec /usr/bin/python3 - "$notebook" "$runs" <<'EOF'
import json, os, shutil, statistics, subprocess, sys, tempfile, time
from jupyter_client.manager import KernelManager

notebook, runs = os.path.abspath(sys.argv[1]), int(sys.argv[2])
cells = [c for c in json.load(open(notebook, encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
source = lambda c: "".join(c["source"])
NUGET_CELL = "\n".join([
    '#r "nuget: Plotly.NET.Interactive, 6.0.0"',
    '#r "nuget: Plotly.NET.CSharp, 0.14.0"',
    '#r "nuget: Deedle, 8.1.0"',
    '#r "../artifacts/kit/CourseKit.dll"',
    "using CourseKit.Charts;",
    "using Microsoft.DotNet.Interactive.Formatting;",
    'Formatter.Register(typeof(Deedle.Frame<,>), (frame, writer) => writer.Write(FrameTable.ToHtml(frame)), HtmlFormatter.MimeType);',
])

def is_chart(msg):
    data = msg["content"].get("data", {})
    return "application/vnd.plotly.v1+json" in data or "Plotly.newPlot" in str(data.get("text/html", ""))

def run_cell(client, code):
    """Runs one cell; returns (seconds until idle, whether it produced a chart, error text or None)."""
    start = time.perf_counter()
    msg_id = client.execute(code)
    chart, error = False, None
    while True:
        msg = client.get_iopub_msg(timeout=900)
        if msg["parent_header"].get("msg_id") != msg_id: continue
        kind = msg["msg_type"]
        if kind in ("display_data", "execute_result", "update_display_data") and is_chart(msg): chart = True
        if kind == "error": error = msg["content"].get("evalue", "")[:200]
        if kind == "status" and msg["content"]["execution_state"] == "idle": break
    return time.perf_counter() - start, chart, error

def measure(first_cell, cold):
    cache = tempfile.mkdtemp(prefix="coursekit-nuget-") if cold else None
    env = dict(os.environ)
    # Cold means both NuGet caches empty: the global packages folder and the HTTP cache of downloaded .nupkg files.
    if cache: env["NUGET_PACKAGES"], env["NUGET_HTTP_CACHE_PATH"] = os.path.join(cache, "packages"), os.path.join(cache, "http")
    km = KernelManager(kernel_name=".net-csharp")
    t0 = time.perf_counter()
    km.start_kernel(cwd=os.path.dirname(notebook), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = km.client(); client.start_channels()
    try:
        client.wait_for_ready(timeout=300)
        ready = time.perf_counter() - t0
        _, _, error = run_cell(client, first_cell)
        if error: raise RuntimeError("first cell failed: " + error)
        first = time.perf_counter() - t0
        chart = None
        for cell in cells[1:]:
            _, drew, error = run_cell(client, source(cell))
            if error: raise RuntimeError(f"cell {cell.get('id')} failed: {error}")
            if drew: chart = time.perf_counter() - t0; break
        return ready, first, chart
    finally:
        client.stop_channels(); km.shutdown_kernel(now=True)
        if cache: shutil.rmtree(cache, ignore_errors=True)

cases = [("kit cell, warm NuGet cache", source(cells[0]), False, runs),
         ("kit cell, cold NuGet cache", source(cells[0]), True, 1),
         ("nuget cell, warm NuGet cache", NUGET_CELL, False, runs),
         ("nuget cell, cold NuGet cache", NUGET_CELL, True, 1)]
print(f"{os.path.basename(notebook)}: kernel start -> ready / -> end of first cell / -> first chart (seconds)")
summary = []
for name, cell, cold, n in cases:
    results = []
    for i in range(n):
        ready, first, chart = measure(cell, cold)
        results.append((ready, first, chart))
        print(f"  {name:30} run {i + 1}: ready {ready:5.1f}  first cell {first:5.1f}  first chart {chart if chart is None else round(chart, 1)}", flush=True)
    med = lambda k: statistics.median(r[k] for r in results if r[k] is not None)
    summary.append(f"  {name:30} median of {n}: ready {med(0):5.1f} s, end of first cell {med(1):5.1f} s, first chart {med(2):5.1f} s")
print("summary"); print("\n".join(summary))
EOF
