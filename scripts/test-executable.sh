#!/usr/bin/env bash
# The end-to-end suite against the single executable (`npm run package` builds it), on a PATH with
# no node, as on an owner's machine; only the test runner itself runs on this node, by its full path.
# The npm package's own test (pack.test.ts) is left out: it installs with npm.
#   bash scripts/test-executable.sh [vitest args…]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
node=$(command -v node)
exe=release/coach-$("$node" -p 'process.platform + "-" + process.arch')
if [[ ! -x $exe ]]; then
  echo "$exe is missing: run npm run package first" >&2
  exit 1
fi
exec bash scripts/without-node.sh env COACH_BIN="$exe" "$node" node_modules/vitest/vitest.mjs run tests/e2e --exclude tests/e2e/pack.test.ts "$@"
