#!/usr/bin/env bash
# The lab's default grid (no ε search) in CourseKit and in PyTorch, side by side on the same cores, in one run:
# ROUNDS rounds (default 3), each running ours and PyTorch's at 1 and at 2 threads back to back, so the VM's slow
# spells hit both. Prints each measurement and, per thread count, the median samples/s and ours ÷ PyTorch.
# Needs Debian's python3-torch (apt-get install python3-torch). Usage: bash tests/CourseKit.Benchmarks/peers/lab-vs-pytorch.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROUNDS=${ROUNDS:-3}
/usr/bin/python3 -c "import torch" 2>/dev/null || { echo "lab-vs-pytorch: needs PyTorch (sudo apt-get install python3-torch)" >&2; exit 2; }
dotnet build -c Release src/CourseKit.Cli -nologo -v quiet >/dev/null
cli="src/CourseKit.Cli/bin/Release/net10.0/CourseKit.Cli.dll"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results="$work/results.txt"
for round in $(seq "$ROUNDS"); do
  for threads in 1 2; do
    line=$(dotnet "$cli" lab --no-search --threads "$threads" --out "$work/ours-$round-$threads" 2>&1 | tr -d '\r' | grep -Eo '[0-9,]+ samples/s' | tail -1 | tr -d ', samples/')
    echo "ours $threads $line" | tee -a "$results"
    torch=$(/usr/bin/python3 tests/CourseKit.Benchmarks/peers/torch_lab_grid.py "$threads" | python3 -c "import json,sys; print(json.load(sys.stdin)['samples_per_s'])")
    echo "pytorch $threads $torch" | tee -a "$results"
  done
done
python3 - "$results" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
print("\nthreads | ours samples/s | PyTorch samples/s | ours / PyTorch   (medians over rounds)")
for t in ("1", "2"):
    ours = statistics.median(float(r[2]) for r in rows if r[0] == "ours" and r[1] == t)
    torch = statistics.median(float(r[2]) for r in rows if r[0] == "pytorch" and r[1] == t)
    print(f"{t:>7} | {ours:>14,.0f} | {torch:>17,.0f} | {ours / torch:.2f}x")
PY
