#!/usr/bin/env bash
# Saved conversations as a user meets them: a chat is saved and reopened (--resume, F5, ^N),
# `ponder sessions` / `export` / `ask -c`, and the answer survives the ways a chat ends badly:
# the terminal going away (SIGHUP: finished while detached), SIGTERM (interrupted), kill -9
# (the file stays sound, the next Ponder recovers the text), two writers at once, and a file
# written by a newer Ponder (left untouched). Needs tmux, sqlite3 and python3.
set -uo pipefail
source "$(dirname "$0")/../lib/e2e.sh"
trap 'stop_tmux; cleanup' EXIT
export XDG_DATA_HOME="$E2E_TMP/data" XDG_CONFIG_HOME="$E2E_TMP/config" XDG_STATE_HOME="$E2E_TMP/state"
DB="$XDG_DATA_HOME/ponder/ponder.sqlite"
P="$BIN/ponder"
start_scripted_server --rate 200
cd "$E2E_TMP" || exit 1

sql() { sqlite3 -cmd ".timeout 5000" "$DB" "$@"; }
last_answer() { sql "SELECT $1 FROM message WHERE role = 'assistant' ORDER BY id DESC LIMIT 1"; }
log_count() { grep -c "$1" "$SERVER_LOG"; }
last_chat_request() { grep "request POST /api/chat" "$SERVER_LOG" | tail -1; }
# chat ARGS...: the full-screen chat at 100x30 in a fresh tmux server, on $XDG_DATA_HOME.
chat() {
  stop_tmux
  tmux_cmd -f /dev/null new-session -d -s e2e -x 100 -y 30 -c "$E2E_TMP" \
    "env XDG_DATA_HOME='$XDG_DATA_HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' XDG_STATE_HOME='$XDG_STATE_HOME' \
TERM=xterm-256color $P --host $SERVER_URL $*; echo PONDER-EXIT=\$?; sleep 60"
  check "chat $*: opens and connects" wait_for_screen "connected: .* lists 2 models" 10
  CHAT_PID="$(pgrep -P "$(tmux_cmd display-message -p -t e2e '#{pane_pid}')" -x ponder)"
}
# gone PID SECONDS: waits until the process has exited.
gone() {
  for _ in $(seq 1 $(($2 * 10))); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  echo "    (process $1 still runs after $2 s)"; return 1
}
# screen_has PATTERN...: the screen matches every pattern now; screen_lacks PATTERN: it does not.
screen_has() { local text; text="$(screen_text)"; for p; do grep -qE "$p" <<<"$text" || return 1; done; }
screen_lacks() { ! screen_text | grep -qE "$1"; }
# sessions_has PATTERN...: `ponder sessions` prints a line matching each pattern.
sessions_has() { local text; text="$("$P" sessions)" || return 1; for p; do grep -qE "$p" <<<"$text" || return 1; done; }
sessions_count() { "$P" sessions | tail -n +2 | wc -l; }

echo "1. a chat is saved and reopened with --resume"
chat --model qwen3:8b
tmux_cmd send-keys -t e2e "Tell me about zebras" Enter
check "the answer streams to its end" wait_for_screen "That is all\." 10
tmux_cmd send-keys -t e2e C-q
check "quit exits 0" wait_for_screen "PONDER-EXIT=0" 5
check "ponder sessions lists it: id 1, the model, 2 messages, the prompt as title" \
  sessions_has '^ *1 +[0-9-]+ [0-9:]+ +qwen3:8b +2 +Tell me about zebras$'
chat -r
check "--resume shows the old prompt (reasoning echoes it) and answer" screen_has "Tell me about zebras" "That is all\."
check "--resume restores the conversation's model" wait_for_screen "ready · qwen3:8b" 3
tmux_cmd send-keys -t e2e "and what about stripes" Enter
check "the second turn streams" wait_for_screen "✓ done \(stop\)" 10
check "the second request carried the history (the first prompt)" \
  bash -c "grep 'request POST /api/chat' '$SERVER_LOG' | tail -1 | grep -q '\"messages\":\[{\"role\":\"user\",\"content\":\"Tell me about zebras\"},{\"role\":\"assistant\"'"
check "the resumed conversation now has 4 messages" sessions_has '^ *1 .* 4 +Tell me about zebras$'
check "and no second conversation was made" [ "$(sessions_count)" -eq 1 ]

echo "2. F5 sessions screen, ^N new conversation"
tmux_cmd send-keys -t e2e C-n
check "^N: the Log says a new conversation started" wait_for_screen "new conversation \(the last one is saved as 1\)" 3
tmux_cmd send-keys -t e2e "Tell me about penguins" Enter
check "the new conversation's answer streams" wait_for_screen "✓ done \(stop\)" 10
check "it was saved as conversation 2" sessions_has '^ *2 .* 2 +Tell me about penguins$'
tmux_cmd send-keys -t e2e F5
check "F5 opens the sessions screen with both" wait_for_screen "Conversations \(2\)" 3
check "both are listed" screen_has "Tell me about penguins" "Tell me about zebras"
tmux_cmd send-keys -t e2e "zebr"
check "typing filters by full-text search" wait_for_screen "Conversations \(1\)" 3
check "the filtered list shows the zebra conversation only" \
  eval "screen_has 'Search: zebr' 'Tell me about zebras' && screen_lacks penguins"
tmux_cmd send-keys -t e2e Escape
sleep 0.3
check "Esc closes the sessions screen" screen_lacks "Conversations \("
tmux_cmd send-keys -t e2e C-q
check "quit exits 0" wait_for_screen "PONDER-EXIT=0" 5

echo "3. sessions search, export"
out="$E2E_TMP/out" err="$E2E_TMP/err"
"$P" sessions search zebras >"$out" 2>"$err"; code=$?
check "sessions search finds it (exit 0, match in [brackets])" \
  bash -c "[ $code -eq 0 ] && grep -qE '^ *1 .*Tell me about zebras' '$out' && grep -q '\[zebras\]' '$out'"
"$P" sessions search nosuchwordanywhere >"$out" 2>"$err"; code=$?
check "sessions search with no match exits 1" [ "$code" -eq 1 ]
"$P" export last >"$out" 2>"$err"; code=$?
check "export last: Markdown with a title, ## You, reasoning in <details>" \
  bash -c "[ $code -eq 0 ] && grep -q '^# Tell me about penguins' '$out' && grep -q '^## You' '$out' && grep -q '^## qwen3:8b' '$out' \
    && grep -q '<details>' '$out' && grep -q '<summary>Reasoning</summary>' '$out'"
"$P" export 1 --format json >"$out" 2>"$err"; code=$?
check "export 1 --format json: one object with its 4 messages" \
  python3 -c "import json,sys; d=json.load(open('$out')); m=d['messages']; \
sys.exit(not ($code == 0 and d['id'] == 1 and d['title'] == 'Tell me about zebras' and len(m) == 4 \
and [x['role'] for x in m] == ['user', 'assistant'] * 2 and m[0]['content'] == 'Tell me about zebras' \
and 'That is all.' in m[1]['content'] and m[1]['reasoning'] and m[1]['status'] == 'complete' and 'stats' in m[1]))"

echo "4. the terminal goes away mid-answer (SIGHUP): the answer is finished and saved detached"
chat --model qwen3:8b
completed_before=$(log_count "response completed: /api/chat") closed_before=$(log_count "client closed the connection")
tmux_cmd send-keys -t e2e "a long story please" Enter
check "the long answer is streaming" wait_for_screen "● answering" 10
sleep 0.5
check "the answer is saved as it streams (status streaming)" [ "$(last_answer status)" = streaming ]
check "its releases are written as message_chunk rows" [ "$(sql "SELECT count(*) FROM message_chunk")" -gt 0 ]
hup_pid="$CHAT_PID"
tmux_cmd kill-server
check "ponder keeps reading to the end, then exits" gone "$hup_pid" 40
sleep 0.2
check "the server wrote the response to its end" [ "$(log_count "response completed: /api/chat")" -eq $((completed_before + 1)) ]
check "the server saw no hang-up" [ "$(log_count "client closed the connection")" -eq "$closed_before" ]
check "the answer's status is detached" [ "$(last_answer status)" = detached ]
check "its chunks were folded into the message" [ "$(sql "SELECT count(*) FROM message_chunk")" -eq 0 ]
"$P" export last >"$out" 2>"$err"
check "export last holds the answer and says it finished while detached" \
  bash -c "grep -q 'That is all\.' '$out' && grep -q '^> ⚠ finished while detached' '$out'"
detached_answer="$(last_answer content)"
check "the whole long answer was saved (${#detached_answer} characters)" [ "${#detached_answer}" -gt 10000 ]

echo "5. SIGTERM mid-answer: cancelled, saved as interrupted"
chat --model qwen3:8b
closed_before=$(log_count "client closed the connection")
tmux_cmd send-keys -t e2e "another long story" Enter
check "the long answer is streaming" wait_for_screen "● answering" 10
sleep 1
kill -TERM "$CHAT_PID"
check "ponder exits" gone "$CHAT_PID" 5
check "it says why" wait_for_screen "ponder: terminated" 3
sleep 0.2
check "the server saw the connection closed" [ "$(log_count "client closed the connection")" -eq $((closed_before + 1)) ]
check "the partial answer is saved as interrupted" [ "$(last_answer status)" = interrupted ]
check "with its text so far" [ "$(last_answer "length(content)")" -gt 0 ]
"$P" export last >"$out" 2>"$err"
check "export marks it interrupted" grep -q '^> ⚠ interrupted' "$out"

echo "6. ask saves; -c continues with the history; --no-save saves nothing"
"$P" ask --host "$SERVER_URL" --model qwen3:8b "first question about walruses" >"$out" 2>"$err"; code=$?
check "ask answers (exit 0)" bash -c "[ $code -eq 0 ] && grep -q 'That is all.' '$out'"
walrus_id="$(sql "SELECT id FROM conversation WHERE title = 'first question about walruses'")"
check "ask saved a conversation" [ -n "$walrus_id" ]
"$P" ask --host "$SERVER_URL" -c "and second" >"$out" 2>"$err"; code=$?
check "ask -c answers (exit 0)" [ "$code" -eq 0 ]
check "ask -c sent the first question" bash -c "grep 'request POST /api/chat' '$SERVER_LOG' | tail -1 | grep -q 'walruses'"
check "ask -c kept the model and added to the same conversation (4 messages)" \
  sessions_has "^ *$walrus_id .* qwen3:8b +4 +first question about walruses\$"
"$P" ask --host "$SERVER_URL" --session 1 "one more about zebras" >"$out" 2>"$err"; code=$?
check "ask --session 1 continues conversation 1 (6 messages)" \
  eval "[ $code -eq 0 ] && sessions_has '^ *1 .* 6 +Tell me about zebras\$'"
before=$(sql "SELECT count(*) FROM conversation"):$(sql "SELECT count(*) FROM message")
"$P" ask --host "$SERVER_URL" --model qwen3:8b --no-save "this is not saved" >"$out" 2>"$err"; code=$?
check "ask --no-save answers and adds no conversation or message" \
  bash -c "[ $code -eq 0 ] && [ \"\$(sqlite3 '$DB' 'SELECT count(*) FROM conversation'):\$(sqlite3 '$DB' 'SELECT count(*) FROM message')\" = '$before' ]"
"$P" sessions rename "$walrus_id" "Walrus notes" >"$out" 2>"$err"
check "sessions rename" sessions_has "^ *$walrus_id .* 4 +Walrus notes\$"
"$P" sessions delete "$walrus_id" >"$out" 2>"$err"; code=$?
check "sessions delete removes it and its messages" \
  bash -c "[ $code -eq 0 ] && ! '$P' sessions | grep -q 'Walrus notes' && [ \"\$(sqlite3 '$DB' 'SELECT count(*) FROM message WHERE conversation_id = $walrus_id')\" -eq 0 ]"

echo "7. kill -9 mid-answer: the file stays sound, the next Ponder recovers the text"
"$P" ask --host "$SERVER_URL" --model qwen3:8b "a long story for the crash" >/dev/null 2>&1 &
crash_pid=$!
E2E_PIDS+=("$crash_pid")
sleep 2
kill -9 "$crash_pid"; wait "$crash_pid" 2>/dev/null
check "the file passes PRAGMA integrity_check" [ "$(sql "PRAGMA integrity_check")" = ok ]
crash_id="$(last_answer id)"
check "the dead writer's answer is still marked streaming" [ "$(last_answer status)" = streaming ]
chunk_text="$(sql "SELECT group_concat(answer, '') FROM (SELECT answer FROM message_chunk WHERE message_id = $crash_id ORDER BY seq)")"
check "its released text is in message_chunk rows (${#chunk_text} characters)" \
  [ "$(sql "SELECT count(*) FROM message_chunk WHERE message_id = $crash_id")" -gt 0 ]
"$P" sessions >/dev/null 2>&1
check "the next Ponder marks it interrupted" [ "$(sql "SELECT status FROM message WHERE id = $crash_id")" = interrupted ]
check "with its text so far (the chunks, folded in)" \
  eval '[ -n "$chunk_text" ] && [ "$(sql "SELECT content FROM message WHERE id = $crash_id")" = "$chunk_text" ]'
check "and no chunks left behind" [ "$(sql "SELECT count(*) FROM message_chunk WHERE message_id = $crash_id")" -eq 0 ]

echo "7b. SIGTERM to ask mid-answer: the connection closes, the answer is saved as interrupted"
"$P" ask --host "$SERVER_URL" --model qwen3:8b "a long story to stop" >/dev/null 2>"$E2E_TMP/term.err" &
term_pid=$!
E2E_PIDS+=("$term_pid")
sleep 2
kill -TERM "$term_pid"; wait "$term_pid"; term_code=$?
check "ask exits 130 on SIGTERM" [ "$term_code" -eq 130 ]
check "its answer is saved as interrupted" [ "$(last_answer status)" = interrupted ]
check "with the text that arrived" [ "$(last_answer "length(content)")" -gt 0 ]

echo "8. two writers at once: a chat and three asks"
chat --model qwen3:8b
tmux_cmd send-keys -t e2e "a long tale for the chat" Enter
check "the chat's long answer is streaming" wait_for_screen "● answering" 10
ask_pids=()
for n in 1 2 3; do
  "$P" ask --host "$SERVER_URL" --model llama3.2:latest "long tale about otters $n" >"$E2E_TMP/ask$n.out" 2>"$E2E_TMP/ask$n.err" &
  ask_pids+=($!); E2E_PIDS+=($!)
done
codes=""
for pid in "${ask_pids[@]}"; do wait "$pid"; codes+="$?"; done
check "the three asks exit 0" [ "$codes" = 000 ]
check "none of them says the database is locked or busy" bash -c "! grep -qiE 'locked|busy|not saving' '$E2E_TMP'/ask?.err"
check "the chat's answer finishes" wait_for_screen "✓ done \(stop\)" 20
check "the chat's Log has no saving error" screen_lacks "not saving|locked"
tmux_cmd send-keys -t e2e C-q
check "quit exits 0" wait_for_screen "PONDER-EXIT=0" 5
"$P" sessions >"$out" 2>"$err"
check "all four conversations are listed" \
  bash -c "grep -qE ' 2 +a long tale for the chat$' '$out' && grep -qE 'llama3.2:latest +2 +long tale about otters 1$' '$out' \
    && grep -qE 'llama3.2:latest +2 +long tale about otters 2$' '$out' && grep -qE 'llama3.2:latest +2 +long tale about otters 3$' '$out'"
check "all four answers are complete" \
  [ "$(sql "SELECT count(*) FROM message m JOIN conversation c ON c.id = m.conversation_id
            WHERE m.role = 'assistant' AND m.status = 'complete' AND (c.title LIKE 'long tale about otters _' OR c.title = 'a long tale for the chat')")" -eq 4 ]
check "the detached answer (4.) equals a completed long answer" \
  [ "$detached_answer" = "$(sql "SELECT content FROM message m JOIN conversation c ON c.id = m.conversation_id
                                 WHERE m.role = 'assistant' AND c.title = 'a long tale for the chat'")" ]
check "the file passes PRAGMA integrity_check" [ "$(sql "PRAGMA integrity_check")" = ok ]

echo "9. a file written by a newer Ponder is left untouched"
FUTURE="$E2E_TMP/future"
mkdir -p "$FUTURE/ponder"
sql ".backup '$FUTURE/ponder/ponder.sqlite'"
sqlite3 "$FUTURE/ponder/ponder.sqlite" "INSERT INTO grdb_migrations VALUES('v99-future')"
future_sha="$(sha256sum <"$FUTURE/ponder/ponder.sqlite")"
future_dump="$(sqlite3 "$FUTURE/ponder/ponder.sqlite" .dump)"
XDG_DATA_HOME="$FUTURE" "$P" sessions >"$out" 2>"$err"; code=$?
check "ponder sessions exits 1 and says a newer Ponder wrote the file" \
  bash -c "[ $code -eq 1 ] && grep -q 'was written by a newer Ponder' '$err'"
XDG_DATA_HOME="$FUTURE" chat --model qwen3:8b
check "the Log says conversations are not saved" wait_for_screen "not saving conversations: " 3
check "and why (the line wraps)" screen_has "was written by( |$)" "a newer Ponder; this one leaves it untouched"
check "the status bar says not saving" wait_for_screen "· not saving" 3
tmux_cmd send-keys -t e2e "hello from the future" Enter
check "the chat still answers" wait_for_screen "That is all\." 10
tmux_cmd send-keys -t e2e C-q
check "quit exits 0" wait_for_screen "PONDER-EXIT=0" 5
check "the file's content (.dump) is unchanged" [ "$(sqlite3 "$FUTURE/ponder/ponder.sqlite" .dump)" = "$future_dump" ]
check "the file's bytes (sha256) are unchanged" [ "$(sha256sum <"$FUTURE/ponder/ponder.sqlite")" = "$future_sha" ]
finish
