#!/usr/bin/env bash
# Tools in the full-screen chat, as a user sees them in tmux, against the scripted
# Ollama-protocol server: a read-only call runs and its result streams back; a path outside the
# workspace is refused; run_command asks first (deny, allow once, always allow — saved in the
# config file); cancel during a command kills it and its children.
set -uo pipefail
source "$(dirname "$0")/../lib/e2e.sh"
trap 'stop_tmux; pkill -f "sleep 31[7]" 2>/dev/null; cleanup' EXIT
start_scripted_server --rate 40

WORKSPACE="$E2E_TMP/project"
mkdir -p "$WORKSPACE"
printf 'Ponder notes: tools run in the workspace.\nline two\n' >"$WORKSPACE/notes.txt"
echo "outside secret" >"$E2E_TMP/secret.txt"
export PONDER_CONFIG="$E2E_TMP/config.toml"
printf '# my settings\nmodel = "qwen3:8b"\n' >"$PONDER_CONFIG"

tmux_cmd -f /dev/null new-session -d -s e2e -x 120 -y 40 \
  "cd '$WORKSPACE' && PONDER_CONFIG='$PONDER_CONFIG' TERM=xterm-256color $BIN/ponder --host $SERVER_URL; echo PONDER-EXIT=\$?; sleep 60"
# The input line says "streaming…" while a turn runs; wait for it to go before the next prompt.
wait_idle() {
  for _ in $(seq 1 200); do screen_text | grep -q "› streaming…" || return 0; sleep 0.05; done
  return 1
}
send_prompt() { wait_idle; tmux_cmd send-keys -t e2e "$1" Enter; }

check "the Log lists the tools and the workspace" wait_for_screen "tools: read_file, .*run_command · workspace" 10

send_prompt "What is in [[read_file notes.txt]]?"
check "the Log shows the call with its arguments" wait_for_screen 'call read_file \{"path":"notes.txt"\}' 10
check "a read-only call runs without asking" wait_for_screen "read_file allowed: read-only" 5
check "the Log shows the result's size and time" wait_for_screen "read_file ok · [0-9]+ bytes · [0-9]+ ms" 5
check "the answer quotes the file, streamed after the call" wait_for_screen "read_file returned [0-9]+ bytes; it begins: Ponder notes" 10
check "the turn ends normally" wait_for_screen "done \(stop\)" 10

send_prompt "[[read_file ../secret.txt]]"
check "a path outside the workspace is refused" wait_for_screen "read_file failed · .*outside the workspace" 10
check "the model is told why" wait_for_screen "it begins: path \"../secret.txt\" is outside" 10

send_prompt "[[run_command echo hi]]"
check "run_command asks first" wait_for_screen "Allow run_command\?" 10
check "the overlay shows the command" wait_for_screen "command +echo hi" 2
tmux_cmd send-keys -t e2e d
check "deny is logged and the model told" wait_for_screen "run_command denied by you" 5
check "the model's answer says it was denied" wait_for_screen "it begins: The user denied" 10

send_prompt "[[run_command sleep 317 & sleep 317; echo never]]"
check "asked again" wait_for_screen "Allow run_command\?" 10
tmux_cmd send-keys -t e2e o
check "allowed once, it runs" wait_for_screen "run_command running" 5
sleep 0.5
check "the command and its child are running" bash -c '[ "$(pgrep -f "sleep 31[7]" | wc -l)" -ge 2 ]'
tmux_cmd send-keys -t e2e C-c
check "cancel ends the turn" wait_for_screen "cancelled" 5
sleep 0.5
check "cancel killed the command and its children" bash -c '! pgrep -f "sleep 31[7]" >/dev/null'

send_prompt "[[run_command echo always]]"
check "asked a third time" wait_for_screen "Allow run_command\?" 10
tmux_cmd send-keys -t e2e a
check "always allow is saved" wait_for_screen "run_command is always allowed now" 5
check "the config file holds it, the user's lines kept" bash -c "grep -q '^always_allow = \\[\"run_command\"\\]' '$PONDER_CONFIG' && grep -q '^# my settings' '$PONDER_CONFIG'"
check "the command's output goes back" wait_for_screen "it begins: exit status 0" 10

tmux_cmd send-keys -t e2e C-q
check "quit exits 0" wait_for_screen "PONDER-EXIT=0" 5

# Started again, the saved choice holds: no question.
stop_tmux
tmux_cmd -f /dev/null new-session -d -s e2e -x 120 -y 40 \
  "cd '$WORKSPACE' && PONDER_CONFIG='$PONDER_CONFIG' $BIN/ponder --host $SERVER_URL; echo PONDER-EXIT=\$?; sleep 60"
check "restarted" wait_for_screen "─ Answer ─" 10
send_prompt "[[run_command echo again]]"
check "an always-allowed tool runs without asking" wait_for_screen "run_command allowed: " 10
check "and its output goes back" wait_for_screen "it begins: exit status 0" 10
tmux_cmd send-keys -t e2e C-q
check "quit exits 0 again" wait_for_screen "PONDER-EXIT=0" 5

# An MCP server declared in the config file: its tools are offered with its name as prefix,
# asked about by default (so `ask` denies them), and run with --allow.
cat >"$E2E_TMP/mcp.toml" <<TOML
[mcp.demo]
command = "$BIN/ponder-mcp-test-server"
[mcp.demo.env]
PONDER_MCP_GREETING = "hello from the config"
TOML
mcp_ask() { (cd "$WORKSPACE" && PONDER_CONFIG="$E2E_TMP/mcp.toml" XDG_STATE_HOME="$E2E_TMP/state" \
  "$BIN/ponder" ask --host "$SERVER_URL" --model qwen3:8b "$@" 2>"$E2E_TMP/mcp.err"); }
out="$(mcp_ask '[[demo_echo {"text":"round trip"}]]')"
check "an MCP tool asks by default, so ask denies it" grep -q "\[tool\] demo_echo denied: " "$E2E_TMP/mcp.err"
out="$(mcp_ask --allow demo_echo '[[demo_echo {"text":"round trip"}]]')"
check "allowed, the MCP tool runs and its result goes back" bash -c "grep -q 'demo_echo ok' '$E2E_TMP/mcp.err' && echo '$out' | grep -q 'demo_echo returned 10 bytes; it begins: round trip'"
out="$(mcp_ask --yes '[[demo_env {"name":"PONDER_MCP_GREETING"}]]')"
check "the server got the env from the config" bash -c "echo '$out' | grep -q 'it begins: hello from the config'"
check "the server's stderr went to its log file, not the terminal" [ -f "$E2E_TMP/state/ponder/mcp-demo.log" ]
check "no MCP server is left running" bash -c '! pgrep -f "ponder-mcp-test-serve[r]" >/dev/null'
check "no ponder-mcp helper is left running" bash -c '! pgrep -f "/ponder-mc[p]\$" >/dev/null'
check "the helper's stderr went to its log file" [ -f "$E2E_TMP/state/ponder/mcp-helper.log" ]
# The MCP SDK lives in the helper: ponder itself links no MCP, Foundation networking or libcurl.
check "ponder links no MCP SDK, FoundationNetworking or libcurl" \
  bash -c "! ldd '$BIN/ponder' | grep -qE 'libcurl|FoundationNetworking' && ! nm '$BIN/ponder' | grep -q ' \\\$s3MCP'"
# Without MCP servers no helper starts.
PONDER_CONFIG="$E2E_TMP/config.toml" "$BIN/ponder" ask --host "$SERVER_URL" --model qwen3:8b hello >/dev/null 2>&1 &
ask_pid=$!
sleep 0.3
check "without MCP servers no helper starts" bash -c '! pgrep -f "/ponder-mc[p]\$" >/dev/null'
wait $ask_pid
# A ponder without its helper beside it says so in one line and still answers.
mkdir -p "$E2E_TMP/lonely"
cp "$(realpath "$BIN/ponder")" "$E2E_TMP/lonely/ponder"
out="$(cd "$WORKSPACE" && PONDER_CONFIG="$E2E_TMP/mcp.toml" XDG_STATE_HOME="$E2E_TMP/state" \
  "$E2E_TMP/lonely/ponder" ask --host "$SERVER_URL" --model qwen3:8b "hello" 2>"$E2E_TMP/lonely.err")"; code=$?
check "a missing helper is one line on stderr" \
  grep -q "MCP: MCP server \"demo\" not started: the helper $E2E_TMP/lonely/ponder-mcp is missing" "$E2E_TMP/lonely.err"
check "and the answer still comes (exit 0)" [ "$code" -eq 0 ]
# A pattern that backtracks for ever (Swift's Regex cannot be interrupted) is stopped at the
# search deadline, and the model is told; Ctrl-C during such a search ends it at once.
printf 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n' >"$WORKSPACE/evil.txt"
printf '[tools]\nsearch_timeout_seconds = 2\n' >"$E2E_TMP/slow.toml"
start=$SECONDS
out="$(cd "$WORKSPACE" && PONDER_CONFIG="$E2E_TMP/slow.toml" "$BIN/ponder" ask --host "$SERVER_URL" --model qwen3:8b \
  'look for [[search_files {"pattern":"(a+)+$"}]]' 2>&1 </dev/null)"; code=$?
check "a catastrophic pattern ends at the deadline, not never" [ $((SECONDS - start)) -lt 15 ]
check "the tool says the pattern was too slow" grep -q "pattern too slow" <<<"$out"
check "ask still finishes the answer (exit 0)" [ "$code" -eq 0 ]
check "no search worker is left running" bash -c "! pgrep -f '[_]_search-files $WORKSPACE' >/dev/null"
(cd "$WORKSPACE" && exec "$BIN/ponder" ask --host "$SERVER_URL" --model qwen3:8b 'look for [[search_files {"pattern":"(a+)+$"}]]' \
  >/dev/null 2>&1 </dev/null) &
ask_pid=$!
E2E_PIDS+=("$ask_pid")
for _ in $(seq 1 100); do pgrep -f "[_]_search-files $WORKSPACE" >/dev/null && break; sleep 0.05; done
start=$SECONDS
kill -INT "$ask_pid"; wait "$ask_pid"; code=$?
check "Ctrl-C during the search ends ask within a second or two (exit 130)" bash -c "[ $code -eq 130 ] && [ $((SECONDS - start)) -le 2 ]"
sleep 0.3
check "and kills the search worker" bash -c "! pgrep -f '[_]_search-files $WORKSPACE' >/dev/null"
# SIGTERM or SIGHUP to ask while run_command runs: the command's whole process group is killed,
# never orphaned to run on with no timeout.
for signal in TERM HUP; do
  (cd "$WORKSPACE" && exec "$BIN/ponder" ask --host "$SERVER_URL" --model qwen3:8b --allow run_command \
    'do [[run_command sleep 419 & sleep 419]]' >/dev/null 2>&1 </dev/null) &
  ask_pid=$!
  E2E_PIDS+=("$ask_pid")
  for _ in $(seq 1 100); do [ "$(pgrep -fc 'sleep 41[9]')" -ge 2 ] && break; sleep 0.05; done
  kill -"$signal" "$ask_pid"; wait "$ask_pid"; code=$?
  sleep 0.5
  check "SIG$signal to ask during run_command exits 130 and kills the command's group" \
    bash -c "[ $code -eq 130 ] && [ \$(pgrep -fc 'sleep 41[9]') -eq 0 ]"
done
finish
