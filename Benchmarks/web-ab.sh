#!/usr/bin/env bash
# Two (or more) builds of voldir serving one directory, measured turn about: on a host whose
# speed drifts from minute to minute, a run of one build and then of the other compares the
# host's two moods. Each round gives each build DURATION of `wrk -t2 -c16` per route; the table
# is each build's median requests/s and p99 over the rounds.
#
#   Benchmarks/web-ab.sh OLD_VOLDIR NEW_VOLDIR            # on web-load.sh's directory
#   DB=postgres://… ROUNDS=6 Benchmarks/web-ab.sh A B     # on PostgreSQL (as web-load.sh left it)
#   IMPORT=roster.csv Benchmarks/web-ab.sh A B            # while that roster is imported
#
# The directory must hold web-load.sh's account (`bench`); run web-load.sh first. IMPORT adds the
# roster to it for good, as network AB-<pid>. The builds take turns in a different order each
# round (first A then B, then B then A), so neither always runs on the warmer cache.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=Benchmarks/common.sh
. Benchmarks/common.sh

[ $# -ge 2 ] || { echo "usage: $0 VOLDIR_A VOLDIR_B [...]" >&2; exit 2; }
builds=()
for build in "$@"; do
    [ -x "$build" ] || { echo "$build: not an executable voldir" >&2; exit 2; }
    builds+=("$(realpath "$build")")
done
WORK=${WORK:-.build-bench/web}
DB=${DB:-$WORK/web.sqlite}
ROUNDS=${ROUNDS:-6}
DURATION=${DURATION:-5s}
PASSWORD=${PASSWORD:-bench-password-for-wrk}
ROUTES=('/search?language=Polish&dbs=enhanced' '/api/search?skill=accountancy')
mkdir -p "$WORK"

pids=()
importer=""
stop() {
    [ -n "$importer" ] && kill "$importer" 2>/dev/null || true
    for pid in "${pids[@]}"; do kill -INT "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    done
}
trap stop EXIT

bases=()
cookies=()
for index in "${!builds[@]}"; do
    binary=${builds[$index]}
    log="$WORK/ab-serve-$index.out"
    : >"$log"
    "$binary" serve --db "$DB" --port 0 >"$log" 2>"$WORK/ab-serve-$index.err" &
    pids+=($!)
    base=$(served_at "$log" "${pids[$index]}") || { cat "$WORK/ab-serve-$index.err" >&2; exit 1; }
    bases+=("$base")
    cookie=$(sign_in "$base" "$WORK/ab-cookies-$index.txt" "$PASSWORD") || exit 1
    cookies+=("$cookie")
    for route in "${ROUTES[@]}"; do
        status=$(curl -sS -o /dev/null -w '%{http_code}' -H "$cookie" "$base$route")
        [ "$status" = 200 ] || { echo "$binary: GET $route answered $status, not 200" >&2; exit 1; }
        wrk -t2 -c16 -d2s -H "$cookie" "$base$route" >/dev/null
    done
done

if [ -n "${IMPORT:-}" ]; then
    "${builds[0]}" import "$IMPORT" --network "AB-$$" --db "$DB" >"$WORK/ab-import.out" 2>&1 &
    importer=$!
fi

results="$WORK/ab-results.txt"
: >"$results"
for round in $(seq "$ROUNDS"); do
    if [ -n "$importer" ] && ! kill -0 "$importer" 2>/dev/null; then
        echo "the import ended before round $round" >&2
        break
    fi
    order=("${!builds[@]}")
    [ $((round % 2)) = 0 ] && mapfile -t order < <(printf '%s\n' "${order[@]}" | tac)
    for route in "${ROUTES[@]}"; do
        for index in "${order[@]}"; do
            out="$WORK/ab-wrk.txt"
            wrk -t2 -c16 -d"$DURATION" --latency -H "${cookies[$index]}" "${bases[$index]}$route" >"$out"
            figures=$(wrk_figures "$out") || { echo "wrk gave no figures:" >&2; cat "$out" >&2; exit 1; }
            read -r _ p99 rps failed <<<"$figures"
            [ "$failed" = 0 ] || { echo "${builds[$index]}: $failed failed requests on $route" >&2; exit 1; }
            echo "$index $route $rps $p99" >>"$results"
        done
    done
done
[ -s "$results" ] || { echo "no round was run" >&2; exit 1; }
if [ -n "$importer" ]; then
    status=0
    wait "$importer" || status=$?
    importer=""
    # 2 is an import with some rows rejected (the generator writes a few bad rows on purpose).
    [ "$status" = 0 ] || [ "$status" = 2 ] || { cat "$WORK/ab-import.out" >&2; exit 1; }
fi

python3 - "$results" "${builds[@]}" <<'EOF'
import collections, statistics, sys
rps, p99 = collections.defaultdict(list), collections.defaultdict(list)
for line in open(sys.argv[1]):
    index, route, r, p = line.split()
    rps[(route, int(index))].append(float(r)); p99[(route, int(index))].append(float(p))
builds = sys.argv[2:]
print(f"{'route':40} {'build':40} {'rounds':>6} {'req/s':>8} {'p99 ms':>8}")
for route, index in sorted(rps):
    print(f"{route:40} {builds[index][-40:]:40} {len(rps[(route, index)]):6} "
          f"{statistics.median(rps[(route, index)]):8.1f} {statistics.median(p99[(route, index)]):8.1f}")
for route in sorted({r for r, _ in rps}):
    wins = sum(b > a for a, b in zip(rps[(route, 0)], rps[(route, 1)]))
    print(f"{route}: the second build answered more in {wins} of {len(rps[(route, 0)])} rounds")
EOF
