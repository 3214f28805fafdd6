# Shared by the scripts in scripts/: finds the Swift toolchain and the repository root.
# shellcheck shell=bash
PONDER_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export PONDER_ROOT
if ! command -v swift >/dev/null 2>&1; then
  for candidate in /opt/swift/usr/bin /usr/share/swift/usr/bin; do
    if [ -x "$candidate/swift" ]; then PATH="$candidate:$PATH"; break; fi
  done
fi
export PATH
PONDER_CACHE="${PONDER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ponder}"
export PONDER_CACHE

say() { printf '\033[1mponder:\033[0m %s\n' "$*" >&2; }
