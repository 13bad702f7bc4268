#!/usr/bin/env bash
# The shared deployment's figures, each beside the SQLite figure and the baselines from the same
# run: CSV import end to end (voldir on SQLite and on PostgreSQL, the Python csv + sqlite3 loader,
# and psql's \copy of the same file into one table: the floor), search latency in process and as
# one process per query, and matching MATCH_VOLUNTEERS x NEEDS. It starts its own PostgreSQL
# cluster (fsync on, as a deployment has it) with .ci/postgres-cluster, or uses POSTGRES, the URL
# of an account that may create databases.
#
#   Benchmarks/postgres.sh                            # 1,000,000 volunteers
#   VOLUNTEERS=100000 Benchmarks/postgres.sh          # a quicker look
#
# Targets (issue 15, at 1,000,000 volunteers): import no slower than the Python loader; search
# p99 < 20 ms; matching 100,000 x 2,000 < 5 s.
set -euo pipefail
cd "$(dirname "$0")/.."

VOLUNTEERS=${VOLUNTEERS:-1000000}
MATCH_VOLUNTEERS=${MATCH_VOLUNTEERS:-100000}
NEEDS=${NEEDS:-2000}
QUERIES=${QUERIES:-2000}
CLI_RUNS=${CLI_RUNS:-20}
WORK=${WORK:-.build-bench/postgres}
mkdir -p "$WORK"

command -v psql >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client >/dev/null; }
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }

echo "Building (release)..." >&2
swift build -c release --product voldir >&2
swift build -c release --product voldir-benchmarks >&2
VOLDIR=.build/release/voldir
BENCH=.build/release/voldir-benchmarks

cluster=""
if [ -z "${POSTGRES:-}" ]; then
    cluster=$(mktemp -d /tmp/voldir-bench-postgres.XXXXXX)
    trap '.ci/postgres-cluster stop "$cluster"' EXIT
    POSTGRES=$(DURABLE=1 .ci/postgres-cluster start "$cluster")
fi
server=${POSTGRES%%\?*}
server=${server%/*}
# database NAME: a new, empty database on the server, and its URL.
database() {
    psql -q "$server/postgres" -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null
    echo "$server/$1?sslmode=disable"
}

# shellcheck source=Benchmarks/common.sh
. Benchmarks/common.sh

roster="$WORK/roster-$VOLUNTEERS.csv"
matchroster="$WORK/match-$MATCH_VOLUNTEERS.csv"
[ -f "$roster" ] || $VOLDIR generate --volunteers "$VOLUNTEERS" --seed 7 --output "$roster" 2>/dev/null
[ -f "$matchroster" ] || $VOLDIR generate --volunteers "$MATCH_VOLUNTEERS" --needs "$NEEDS" --seed 42 --output "$matchroster" 2>/dev/null

echo "CSV import of $VOLUNTEERS volunteers..." >&2
rm -f "$WORK"/import-*.sqlite*
pg_import=$(database voldir_bench_import)
measure import-sqlite $VOLDIR import "$roster" --db "$WORK/import-sqlite.sqlite"
measure import-postgres $VOLDIR import "$roster" --db "$pg_import"
echo "Re-import with 1% of rows changed..." >&2
changed_roster "$roster" "$WORK/roster-$VOLUNTEERS-changed.csv"
measure reimport-sqlite $VOLDIR import "$WORK/roster-$VOLUNTEERS-changed.csv" --db "$WORK/import-sqlite.sqlite"
measure reimport-postgres $VOLDIR import "$WORK/roster-$VOLUNTEERS-changed.csv" --db "$pg_import"
measure import-python python3 Benchmarks/python_loader.py "$roster" "$WORK/import-python.sqlite"
floor=$(database voldir_bench_floor)
psql -q "$floor" -c "CREATE TABLE roster (ref TEXT, name TEXT, email TEXT, phone TEXT, postcode TEXT, network TEXT,
  skills TEXT, languages TEXT, availability TEXT, dbs TEXT, consent TEXT, age_band TEXT, extra1 TEXT, extra2 TEXT,
  extra3 TEXT, extra4 TEXT)" >/dev/null
columns=$(head -n 1 "$roster" | awk -F, '{print NF}')
copy_columns=$(psql -tA "$floor" -c "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM (SELECT column_name, ordinal_position FROM information_schema.columns WHERE table_name = 'roster' ORDER BY ordinal_position LIMIT $columns) c")
measure import-copy psql -q "$floor" -c "\\copy roster ($copy_columns) FROM '$roster' WITH (FORMAT csv, HEADER true)"

echo "Search, $QUERIES queries in process and $CLI_RUNS processes..." >&2
$BENCH search --db "$WORK/import-sqlite.sqlite" --queries "$QUERIES" >"$WORK/search-sqlite.json"
$BENCH search --db "$pg_import" --queries "$QUERIES" >"$WORK/search-postgres.json"
per_process() {
    local start end
    start=$(date +%s.%N)
    for _ in $(seq "$CLI_RUNS"); do $VOLDIR search --skill "first aid" --language ur --area SK4 --db "$1" >/dev/null 2>&1; done
    end=$(date +%s.%N)
    awk -v n="$CLI_RUNS" -v a="$start" -v b="$end" 'BEGIN { printf "%.0f", (b - a) / n * 1000 }'
}
process_sqlite=$(per_process "$WORK/import-sqlite.sqlite")
process_postgres=$(per_process "$pg_import")

echo "Matching $MATCH_VOLUNTEERS x $NEEDS..." >&2
rm -f "$WORK"/match-*.sqlite*
pg_match=$(database voldir_bench_match)
# The roster and its needs (generate writes them beside each other): without the needs there is
# nothing to match, which is what this step measured until 2026-11-30 20:40.
matchneeds="${matchroster%.csv}-needs.csv"
$VOLDIR import "$matchroster" "$matchneeds" --db "$WORK/match-sqlite.sqlite" >/dev/null 2>&1 || true
$VOLDIR import "$matchroster" "$matchneeds" --db "$pg_match" >/dev/null 2>&1 || true
measure match-sqlite $VOLDIR match --format json --output "$WORK/match-sqlite.json" --db "$WORK/match-sqlite.sqlite"
measure match-postgres $VOLDIR match --format json --output "$WORK/match-postgres.json" --db "$pg_match"

python_s=$(seconds import-python)
echo
echo "PostgreSQL beside SQLite, $VOLUNTEERS volunteers ($(nproc) cores; PostgreSQL $(psql -tA "$server/postgres" -c 'SHOW server_version'), fsync on)"
printf '%-44s %12s %12s %10s\n' "job" "SQLite" "PostgreSQL" "baseline"
printf '%-44s %11ss %11ss %9ss\n' "CSV import, end to end (Python loader)" "$(seconds import-sqlite)" "$(seconds import-postgres)" "$python_s"
printf '%-44s %12s %12s\n' "  ratio to the Python loader (target <= 1.0)" "$(ratio "$(seconds import-sqlite)" "$python_s")" "$(ratio "$(seconds import-postgres)" "$python_s")"
printf '%-44s %12s %12s %9ss\n' "  psql \\copy into one table (the floor)" "" "" "$(seconds import-copy)"
printf '%-44s %11sM %11sM\n' "  voldir peak memory" "$(megabytes import-sqlite)" "$(megabytes import-postgres)"
printf '%-44s %11ss %11ss\n' "Re-import, 1% of rows changed" "$(seconds reimport-sqlite)" "$(seconds reimport-postgres)"
printf '%-44s %12s %12s\n' "  ratio to the Python loader's full load" "$(ratio "$(seconds reimport-sqlite)" "$python_s")" "$(ratio "$(seconds reimport-postgres)" "$python_s")"
printf '%-44s %10sms %10sms\n' "search p50, in process" "$(field "$WORK/search-sqlite.json" p50_ms)" "$(field "$WORK/search-postgres.json" p50_ms)"
printf '%-44s %10sms %10sms\n' "search p99, in process (target < 20 ms)" "$(field "$WORK/search-sqlite.json" p99_ms)" "$(field "$WORK/search-postgres.json" p99_ms)"
printf '%-44s %10sms %10sms\n' "voldir search, one process per query" "$process_sqlite" "$process_postgres"
printf '%-44s %11ss %11ss\n' "match $MATCH_VOLUNTEERS x $NEEDS (target < 5 s)" "$(seconds match-sqlite)" "$(seconds match-postgres)"
printf '%-44s %11sM %11sM\n' "  match peak memory" "$(megabytes match-sqlite)" "$(megabytes match-postgres)"
python3 -c 'import json, sys; assert json.load(open(sys.argv[1]))["assignments"]' "$WORK/match-sqlite.json" 2>/dev/null \
    || echo "matching: nobody was placed: the needs were not imported (see $WORK)"
cmp -s "$WORK/match-sqlite.json" "$WORK/match-postgres.json" && echo "matching: the same report from both stores" \
    || echo "matching: the two stores' reports differ (see $WORK/match-*.json)"
