#!/usr/bin/env bash
# Run a command on a PATH that holds every program of the current PATH except node, npm, npx and
# corepack: the single executable seen as on an owner's machine without Node.js. Programs named by
# an absolute path (the test runner's own node) still run.
#   bash scripts/without-node.sh <command> [args…]
set -euo pipefail
shim=$(mktemp -d)
trap 'rm -rf "$shim"' EXIT
IFS=: read -ra dirs <<<"$PATH"
for dir in "${dirs[@]}"; do
  for file in "$dir"/*; do
    name=${file##*/}
    case $name in node | nodejs | npm | npx | corepack) continue ;; esac
    if [[ -x $file && ! -d $file && ! -e $shim/$name ]]; then ln -s "$file" "$shim/$name"; fi
  done
done
export PATH=$shim
if command -v node >/dev/null 2>&1; then
  echo "without-node.sh: node is still on the PATH" >&2
  exit 1
fi
"$@"
