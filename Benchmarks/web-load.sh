#!/usr/bin/env bash
# The web app under load: `voldir serve` on 100,000 volunteers, 16 signed-in clients with wrk on
# the search page and /api/search, first on a quiet directory, then while another roster is
# imported into it; beside `voldir search` run as one process per query. Prints one table.
#
#   Benchmarks/web-load.sh                       # 100,000 volunteers, 20 s per wrk run
#   VOLUNTEERS=20000 DURATION=5s Benchmarks/web-load.sh   # a quicker look
#   REUSE=1 Benchmarks/web-load.sh               # keep the directory already in $WORK
#   DB=postgres://USER:PASSWORD@HOST:PORT/EMPTYDB Benchmarks/web-load.sh   # the same on PostgreSQL
#   VOLDIR=/path/to/voldir Benchmarks/web-load.sh   # a release already built (run.sh's static one)
#
# Targets (issue 13): p99 < 50 ms for both routes, the server's peak RSS < 300 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=Benchmarks/common.sh
. Benchmarks/common.sh

VOLUNTEERS=${VOLUNTEERS:-100000}
IMPORT_VOLUNTEERS=${IMPORT_VOLUNTEERS:-100000}
DURATION=${DURATION:-20s}
CLI_RUNS=${CLI_RUNS:-30}
WORK=${WORK:-.build-bench/web}
mkdir -p "$WORK"
DB=${DB:-$WORK/web.sqlite}
# Whether the directory is a PostgreSQL database (given empty, or kept with REUSE=1).
on_server() { case "$DB" in postgres://* | postgresql://*) return 0 ;; *) return 1 ;; esac; }
PAGE_PATH='/search?language=Polish&dbs=enhanced'
API_PATH='/api/search?skill=accountancy'
PASSWORD='bench-password-for-wrk'

for tool in wrk curl; do
    command -v "$tool" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null; }
done

if [ -n "${VOLDIR:-}" ]; then
    VOLDIR=$(realpath "$VOLDIR") # the script works from the repository's root
else
    echo "Building (release)..." >&2
    swift build -c release --product voldir >&2
    VOLDIR=.build/release/voldir
fi

# import_roster FILE NETWORK: voldir import, where 2 (some rows rejected: the generator writes a
# few bad rows on purpose) is success.
import_roster() {
    local status=0
    "$VOLDIR" import "$1" --network "$2" --db "$DB" >"$WORK/import-$2.out" 2>&1 || status=$?
    [ "$status" = 0 ] || [ "$status" = 2 ] || { cat "$WORK/import-$2.out" >&2; return "$status"; }
}

# The directory: VOLUNTEERS people in network Bench; two more rosters to import under load.
if [ "${REUSE:-0}" != 1 ] || { ! on_server && [ ! -f "$DB" ]; }; then
    on_server || rm -f "$DB" "$DB-wal" "$DB-shm"
    echo "Generating and importing $VOLUNTEERS volunteers..." >&2
    "$VOLDIR" generate --volunteers "$VOLUNTEERS" --seed 42 --output "$WORK/roster.csv" >/dev/null
    import_roster "$WORK/roster.csv" Bench
fi
for seed in 43 44; do
    "$VOLDIR" generate --volunteers "$IMPORT_VOLUNTEERS" --seed "$seed" --output "$WORK/roster-$seed.csv" >/dev/null
done
"$VOLDIR" users remove bench --db "$DB" >/dev/null 2>&1 || true
printf '%s\n' "$PASSWORD" | "$VOLDIR" users add bench --role admin --password-stdin --db "$DB" >/dev/null

# The server, on a port the kernel picks, read back from the address it prints.
server_log="$WORK/serve.out"
: >"$server_log" # emptied here: the background shell below may open it after the first read
"$VOLDIR" serve --db "$DB" --port 0 >"$server_log" 2>"$WORK/serve.err" &
server=$!
importer=""
sampler=""
stop() {
    [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
    [ -n "$importer" ] && kill "$importer" 2>/dev/null || true
    kill -INT "$server" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server" 2>/dev/null || return 0; sleep 0.1; done
    kill -KILL "$server" 2>/dev/null || true
}
trap stop EXIT
base=$(served_at "$server_log" "$server") || { cat "$WORK/serve.err" >&2; echo "voldir serve printed no address" >&2; exit 1; }
cookie=$(sign_in "$base" "$WORK/cookies.txt" "$PASSWORD")
for path in "$PAGE_PATH" "$API_PATH"; do
    status=$(curl -sS -o /dev/null -w '%{http_code}' -H "$cookie" "$base$path")
    [ "$status" = 200 ] || { echo "GET $path answered $status, not 200: is the session right?" >&2; exit 1; }
done

rows=()
# load NAME PATH: one wrk run; appends "name p50 p99 requests/s errors" to rows.
load() {
    local out="$WORK/wrk-${1//[^A-Za-z0-9]/-}.txt"
    wrk -t2 -c16 -d"$DURATION" --latency -H "$cookie" "$base$2" >"$out"
    local p50 p99 rps errors
    read -r p50 p99 rps errors <<<"$(wrk_figures "$out" || true)"
    rows+=("$1|$p50|$p99|$(printf '%.0f' "${rps:-0}")|$errors")
}

# under_import NAME PATH SEED: the same run while roster-SEED is imported into the directory.
under_import() {
    local started ended
    started=$(date +%s.%N)
    import_roster "$WORK/roster-$3.csv" "Bench-$3" &
    importer=$!
    sleep 1
    load "$1" "$2"
    local still="finished before wrk did"
    kill -0 "$importer" 2>/dev/null && still="still running when wrk ended"
    wait "$importer"
    importer=""
    ended=$(date +%s.%N)
    imports+=("roster-$3.csv ($IMPORT_VOLUNTEERS volunteers): $(awk -v a="$started" -v b="$ended" 'BEGIN { printf "%.1f", b - a }') s, $still")
}

# VmHWM counts the directory's pages that SQLite maps into memory (mmap_size) once per
# connection that maps them; PSS counts each page once. Sample PSS every half second.
rm -f "$WORK/rss.log"
while kill -0 "$server" 2>/dev/null; do
    awk '/^(Pss|Pss_Anon):/ { print $1, $2 }' "/proc/$server/smaps_rollup" >>"$WORK/rss.log" 2>/dev/null || true
    sleep 0.5
done &
sampler=$!
peak_mb() { awk -v key="$1:" '$1 == key && $2 > m { m = $2 } END { printf "%.0f", m / 1024 }' "$WORK/rss.log"; }

echo "Loading $base with 16 clients for $DURATION per run..." >&2
imports=()
load "search page" "$PAGE_PATH"
load "/api/search" "$API_PATH"
rss_quiet=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$server/status")

# The CLI beside it: one process per query, on the same directory before the imports.
cli_qps() {
    if command -v hyperfine >/dev/null; then
        hyperfine -N --warmup 3 --runs "$CLI_RUNS" --export-json "$WORK/hyperfine.json" "$*" >/dev/null 2>&1
        python3 -c 'import json,sys; print("%.1f" % (1 / json.load(open(sys.argv[1]))["results"][0]["mean"]))' \
            "$WORK/hyperfine.json"
    else
        local start end
        start=$(date +%s.%N)
        for _ in $(seq "$CLI_RUNS"); do "$@" >/dev/null; done
        end=$(date +%s.%N)
        awk -v n="$CLI_RUNS" -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", n / (b - a) }'
    fi
}
cli_page=$(cli_qps "$VOLDIR" search --language Polish --dbs enhanced --db "$DB")
cli_api=$(cli_qps "$VOLDIR" search --skill accountancy --format json --db "$DB")

under_import "search page, during import" "$PAGE_PATH" 43
under_import "/api/search, during import" "$API_PATH" 44
rss_peak=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$server/status")

echo
echo "voldir serve on $(on_server && echo PostgreSQL || echo SQLite), $VOLUNTEERS volunteers, wrk -t2 -c16 -d$DURATION, signed in ($(nproc) cores)"
printf '%-28s %9s %9s %10s %8s\n' "run" "p50 ms" "p99 ms" "req/s" "errors"
for row in "${rows[@]}"; do
    IFS='|' read -r name p50 p99 rps errors <<<"$row"
    printf '%-28s %9s %9s %10s %8s\n' "$name" "$p50" "$p99" "$rps" "$errors"
done
printf '%-28s %9s %9s %10s\n' "voldir search, per process" "" "" "$cli_page"
printf '%-28s %9s %9s %10s\n' "  --skill --format json" "" "" "$cli_api"
echo "server peak RSS (VmHWM): $rss_quiet MB after the quiet runs, $rss_peak MB after all (target < 300 MB)"
echo "server peak PSS (sampled every 0.5 s): $(peak_mb Pss) MB, of it $(peak_mb Pss_Anon) MB heap"
for line in "${imports[@]}"; do echo "import during load: $line"; done
echo "targets: p99 < 50 ms on both routes"
