#!/usr/bin/env bash
# Tools in the full-screen chat, as a user sees them in tmux, against the scripted
# Ollama-protocol server: a read-only call runs and its result streams back; a path outside the
# workspace is refused; run_command asks first (deny, allow once, always allow — saved in the
# config file); cancel during a command kills it and its children.
set -uo pipefail
source "$(dirname "$0")/../lib/e2e.sh"
trap 'stop_tmux; pkill -f "sleep 317" 2>/dev/null; cleanup' EXIT
start_scripted_server --rate 40

WORKSPACE="$E2E_TMP/project"
mkdir -p "$WORKSPACE"
printf 'Ponder notes: tools run in the workspace.\nline two\n' >"$WORKSPACE/notes.txt"
echo "outside secret" >"$E2E_TMP/secret.txt"
export PONDER_CONFIG="$E2E_TMP/config.toml"
printf '# my settings\nmodel = "qwen3:8b"\n' >"$PONDER_CONFIG"

tmux_cmd -f /dev/null new-session -d -s e2e -x 120 -y 40 \
  "cd '$WORKSPACE' && PONDER_CONFIG='$PONDER_CONFIG' TERM=xterm-256color $BIN/ponder --host $SERVER_URL; echo PONDER-EXIT=\$?; sleep 60"
check "the Log lists the tools and the workspace" wait_for_screen "tools: read_file, .*run_command · workspace" 10

tmux_cmd send-keys -t e2e "What is in [[read_file notes.txt]]?" Enter
check "the Log shows the call with its arguments" wait_for_screen 'call read_file \{"path":"notes.txt"\}' 10
check "a read-only call runs without asking" wait_for_screen "read_file allowed: read-only" 5
check "the Log shows the result's size and time" wait_for_screen "read_file ok · [0-9]+ B · [0-9]+ ms" 5
check "the answer quotes the file, streamed after the call" wait_for_screen "read_file returned [0-9]+ bytes; it begins: Ponder notes" 10
check "the turn ends normally" wait_for_screen "done \(stop\)" 10

tmux_cmd send-keys -t e2e "[[read_file ../secret.txt]]" Enter
check "a path outside the workspace is refused" wait_for_screen "read_file failed · .*outside the workspace" 10
check "the model is told why" wait_for_screen "it begins: path \"../secret.txt\" is outside" 10

tmux_cmd send-keys -t e2e "[[run_command echo hi]]" Enter
check "run_command asks first" wait_for_screen "Allow run_command\?" 10
check "the overlay shows the command" wait_for_screen "command +echo hi" 2
tmux_cmd send-keys -t e2e d
check "deny is logged and the model told" wait_for_screen "run_command denied by you" 5
check "the model's answer says it was denied" wait_for_screen "it begins: The user denied" 10

tmux_cmd send-keys -t e2e "[[run_command sleep 317 & sleep 317; echo never]]" Enter
check "asked again" wait_for_screen "Allow run_command\?" 10
tmux_cmd send-keys -t e2e o
check "allowed once, it runs" wait_for_screen "run_command running" 5
sleep 0.5
check "the command and its child are running" bash -c '[ "$(pgrep -f "sleep 317" | wc -l)" -ge 2 ]'
tmux_cmd send-keys -t e2e C-c
check "cancel ends the turn" wait_for_screen "cancelled" 5
sleep 0.5
check "cancel killed the command and its children" bash -c '! pgrep -f "sleep 317" >/dev/null'

tmux_cmd send-keys -t e2e "[[run_command echo always]]" Enter
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
tmux_cmd send-keys -t e2e "[[run_command echo again]]" Enter
check "an always-allowed tool runs without asking" wait_for_screen "run_command allowed: " 10
check "and its output goes back" wait_for_screen "it begins: exit status 0" 10
tmux_cmd send-keys -t e2e C-q
check "quit exits 0 again" wait_for_screen "PONDER-EXIT=0" 5
finish
