# What the benchmark scripts share (sourced, never run): timing a command into $WORK and reading
# the figures back.

# measure NAME COMMAND...: wall seconds and peak resident KB of COMMAND into $WORK/NAME.time,
# its output into $WORK/NAME.out and .err. A failing command is measured all the same.
measure() {
    local name=$1
    shift
    /usr/bin/time -f "%e %M" -o "$WORK/$name.time" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" || true
}
# seconds NAME, megabytes NAME: what measure NAME recorded.
seconds() { tail -n 1 "$WORK/$1.time" | awk '{print $1}'; }
megabytes() { tail -n 1 "$WORK/$1.time" | awk '{printf "%.0f", $2/1024}'; }
# field FILE KEY: one value of a JSON object.
field() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$1" "$2"; }
# ratio A B: A / B to two places, "n/a" when B is 0.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
# changed_roster IN OUT: IN with every hundredth row given one more skill (Gardening): the same
# 1% every run, each row still the same person. Kept when OUT exists.
changed_roster() {
    [ -f "$2" ] || python3 - "$1" "$2" <<'PY'
import csv
import sys

with open(sys.argv[1], newline="", encoding="utf-8-sig") as source, open(sys.argv[2], "w", newline="", encoding="utf-8") as target:
    rows = csv.reader(source)
    out = csv.writer(target, lineterminator="\n")
    out.writerow(next(rows))
    for number, row in enumerate(rows, 1):
        if number % 100 == 0 and len(row) > 6:
            row[6] = (row[6] + "; " if row[6].strip() else "") + "Gardening"
        out.writerow(row)
PY
}
# served_at LOG PID: the address `voldir serve` (process PID) printed into LOG, once it has; fails
# when the server ended first or printed none in 30 s.
served_at() {
    local base=""
    for _ in $(seq 300); do
        base=$(sed -n 's|^voldir serve: \(http://[^ ]*\)/ .*|\1|p' "$1")
        [ -n "$base" ] && { echo "$base"; return 0; }
        kill -0 "$2" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}
# sign_in BASE JAR PASSWORD: signs the account bench in as a browser does (the form's csrf field
# and sign-in cookie, then the session cookie, kept in JAR) and prints the session's header.
sign_in() {
    local csrf session
    rm -f "$2"
    csrf=$(curl -fsS -c "$2" "$1/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1) || return 1
    curl -fsS -o /dev/null -b "$2" -c "$2" --data-urlencode "csrf=$csrf" --data-urlencode "name=bench" \
        --data-urlencode "password=$3" "$1/login" || return 1
    session=$(awk '$6 == "voldir_session" { print $7 }' "$2")
    [ -n "$session" ] || { echo "signing in as bench gave no voldir_session cookie" >&2; return 1; }
    echo "Cookie: voldir_session=$session"
}
# wrk_figures FILE: what `wrk --latency` wrote to FILE, as "P50 P99 REQUESTS/S FAILED" (latencies
# in milliseconds from wrk's "812.00us", "3.21ms" or "1.02s"; FAILED counts answers other than
# 2xx or 3xx, and socket errors); fails when FILE holds no figures.
wrk_figures() {
    awk 'function ms(v) { n = v + 0; if (v ~ /us$/) return n / 1000; if (v ~ /ms$/) return n; if (v ~ /s$/) return n * 1000; return n }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        $1 == "Requests/sec:" { rps = $2 }
        /Non-2xx or 3xx responses:/ { failed += $NF }
        /Socket errors:/ { failed += 1 }
        END { if (p99 == "" || rps == "") exit 1; printf "%.2f %.2f %s %d\n", p50, p99, rps, failed }' "$1"
}
