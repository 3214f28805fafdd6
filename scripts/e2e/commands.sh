#!/usr/bin/env bash
# Slash commands as a user types them in the chat (tmux): /help, Tab completion, an unknown
# command kept from the model, /set, /think and /system reaching the next request the server
# receives, /retry and /edit replacing the last exchange (on screen and in the saved
# conversation), /clear, /new, /copy N, /attach, the context gauge and a full context, and /quit.
set -uo pipefail
source "$(dirname "$0")/../lib/e2e.sh"
trap 'stop_tmux; cleanup' EXIT
start_scripted_server --full-bodies
DB="$XDG_DATA_HOME/ponder/ponder.sqlite"
last_chat_request() { grep "request POST /api/chat" "$SERVER_LOG" | tail -1; }
chat_requests() { grep -c "request POST /api/chat" "$SERVER_LOG"; }

tmux_cmd -f /dev/null new-session -d -s e2e -x 100 -y 30 \
  "TERM=xterm-256color $BIN/ponder --host $SERVER_URL --model qwen3:8b; echo PONDER-EXIT=\$?; sleep 60"
check "the chat opens" wait_for_screen "connected: .* lists 2 models" 10

tmux_cmd send-keys -t e2e "/he" Tab
check "Tab completes /he to /help" wait_for_screen "› /help" 3
tmux_cmd send-keys -t e2e Enter
check "/help lists the commands" wait_for_screen "╭─ Commands" 3
check "/help shows /retry and //" bash -c "tmux -L '$TMUX_SOCKET' capture-pane -t e2e -p | grep -q '/retry' && tmux -L '$TMUX_SOCKET' capture-pane -t e2e -p | grep -q '//'"
tmux_cmd send-keys -t e2e Escape
sleep 0.3  # a key right after Esc would read as Alt-key

tmux_cmd send-keys -t e2e "/nwe" Enter
check "an unknown command gets a hint" wait_for_screen "/nwe is not a command \(did you mean /new\?\)" 3
check "and never reaches the model" [ "$(chat_requests)" -eq 0 ]
tmux_cmd send-keys -t e2e C-u

for line in "/set num_ctx 4096" "/set temperature 0.2" "/think off" "/system Answer in one line."; do
  tmux_cmd send-keys -t e2e "$line" Enter
done
check "/set says when it applies" wait_for_screen "temperature = 0.2 from the next request" 3
tmux_cmd send-keys -t e2e "Why is the sky blue?" Enter
check "the answer streams" wait_for_screen "That is all\." 15
request="$(last_chat_request)"
check "the request carries num_ctx and temperature" bash -c "grep -q '\"num_ctx\":4096' <<<'$request' && grep -q '\"temperature\":0.2' <<<'$request'"
check "the request carries think off" grep -q '"think":false' <<<"$request"
check "the request starts with the system prompt" grep -q '"messages":\[{"role":"system","content":"Answer in one line."}' <<<"$request"

tmux_cmd send-keys -t e2e "/retry" Enter
check "/retry says it generates the answer again" wait_for_screen "generating the last answer again" 5
check "/retry's answer streams" wait_for_screen "That is all\." 15
sleep 0.5
request="$(last_chat_request)"
check "/retry sends the prompt once, without the old answer" \
  bash -c "[ \$(grep -o 'Why is the sky blue?' <<<'$request' | wc -l) -eq 1 ] && ! grep -q '\"role\":\"assistant\"' <<<'$request'"
check "the saved conversation holds one exchange" [ "$(sqlite3 "$DB" "SELECT COUNT(*) FROM message")" -eq 2 ]

tmux_cmd send-keys -t e2e "/edit" Enter
check "/edit puts the last prompt back" wait_for_screen "› Why is the sky blue\?" 3
tmux_cmd send-keys -t e2e BSpace " today?" Enter
check "the edited prompt is answered" wait_for_screen "That is all\." 15
sleep 0.5
check "the saved conversation holds the edited exchange only" \
  [ "$(sqlite3 "$DB" "SELECT group_concat(content, '|') FROM message WHERE role = 'user'")" = "Why is the sky blue today?" ]

printf 'first line of notes\n' >"$E2E_TMP/notes.txt"
tmux_cmd send-keys -t e2e "/attach $E2E_TMP/notes.txt" Enter
check "/attach says what it attached" wait_for_screen "attached notes.txt \(text" 5
tmux_cmd send-keys -t e2e "summarize" Enter
for _ in $(seq 1 40); do grep -q 'first line of notes' <<<"$(last_chat_request)" && break; sleep 0.1; done
check "the request holds the file's text after the prompt" grep -q 'summarize\\n\\n--- notes.txt ---\\nfirst line of notes' <<<"$(last_chat_request)"

tmux_cmd send-keys -t e2e "/copy 1" Enter
check "/copy 1 copies the first turn's answer" wait_for_screen "copied the answer of turn 1 via" 5

tmux_cmd send-keys -t e2e "/clear" Enter
check "/clear empties the screen" wait_for_screen "screen cleared; the conversation goes on" 3
tmux_cmd send-keys -t e2e "/new" Enter
check "/new starts a new conversation" wait_for_screen "new conversation \(the last one is saved as 1\)" 3
tmux_cmd send-keys -t e2e "//etc is a folder" Enter
check "// sends a literal slash" wait_for_screen "That is all\." 15
sleep 0.5
check "the request holds /etc" grep -q '"content":"/etc is a folder"' <<<"$(last_chat_request)"
check "the new conversation is saved on its own" [ "$(sqlite3 "$DB" "SELECT COUNT(*) FROM conversation")" -eq 2 ]

tmux_cmd send-keys -t e2e "/set num_ctx" Enter
check "the gauge counts against the window /api/show reports" wait_for_screen "ctx [0-9]+/41\.0k [0-9]+%" 5
tmux_cmd send-keys -t e2e "/set num_ctx 50" Enter
check "num_ctx sets the gauge's window" wait_for_screen "ctx [0-9]+/50 [0-9]+%" 5
tmux_cmd send-keys -t e2e "and again" Enter
check "a prompt that cannot fit is not sent: the ways out open" wait_for_screen "The conversation is too long for the model" 5
check "raising num_ctx is offered (Ollama)" wait_for_screen "r +raise num_ctx and send again" 3
tmux_cmd send-keys -t e2e r
check "r raises num_ctx and sends again" wait_for_screen "num_ctx = [0-9]+ from now on" 5
sleep 1
check "the request carries the raised num_ctx" grep -qE '"num_ctx":[0-9]{3,}' <<<"$(last_chat_request)"

# A 1 MB paste lands whole in the input; one over 1 MB is refused with a notice.
python3 -c "open('$E2E_TMP/paste1.txt','w').write('the quick brown fox jumps over the lazy dog ' * 23000 + 'END-OF-PASTE')"
python3 -c "open('$E2E_TMP/paste2.txt','w').write('x' * 2100000)"
tmux_cmd send-keys -t e2e "/clear" Enter
ponder_pid="$(pgrep -P "$(tmux_cmd display -p -t e2e '#{pane_pid}')" -x ponder | head -1)"
cpu_before="$(awk '{print $14 + $15}' "/proc/$ponder_pid/stat")"
tmux_cmd load-buffer "$E2E_TMP/paste1.txt"
paste_start=$(date +%s%N)
tmux_cmd paste-buffer -p -t e2e
check "a 1 MB paste shows whole in the input" wait_for_screen "END-OF-PASTE" 20
paste_ms=$((($(date +%s%N) - paste_start) / 1000000))
cpu_after="$(awk '{print $14 + $15}' "/proc/$ponder_pid/stat")"
echo "    (1 MB paste: shown after ${paste_ms} ms; Ponder's CPU $((cpu_after - cpu_before)) ticks of $(getconf CLK_TCK) a second)"
# Linear, not quadratic: the old code took 9 s for 128 KB, so minutes for 1 MB. The paste's bytes
# are read in 64 KB blocks (curses reads one byte per system call), and the input is wrapped
# once a frame: a debug build spends about 0.4 s.
check "in linear time (under 2 s of Ponder's CPU, debug build)" [ $((cpu_after - cpu_before)) -lt $((2 * $(getconf CLK_TCK))) ]
tmux_cmd send-keys -t e2e C-c
tmux_cmd load-buffer "$E2E_TMP/paste2.txt"
tmux_cmd paste-buffer -p -t e2e
check "a paste over 1 MB is refused with a notice, not cut" wait_for_screen "paste refused: 2 MB is over the 1 MB" 30

tmux_cmd send-keys -t e2e "/quit" Enter
check "/quit exits 0" wait_for_screen "PONDER-EXIT=0" 5
finish
