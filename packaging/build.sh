#!/usr/bin/env bash
# Build the one-folder app with PyInstaller:  packaging/build.sh [OUTDIR]   (default: ./build/pyinstaller, git-ignored)
# Result: OUTDIR/dist/backprop-playground/backprop-playground  (Windows: .exe; macOS: also the .app).
# Needs: pip install -e . && pip install pyinstaller==6.22.3   (build on each OS for that OS).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mkdir -p "${1:-$root/build/pyinstaller}" && cd "${1:-$root/build/pyinstaller}" && pwd)"
cd "$root"
python -m PyInstaller --noconfirm --clean \
  --distpath "$out/dist" --workpath "$out/build" \
  packaging/backprop-playground.spec
echo "Built $out/dist/backprop-playground/"
