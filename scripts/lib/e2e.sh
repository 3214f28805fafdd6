# Helpers for scripts/e2e/*.sh: start the scripted server, check results, clean up by PID.
# shellcheck shell=bash
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
BIN="$PONDER_ROOT/.build/debug"
# `ponder ask` reads stdin when it is not a terminal; a runner's stdin may be a pipe that never
# closes, so the checks give it none unless they pipe something in themselves.
exec </dev/null
E2E_TMP="$(mktemp -d)"
# Conversations the checks save go to a folder of their own, never the user's.
export XDG_DATA_HOME="$E2E_TMP/data"
E2E_PIDS=()
E2E_FAILURES=0

cleanup() {
  for pid in "${E2E_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$E2E_TMP"
}
trap cleanup EXIT

# Starts the scripted Ollama-protocol server; sets SERVER_URL and SERVER_LOG.
start_scripted_server() {
  SERVER_LOG="$E2E_TMP/server.log"
  "$BIN/ponder-test-server" --port-file "$E2E_TMP/url" "$@" >/dev/null 2>"$SERVER_LOG" &
  E2E_PIDS+=($!)
  for _ in $(seq 1 100); do [ -s "$E2E_TMP/url" ] && break; sleep 0.05; done
  SERVER_URL="$(cat "$E2E_TMP/url")"
}

check() {  # check DESCRIPTION CONDITION...
  local description="$1"; shift
  if "$@"; then echo "  ok    $description"; else echo "  FAIL  $description"; E2E_FAILURES=$((E2E_FAILURES + 1)); fi
}

finish() { [ "$E2E_FAILURES" -eq 0 ]; }

# tmux helpers on a private socket, so tests never touch the user's sessions.
TMUX_SOCKET="ponder-e2e-$$"
tmux_cmd() { tmux -L "$TMUX_SOCKET" "$@"; }
screen_text() { tmux_cmd capture-pane -t e2e -p; }
# wait_for_screen PATTERN [SECONDS]: polls the screen until grep -E matches.
wait_for_screen() {
  local pattern="$1" seconds="${2:-10}"
  for _ in $(seq 1 $((seconds * 20))); do
    screen_text | grep -qE "$pattern" && return 0
    sleep 0.05
  done
  echo "    (screen did not show /$pattern/ within ${seconds}s; it shows:)"; screen_text | sed 's/^/    | /'
  return 1
}
stop_tmux() {
  tmux_cmd kill-server 2>/dev/null || true
  for _ in $(seq 1 40); do tmux_cmd has-session 2>/dev/null || break; sleep 0.05; done
  sleep 0.2
}
