#!/usr/bin/env bash
# The full-screen chat as a user sees it, in tmux: reasoning then answer, the terminal cursor as
# the stream's caret (a drawn ▊ while you type),
# the status bar's tok/s, pause, cancel (the server sees the connection close), copy via
# OSC 52 into tmux's buffer, resize, grapheme clusters kept whole, a cut-off answer shown as ⚠ and its retry, a cleared draft
# coming back, Ctrl-C twice to quit, zoom (F6), a long prompt wrapping, the 80-column footer,
# --theme light from the build folder, a failed theme staying in sight, config problems in the Log
# and status bar until Esc, a missing $PONDER_CONFIG refused, TERM=dumb refused with
# exit 2, Ctrl-Z and fg, and quitting back to a clean shell.
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
# The stream's caret is the terminal cursor: shown, just after the last character streamed.
caret_at_text() {
  local flag x y line
  read -r flag x y <<<"$(tmux_cmd display-message -p -t e2e '#{cursor_flag} #{cursor_x} #{cursor_y}')"
  line="$(screen_text | sed -n "$((y + 1))p")"
  [ "$flag" = 1 ] && [ "$x" -gt 0 ] && [ "${line:x-1:1}" != " " ] && [ -z "$(printf '%s' "${line:x}" | tr -d ' ')" ]
}
caret_seen=no
for _ in $(seq 1 40); do caret_at_text && { caret_seen=yes; break; }; sleep 0.05; done
check "the terminal cursor sits after the streaming text" [ "$caret_seen" = yes ]
check "no ▊ is drawn while the input is empty" eval '! screen_text | grep -q "▊"'
tmux_cmd send-keys -t e2e "draft"
glyph_seen=no
for _ in $(seq 1 40); do screen_text | grep -q "▊" && { glyph_seen=yes; break; }; sleep 0.05; done
check "typing mid-stream gives the cursor to the input and draws the ▊" [ "$glyph_seen" = yes ]
for _ in 1 2 3 4 5; do tmux_cmd send-keys -t e2e BSpace; done
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

# Grapheme clusters stay whole: ZWJ sequences and stacked marks reach the terminal complete, and
# a skin tone (which tmux 3.3 draws 4 columns wide) cannot shift the rest of the line.
tmux_cmd send-keys -t e2e "show graphemes" Enter
check "a line of clusters is shown" wait_for_screen "Clusters: .* end\\." 15
check "ZWJ sequences are written whole" bash -c "tmux -L '$TMUX_SOCKET' capture-pane -t e2e -p | grep -qF '[👩‍💻] [👨‍👩‍👧]'"
marks="[$(printf 'e\xcc\x81\xcc\x82')]"  # e, combining acute, combining circumflex
check "stacked combining marks are kept" bash -c "tmux -L '$TMUX_SOCKET' capture-pane -t e2e -p | grep -qF '$marks'"
check "the line after the clusters is in place" bash -c "tmux -L '$TMUX_SOCKET' capture-pane -t e2e -p | grep -qF '] [🇫🇷] $marks [1️⃣ ] end.'"
# The answer's end comes in the record after its last text: a prompt sent before it is refused.
check "the clusters answer is done" wait_for_screen "^ ✓ done \(stop\)" 10

# Honest endings: a length stop is ⚠, never ✓; an empty thinking answer offers the retries.
tmux_cmd send-keys -t e2e "cut:length please" Enter
check "a cut-off answer is marked ⚠ under the answer" wait_for_screen "^⚠ cut off by the length limit \(length\) · [0-9]+ tokens" 15
check "the status bar says cut off, not done" wait_for_screen "^ ⚠ cut off by the length limit \(length\) · [0-9]+ tok" 3
check "no ✓ done for the cut-off answer" bash -c "! tmux -L '$TMUX_SOCKET' capture-pane -t e2e -p | grep -q '✓ done (length)'"
check "the Log says cut off" wait_for_screen "[0-9:]{8} ⚠ cut off by the length limit \(length\) · [0-9]+ tokens" 3
tmux_cmd send-keys -t e2e "cut:thinking now" Enter
check "reasoning with no answer opens the retry box" wait_for_screen "No answer: cut off by the length limit" 15
check "the box offers more room and thinking off" bash -c "tmux -L '$TMUX_SOCKET' capture-pane -t e2e -p | grep -q 'm  retry with more room (num_predict 1024)' && tmux -L '$TMUX_SOCKET' capture-pane -t e2e -p | grep -q 't  retry with thinking off'"
tmux_cmd send-keys -t e2e m
check "m retries with more room (the Log says so)" wait_for_screen "retrying with more room: num_predict 1024" 5
check "the retry is answered in full (the server saw num_predict 1024)" wait_for_screen "^ ✓ done \(stop\)" 15
sleep 0.3
check "the saved conversation holds the retry in place of the cut-off exchange" \
  bash -c "[ \"\$('$BIN/ponder' export last | grep -cx 'cut:thinking now')\" = 1 ]"

# Nothing typed is lost: Ctrl-C clears a draft into the history; ↑ brings it back.
tmux_cmd send-keys -t e2e "my precious draft"
check "the draft is in the input" wait_for_screen "my precious draft" 3
tmux_cmd send-keys -t e2e C-c
check "Ctrl-C clears it" bash -c "sleep 0.3; ! tmux -L '$TMUX_SOCKET' capture-pane -t e2e -p | grep -q 'my precious draft'"
tmux_cmd send-keys -t e2e Up
check "↑ brings the draft back" wait_for_screen "my precious draft" 3
tmux_cmd send-keys -t e2e C-u

# Quitting with Ctrl-C takes two presses on an empty input.
tmux_cmd send-keys -t e2e C-c
check "one Ctrl-C on an empty input says to press again" wait_for_screen "Ctrl-C again to quit" 3
check "and does not quit" bash -c "sleep 0.5; ! tmux -L '$TMUX_SOCKET' capture-pane -t e2e -p | grep -q 'PONDER-EXIT'"
tmux_cmd send-keys -t e2e C-c
check "a second Ctrl-C quits (exit 0)" wait_for_screen "PONDER-EXIT=0" 5
check "the terminal is restored (the alternate screen is gone)" bash -c "! tmux -L '$TMUX_SOCKET' capture-pane -t e2e -p | grep -q '─ Answer ─'"

# Room for the conversation at 80x24, started from the build folder (a link) with --theme light.
stop_tmux
tmux_cmd -f /dev/null new-session -d -s e2e -x 80 -y 24 \
  "TERM=xterm-256color $BIN/ponder --host $SERVER_URL --model qwen3:8b --theme light; echo PONDER-EXIT=\$?; sleep 60"
check "--theme light: the chat opens from the build folder" wait_for_screen "─ Answer ─" 10
check "--theme light: no theme problem in the Log or the header" \
  bash -c "sleep 0.5; ! tmux -L '$TMUX_SOCKET' capture-pane -t e2e -p | grep -qi 'theme'"
check "80x24: the footer shows F1 help and the quit key" wait_for_screen "F1 help  \^Q quit" 3
long_prompt="$(for i in $(seq 100 159); do printf 'w%s ' "$i"; done)end"
tmux_cmd send-keys -t e2e -l "$long_prompt"
check "a ${#long_prompt}-character one-line prompt is visible in full before sending" \
  bash -c "sleep 0.5; [ \"\$(tmux -L '$TMUX_SOCKET' capture-pane -t e2e -p | awk '/^› /{on=1} on' | sed '\$d' | sed -E 's/^(› |  )//' | tr -d ' \n')\" = '${long_prompt// /}' ]"
tmux_cmd send-keys -t e2e C-u
tmux_cmd send-keys -t e2e "hi" Enter
check "80x24: an answer streams" wait_for_screen "That is all\\." 15
tmux_cmd send-keys -t e2e F6
check "F6 zooms the Answer to the whole screen" wait_for_screen "^─ Answer · zoomed \(F6 back\)" 3
check "zoomed: only the pane (no Log, Reasoning, header or input)" \
  bash -c "! tmux -L '$TMUX_SOCKET' capture-pane -t e2e -p | grep -qE '─ Log|Reasoning|ponder · qwen3|^› '"
tmux_cmd send-keys -t e2e F6
check "F6 again brings the panes back" wait_for_screen "─ Log ─" 3
tmux_cmd send-keys -t e2e C-q
check "80x24: quits cleanly" wait_for_screen "PONDER-EXIT=0" 5

# A theme that fails to load stays in sight after the Log has moved on, until Esc.
stop_tmux
tmux_cmd -f /dev/null new-session -d -s e2e -x 100 -y 30 \
  "TERM=xterm-256color $BIN/ponder --host $SERVER_URL --model qwen3:8b --theme nope; echo PONDER-EXIT=\$?; sleep 60"
check "a missing theme is named in the header" wait_for_screen "^ ponder · .*⚠ theme 'nope' not found" 10
for _ in 1 2 3 4 5 6 7 8; do tmux_cmd send-keys -t e2e C-y a; done
check "the Log has moved on" wait_for_screen "nothing to copy: no answer yet" 3
check "it stays in the header and the status bar after the Log scrolled" \
  bash -c "sleep 0.5; tmux -L '$TMUX_SOCKET' capture-pane -t e2e -p | grep -q \"⚠ theme 'nope' not found\" && tmux -L '$TMUX_SOCKET' capture-pane -t e2e -p | grep -q 'theme not loaded (Esc hides)'"
tmux_cmd send-keys -t e2e Escape
check "Esc hides it" bash -c "sleep 0.5; ! tmux -L '$TMUX_SOCKET' capture-pane -t e2e -p | grep -q 'theme not loaded'"
tmux_cmd send-keys -t e2e C-q
check "quits cleanly" wait_for_screen "PONDER-EXIT=0" 5

# Config problems go to the Log and stay in the status bar until Esc; nothing is printed before
# the screen opens, and the rest of the file still applies.
stop_tmux
cfg="$E2E_TMP/config.toml"
printf 'model = "qwen3:8b"\nmodle = "x"\n' >"$cfg"
# Tall enough for the Log to keep the line in sight next to the others at startup.
tmux_cmd -f /dev/null new-session -d -s e2e -x 120 -y 60 \
  "PONDER_CONFIG=$cfg TERM=xterm-256color $BIN/ponder --host $SERVER_URL 2>$E2E_TMP/chat.err; echo PONDER-EXIT=\$?; sleep 60"
check "a config problem is in the Log with its file, line and suggestion" \
  wait_for_screen "⚠ config: .*config.toml:2: unknown key .modle. \(did you mean .model.\?\); ignored" 10
check "the header shows it in short" wait_for_screen "^ ponder · qwen3:8b · .*⚠ config.toml:2: unknown key" 3
check "the status bar counts it until Esc" wait_for_screen "⚠ 1 config problem \(Esc hides\)" 3
tmux_cmd send-keys -t e2e Escape
check "Esc hides it from the header and the status bar" \
  bash -c "sleep 0.5; ! tmux -L '$TMUX_SOCKET' capture-pane -t e2e -p | grep -qE 'config problem|⚠ config.toml'"
tmux_cmd send-keys -t e2e C-q
check "config problems: quits cleanly" wait_for_screen "PONDER-EXIT=0" 5
check "nothing was printed on stderr around the screen" [ ! -s "$E2E_TMP/chat.err" ]
stop_tmux
tmux_cmd -f /dev/null new-session -d -s e2e -x 100 -y 30 \
  "PONDER_CONFIG=$E2E_TMP/missing.toml TERM=xterm-256color $BIN/ponder --host $SERVER_URL; echo PONDER-EXIT=\$?; sleep 60"
check "a PONDER_CONFIG that does not exist: one line, exit 2, no screen" \
  wait_for_screen "^ponder: PONDER_CONFIG names .*missing.toml, which does not exist" 10
check "PONDER_CONFIG missing: exit 2" wait_for_screen "PONDER-EXIT=2" 3

# A terminal that cannot draw the screen gets one line and exit 2, not a blank screen.
stop_tmux
tmux_cmd -f /dev/null new-session -d -s e2e -x 100 -y 30 \
  "TERM=dumb $BIN/ponder --host $SERVER_URL --model qwen3:8b; echo PONDER-EXIT=\$?; sleep 60"
check "TERM=dumb: one line suggesting ponder ask" wait_for_screen "^ponder: this terminal cannot show the chat \(TERM=dumb cannot move the cursor\); use .ponder ask" 10
check "TERM=dumb: exit 2" wait_for_screen "PONDER-EXIT=2" 3

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
# Ctrl-Z suspends like any terminal program; fg redraws it. (An interactive shell, for job control.)
stop_tmux
tmux_cmd -f /dev/null new-session -d -s e2e -x 100 -y 30 "env -i PATH=\"$PATH\" HOME=\"$HOME\" XDG_DATA_HOME=\"$XDG_DATA_HOME\" TERM=xterm-256color PS1='sh\$ ' bash --norc --noprofile -i"
sleep 0.5
tmux_cmd send-keys -t e2e "$BIN/ponder --host $SERVER_URL --model qwen3:8b" Enter
check "Ctrl-Z: the chat opens" wait_for_screen "─ Answer ─" 10
tmux_cmd send-keys -t e2e "kept while stopped"
sleep 0.3
tmux_cmd send-keys -t e2e C-z
check "Ctrl-Z stops it and gives the shell back" wait_for_screen "Stopped" 5
check "the terminal is restored (no panes)" bash -c "! tmux -L '$TMUX_SOCKET' capture-pane -t e2e -p | grep -q '─ Answer ─'"
tmux_cmd send-keys -t e2e "fg" Enter
check "fg redraws the whole screen" wait_for_screen "─ Answer ─" 5
check "the draft survived the suspension" wait_for_screen "kept while stopped" 3
tmux_cmd send-keys -t e2e C-q
check "after fg it still quits back to the shell" bash -c "sleep 0.5; ! tmux -L '$TMUX_SOCKET' capture-pane -t e2e -p | grep -q '─ Answer ─'"
tmux_cmd send-keys -t e2e 'echo PONDER-EXIT=$?' Enter
check "after fg it still quits cleanly (exit 0)" wait_for_screen "PONDER-EXIT=0" 5

# An interactive stdin is not read: ask does not wait for it.
tmux_cmd send-keys -t e2e "$BIN/ponder ask --host $SERVER_URL --model llama3.2 'hi from a tty' >/dev/null 2>&1; echo ASK-EXIT=\$?" Enter
check "ask with a terminal on stdin answers without reading it" wait_for_screen "ASK-EXIT=0" 10

for signal in TERM HUP; do
  run_variant "SIG$signal" 80 24 "TERM=xterm-256color"
  pkill -"$signal" -f "^$BIN/ponder --host $SERVER_URL" || true
  check "SIG$signal: exits and says why" wait_for_screen "ponder: (terminated|hang-up)" 5
  check "SIG$signal: the terminal is restored" bash -c "! tmux -L '$TMUX_SOCKET' capture-pane -t e2e -p | grep -q '─ Answer ─'"
done
finish
