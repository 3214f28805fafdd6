#!/usr/bin/env bash
# The full-screen chat as a user sees it, in tmux: reasoning then answer, the blinking ▊,
# the status bar's tok/s, pause, cancel (the server sees the connection close), copy via
# OSC 52 into tmux's buffer, resize, and quitting back to a clean shell.
set -uo pipefail
source "$(dirname "$0")/../lib/e2e.sh"
trap 'stop_tmux; cleanup' EXIT
start_scripted_server --rate 25

tmux_cmd -f /dev/null new-session -d -s e2e -x 100 -y 30 \
  "TERM=xterm-256color $BIN/ponder --host $SERVER_URL --model qwen3:8b; echo PONDER-EXIT=\$?; sleep 60"
tmux_cmd set-option -g set-clipboard on
check "the chat opens with its panes" wait_for_screen "─ Answer ─" 10
check "the Log says the server was reached" wait_for_screen "connected: .* lists 2 models" 5

tmux_cmd send-keys -t e2e "Why is the sky blue?" Enter
check "reasoning streams into the Reasoning pane" wait_for_screen "Let me think about" 10
cursor_seen=no
for _ in $(seq 1 40); do screen_text | grep -q "▊" && { cursor_seen=yes; break; }; sleep 0.05; done
check "the ▊ cursor is visible mid-stream" [ "$cursor_seen" = yes ]
check "the status bar shows a live tok/s" wait_for_screen "● (thinking|answering) · [0-9]+ tok · .* tok/s" 5
check "the answer follows the reasoning" wait_for_screen "That is all\." 15
check "the status bar shows the server's figures at the end" wait_for_screen "✓ done \(stop\) · [0-9]+ tok · .*tok/s \(server\)" 5

tmux_cmd send-keys -t e2e "a long story please" Enter
check "a second turn streams" wait_for_screen "turn 2" 10
tmux_cmd send-keys -t e2e C-p
check "pause shows PAUSED and the backlog" wait_for_screen "PAUSED · backlog" 3
tmux_cmd send-keys -t e2e C-p
check "resume streams again" wait_for_screen "● (thinking|answering)" 3
sleep 1
tmux_cmd send-keys -t e2e C-c
check "cancel marks the partial answer" wait_for_screen "cancelled after [0-9]+ tokens" 5
sleep 0.3
check "the server saw the connection closed" grep -q "client closed the connection: /api/chat" "$SERVER_LOG"

tmux_cmd send-keys -t e2e C-y
check "the copy menu opens" wait_for_screen "╭─ Copy" 3
tmux_cmd send-keys -t e2e 1
check "the Log says how the copy went" wait_for_screen "copied code block 1 via .*OSC 52" 5
check "OSC 52 put the code block in tmux's buffer" bash -c "tmux -L '$TMUX_SOCKET' show-buffer | grep -q 'let greeting'"

tmux_cmd resize-window -t e2e -x 70 -y 20
check "resize re-lays out (no Log pane at 70x20)" bash -c "sleep 0.5; ! tmux -L '$TMUX_SOCKET' capture-pane -t e2e -p | grep -q '─ Log ─'"
tmux_cmd resize-window -t e2e -x 100 -y 30
check "the Log comes back at 100x30" wait_for_screen "─ Log ─" 3

tmux_cmd send-keys -t e2e C-q
check "quit exits 0" wait_for_screen "PONDER-EXIT=0" 5
check "the terminal is restored (the alternate screen is gone)" bash -c "! tmux -L '$TMUX_SOCKET' capture-pane -t e2e -p | grep -q '─ Answer ─'"

# Every exit path restores the terminal; other terminal types and tiny sizes still work.
run_variant() {  # run_variant DESCRIPTION WIDTH HEIGHT ENV...
  local description="$1" width="$2" height="$3"; shift 3
  stop_tmux
  tmux_cmd -f /dev/null new-session -d -s e2e -x "$width" -y "$height" \
    "env $* $BIN/ponder --host $SERVER_URL --model qwen3:8b; echo PONDER-EXIT=\$?; sleep 60"
  check "$description: starts and draws" wait_for_screen "ponder · qwen3:8b|needs at least" 10
}
for variant in "TERM=linux" "TERM=screen" "TERM=xterm NO_COLOR=1" "TERM=tmux-256color"; do
  run_variant "$variant at 80x24" 80 24 "$variant"
  tmux_cmd send-keys -t e2e "hi" Enter
  check "$variant: streams an answer" wait_for_screen "That is all\\." 15
  tmux_cmd send-keys -t e2e C-q
  check "$variant: quits cleanly" wait_for_screen "PONDER-EXIT=0" 5
done
run_variant "40x12" 40 12 "TERM=xterm-256color"
tmux_cmd send-keys -t e2e "hi" Enter
check "40x12: the answer still streams" wait_for_screen "That is all\\." 15
tmux_cmd resize-window -t e2e -x 30 -y 10
check "30x10: says the terminal is too small" wait_for_screen "needs at least 40×12" 3
for signal in TERM HUP; do
  run_variant "SIG$signal" 80 24 "TERM=xterm-256color"
  pkill -"$signal" -f "^$BIN/ponder --host $SERVER_URL" || true
  check "SIG$signal: exits and says why" wait_for_screen "ponder: (terminated|hang-up)" 5
  check "SIG$signal: the terminal is restored" bash -c "! tmux -L '$TMUX_SOCKET' capture-pane -t e2e -p | grep -q '─ Answer ─'"
done
finish
