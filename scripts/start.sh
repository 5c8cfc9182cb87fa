#!/usr/bin/env bash
# One command for a new machine: install, build, and start Stackdraft with an example open.
# Opens the Electron window where the Electron binary exists; otherwise (no binary, e.g. a
# server without a display) starts the browser variant and prints the address to open.
set -euo pipefail
cd "$(dirname "$0")/.."
EXAMPLE="${1:-resources/examples/breakpilot.stackdraft.yaml}"
if [ ! -d node_modules ]; then
  if [ "${STACKDRAFT_WEB:-}" = 1 ]; then export ELECTRON_SKIP_BINARY_DOWNLOAD=1; fi
  npm ci --no-audit --no-fund || ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
if [ "${STACKDRAFT_WEB:-}" != 1 ] && node -e "require('child_process').execFileSync(require('electron'), ['--version'], {stdio: 'ignore'})" 2>/dev/null; then
  npm run build
  exec npx electron . "$EXAMPLE"
fi
echo "The Electron binary is not available here; starting the browser variant (npm run dev:web)."
exec npm run dev:web -- "$EXAMPLE"
