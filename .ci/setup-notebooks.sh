#!/usr/bin/env bash
# What the notebook tests need on a fresh machine, installed only when missing:
#   1. Debian's jupyter-nbconvert and python3-nbclient (PyPI is not reachable; apt is), so a test can
#      run notebooks through the kit's kernel over Jupyter, the way VS Code's Jupyter extension does, and
#      libjs-requirejs, the require.js nbconvert's HTML pages load from /usr/share/javascript (a page with
#      an AMD loader is the harder case for the charts' offline plotly.js);
#   2. the kit built (the notebooks load artifacts/kit/CourseKit.dll) and its kernel installed:
#      coursekit kernel install = pinned dotnet-interactive + FSharp.Core 10.1.403 + the .net-csharp
#      kernelspec (HTTP on loopback only) + VS Code settings;
#   3. for coursekit export's browser tests: Debian's chromium, and reveal.js, KaTeX and highlight.js
#      from npm into src/CourseKit.Notebooks/web/node_modules (npm ci, from the committed lock file).
# Used by .ci/run (before dotnet test) and by the dev container's post-create step.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1

missing=()
for package in jupyter-nbconvert python3-nbclient python3-jupyter-client libjs-requirejs chromium; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-notebooks: installing ${missing[*]} with apt"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
jupyter-nbconvert --version >/dev/null

# The kernelspec goes to Jupyter's user data folder, which must exist.
mkdir -p "${JUPYTER_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/jupyter}/kernels"

# The build restores exactly the packages pinned in Directory.Packages.props into the NuGet cache and copies
# them beside CourseKit.dll in artifacts/kit/, which is all a notebook's first cell references (it has no
# #r "nuget:" line, so it restores nothing, from the network or the cache).
dotnet build CourseKit.sln -nologo -v quiet
dotnet run --project src/CourseKit.Cli --no-build -- kernel install

# coursekit export copies these into every export; installing them here keeps the tests offline-clean.
if [ ! -d src/CourseKit.Notebooks/web/node_modules/reveal.js ]; then
  (cd src/CourseKit.Notebooks/web && npm ci --no-audit --no-fund --loglevel=error)
fi
