#!/usr/bin/env bash
# Pulling models as a user would: the picker shows what each model can do (/api/show);
# `/model NAME` with a name the server does not list pulls it with a progress bar in the chat,
# then uses it; Ctrl-C cancels a pull (the connection closes); `ponder pull` draws one line on
# a terminal, fails with one line for an unknown model, and exits 130 on Ctrl-C.
set -uo pipefail
source "$(dirname "$0")/../lib/e2e.sh"
trap 'stop_tmux; cleanup' EXIT
start_scripted_server --full-bodies --pull-step-ms 150
last_chat_request() { grep "request POST /api/chat" "$SERVER_LOG" | tail -1; }

tmux_cmd -f /dev/null new-session -d -s e2e -x 100 -y 40 \
  "TERM=xterm-256color $BIN/ponder --host $SERVER_URL --model qwen3:8b; echo PONDER-EXIT=\$?; sleep 60"
check "the chat opens" wait_for_screen "connected: .* lists 2 models" 10

tmux_cmd send-keys -t e2e F4
check "the picker shows capabilities from /api/show" wait_for_screen "qwen3:8b +8\.2B Q4_K_M +thinking tools 41\.0k ctx" 5
check "for every listed model" wait_for_screen "llama3\.2:latest +3\.2B Q4_K_M +tools 41\.0k ctx" 5
tmux_cmd send-keys -t e2e Escape
sleep 0.3  # a key right after Esc would read as Alt-key

tmux_cmd send-keys -t e2e "/model llama3.2-vision" Enter
check "a name the server does not list is pulled" wait_for_screen "Pulling llama3\.2-vision" 5
check "with a bar, bytes, speed and time left" wait_for_screen "[0-9]+% [█▏▎▍▌▋▊▉░]+ +[0-9.]+ [KMG]?B / 1\.9 GB +[0-9.]+ [KMG]?B/s +[0-9]+s left" 5
check "the pull ends and the model is chosen" wait_for_screen "pulled llama3\.2-vision \(1\.9 GB\)" 15
check "the server lists it now" wait_for_screen "lists 3 models" 5
tmux_cmd send-keys -t e2e "Describe the picture." Enter
check "the pulled model answers" wait_for_screen "That is all\." 15
check "the request names the pulled model" grep -q '"model":"llama3.2-vision"' <<<"$(last_chat_request)"

tmux_cmd send-keys -t e2e "/model mistral" Enter
check "another pull starts" wait_for_screen "Pulling mistral" 5
sleep 0.6
tmux_cmd send-keys -t e2e C-c
check "Ctrl-C cancels it" wait_for_screen "pull of mistral cancelled; /model mistral again resumes it" 5
for _ in $(seq 1 40); do grep -q "client closed the connection: /api/pull" "$SERVER_LOG" && break; sleep 0.1; done
check "by closing the connection" grep -q "client closed the connection: /api/pull" "$SERVER_LOG"

tmux_cmd send-keys -t e2e "/model nope" Enter
check "an unknown model is one clear line" wait_for_screen "pulling nope failed: pull model manifest: file does not exist" 5
tmux_cmd send-keys -t e2e C-q
check "the chat quits" wait_for_screen "PONDER-EXIT=0" 5
stop_tmux

"$BIN/ponder" pull nope --host "$SERVER_URL" 2>"$E2E_TMP/nope.err"
status=$?
check "ponder pull nope exits 5 (as ask does for an in-band error)" [ "$status" -eq 5 ]
check "with one line on stderr" [ "$(cat "$E2E_TMP/nope.err")" = "ponder: pulling nope failed: pull model manifest: file does not exist" ]

"$BIN/ponder" pull qwen2.5 --host "$SERVER_URL" 2>"$E2E_TMP/pull.err"
status=$?
check "ponder pull exits 0" [ "$status" -eq 0 ]
check "a log gets plain lines, the last says it is done" bash -c "tail -1 '$E2E_TMP/pull.err' | grep -qx 'pulled qwen2.5 (1.9 GB)' && ! grep -q \$'\\r' '$E2E_TMP/pull.err'"
check "ponder models lists it" bash -c "'$BIN/ponder' models --host '$SERVER_URL' | grep -q '^qwen2.5:latest '"

tmux_cmd -f /dev/null new-session -d -s e2e -x 100 -y 10 \
  "$BIN/ponder pull phi4 --host $SERVER_URL; echo PULL-EXIT=\$?; sleep 60"
check "on a terminal one line is redrawn" wait_for_screen "^pulling phi4: +[0-9]+% [█▏▎▍▌▋▊▉░]+" 5
check "and ends as one line" wait_for_screen "^pulled phi4 \(1\.9 GB\)$" 15
check "exit 0" wait_for_screen "PULL-EXIT=0" 5
stop_tmux

tmux_cmd -f /dev/null new-session -d -s e2e -x 100 -y 10 \
  "$BIN/ponder pull gemma3 --host $SERVER_URL; echo PULL-EXIT=\$?; sleep 60"
check "a shell pull shows progress" wait_for_screen "^pulling gemma3: " 5
tmux_cmd send-keys -t e2e C-c
check "Ctrl-C cancels it with one line and exit 130" wait_for_screen "pull of gemma3 cancelled; the connection to .* was closed" 5
check "exit 130" wait_for_screen "PULL-EXIT=130" 5
stop_tmux
check "the server saw the pulls hang up" [ "$(grep -c "client closed the connection: /api/pull" "$SERVER_LOG")" -ge 2 ]
finish
