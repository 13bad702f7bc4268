#!/usr/bin/env bash
# Runs the whole benchmark suite and prints one table, each figure beside its baseline measured
# in the same run (machines here are noisy, so ratios are what to compare).
#
#   Benchmarks/run.sh                 # 1,000,000 volunteers (about 15 minutes on 2 cores)
#   VOLUNTEERS=100000 Benchmarks/run.sh   # a quicker look
#   REUSE=1 Benchmarks/run.sh          # keep import figures already measured in $WORK
#   STATIC_BUILD=/tmp/b Benchmarks/run.sh   # where voldir's release build goes (.build-static)
set -euo pipefail
cd "$(dirname "$0")/.."

VOLUNTEERS=${VOLUNTEERS:-1000000}
MATCH_VOLUNTEERS=${MATCH_VOLUNTEERS:-100000}
LARGE_MATCH_VOLUNTEERS=${LARGE_MATCH_VOLUNTEERS:-300000}
LARGE_MATCH_NEEDS=${LARGE_MATCH_NEEDS:-1000}
WORKBOOK_ROWS=${WORKBOOK_ROWS:-100000}
NEEDS=${NEEDS:-2000}
QUERIES=${QUERIES:-2000}
WORK=${WORK:-.build-bench}
mkdir -p "$WORK"

# What the baselines need, installed when missing (root on these machines).
need_apt=()
command -v xmllint >/dev/null || need_apt+=(libxml2-utils)
command -v openssl >/dev/null || need_apt+=(openssl)
command -v sqlite3 >/dev/null || need_apt+=(sqlite3)
[ -x /usr/bin/time ] || need_apt+=(time)
pkg-config --exists libxml-2.0 || need_apt+=(libxml2-dev)
pkg-config --exists sqlite3 || need_apt+=(libsqlite3-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
python3 -c "import scipy" 2>/dev/null || pip install -q scipy
python3 -c "import openpyxl" 2>/dev/null || pip install -q openpyxl

echo "Building (release)..." >&2
# voldir as a release is built to be installed (README, "Installing voldir"): with the Swift
# runtime and Foundation linked in, which takes about 5 ms of loading and relocating off every
# process. Its own build folder, so that the usual build in .build is left as it is (the first
# build there takes several minutes).
STATIC_BUILD=${STATIC_BUILD:-.build-static}
swift build -c release --product voldir --static-swift-stdlib --scratch-path "$STATIC_BUILD" >&2
swift build -c release --product voldir-benchmarks >&2
VOLDIR=$STATIC_BUILD/release/voldir
BENCH=.build/release/voldir-benchmarks

# shellcheck source=Benchmarks/common.sh
. Benchmarks/common.sh

echo "Generating $VOLUNTEERS volunteers (roster and feed) and $MATCH_VOLUNTEERS x $NEEDS for matching..." >&2
[ -f "$WORK/roster-$VOLUNTEERS.csv" ] || $VOLDIR generate --volunteers "$VOLUNTEERS" --seed 7 --output "$WORK/roster-$VOLUNTEERS.csv" 2>/dev/null
[ -f "$WORK/feed-$VOLUNTEERS.xml" ] || $VOLDIR generate --volunteers "$VOLUNTEERS" --needs "$NEEDS" --seed 7 --format sector3 --output "$WORK/feed-$VOLUNTEERS.xml" 2>/dev/null
[ -f "$WORK/roster-$WORKBOOK_ROWS.csv" ] || $VOLDIR generate --volunteers "$WORKBOOK_ROWS" --seed 7 --output "$WORK/roster-$WORKBOOK_ROWS.csv" 2>/dev/null
[ -f "$WORK/roster-$WORKBOOK_ROWS.xlsx" ] || python3 Benchmarks/csv_to_xlsx.py "$WORK/roster-$WORKBOOK_ROWS.csv" "$WORK/roster-$WORKBOOK_ROWS.xlsx"
[ -f "$WORK/match-$MATCH_VOLUNTEERS.csv" ] || $VOLDIR generate --volunteers "$MATCH_VOLUNTEERS" --needs "$NEEDS" --seed 42 --output "$WORK/match-$MATCH_VOLUNTEERS.csv" 2>/dev/null
large_match="match-$LARGE_MATCH_VOLUNTEERS-x-$LARGE_MATCH_NEEDS"
[ -f "$WORK/$large_match.csv" ] || $VOLDIR generate --volunteers "$LARGE_MATCH_VOLUNTEERS" --needs "$LARGE_MATCH_NEEDS" --seed 42 --output "$WORK/$large_match.csv" 2>/dev/null

REUSE=${REUSE:-0}
done_before() { [ "$REUSE" = 1 ] && [ -s "$WORK/$1.time" ]; }

echo "CSV import..." >&2
done_before csv-python || rm -f "$WORK"/csv-*.sqlite*
done_before csv-voldir || measure csv-voldir $VOLDIR import "$WORK/roster-$VOLUNTEERS.csv" --db "$WORK/csv-voldir.sqlite"
done_before csv-python || measure csv-python python3 Benchmarks/python_loader.py "$WORK/roster-$VOLUNTEERS.csv" "$WORK/csv-python.sqlite"
done_before csv-floor || measure csv-floor sqlite3 "$WORK/csv-floor.sqlite" ".mode csv" ".import $WORK/roster-$VOLUNTEERS.csv volunteer"

echo "Re-import with 1% of rows changed..." >&2
changed_roster "$WORK/roster-$VOLUNTEERS.csv" "$WORK/roster-$VOLUNTEERS-changed.csv"
if ! done_before reimport-voldir; then
    # Into a copy of the directory the CSV import made, so the searches below see that one.
    rm -f "$WORK"/reimport.sqlite*
    for file in "$WORK"/csv-voldir.sqlite*; do cp "$file" "$WORK/reimport.sqlite${file#"$WORK"/csv-voldir.sqlite}"; done
    measure reimport-voldir $VOLDIR import "$WORK/roster-$VOLUNTEERS-changed.csv" --db "$WORK/reimport.sqlite"
fi

echo "Workbook import..." >&2
done_before workbook-voldir || rm -f "$WORK"/workbook-*.sqlite*
done_before workbook-csv || measure workbook-csv $VOLDIR import "$WORK/roster-$WORKBOOK_ROWS.csv" --db "$WORK/workbook-csv.sqlite"
done_before workbook-voldir || measure workbook-voldir $VOLDIR import "$WORK/roster-$WORKBOOK_ROWS.xlsx" --db "$WORK/workbook-voldir.sqlite"

echo "Feed import..." >&2
done_before feed-voldir || rm -f "$WORK"/feed-voldir.sqlite*
done_before feed-xmllint || measure feed-xmllint xmllint --stream --noout "$WORK/feed-$VOLUNTEERS.xml"
done_before feed-voldir || measure feed-voldir $VOLDIR import "$WORK/feed-$VOLUNTEERS.xml" --db "$WORK/feed-voldir.sqlite"

echo "File hash..." >&2
$BENCH hash --file "$WORK/feed-$VOLUNTEERS.xml" >"$WORK/hash-voldir.json"
measure hash-openssl openssl dgst -sha256 "$WORK/feed-$VOLUNTEERS.xml"

echo "Search..." >&2
$BENCH search --db "$WORK/csv-voldir.sqlite" --queries "$QUERIES" --write-queries "$WORK/queries.json" >"$WORK/search-voldir.json"
python3 Benchmarks/python_search.py "$WORK/csv-voldir.sqlite" "$WORK/queries.json" >"$WORK/search-python.json"

echo "Search as a whole process..." >&2
# `voldir search` from fork and exec to exit, beside a Python process that answers the same question
# with one indexed query (python_search.py --one), at the run's size and at SEARCH_VOLUNTEERS
# (300,000; its directory is made here from a roster of that size when the run's size differs).
# Cold: before each timed process a one-person roster of a network of its own is imported, so every
# process is the first after the directory changed. Warm: the processes follow each other.
# Python is the interpreter itself (sys.executable), not a pyenv shim script in front of it.
PYTHON=$(python3 -c 'import sys; print(sys.executable)')
SEARCH_VOLUNTEERS=${SEARCH_VOLUNTEERS:-300000}
PROCESS_RUNS=${PROCESS_RUNS:-15}
search_sizes=("$VOLUNTEERS")
[ "$SEARCH_VOLUNTEERS" = "$VOLUNTEERS" ] || search_sizes+=("$SEARCH_VOLUNTEERS")
for size in "${search_sizes[@]}"; do
    db="$WORK/csv-voldir.sqlite"
    if [ "$size" != "$VOLUNTEERS" ]; then
        db="$WORK/search-$size.sqlite"
        [ -f "$WORK/roster-$size.csv" ] || $VOLDIR generate --volunteers "$size" --seed 7 --output "$WORK/roster-$size.csv" 2>/dev/null
        # Exit status 2 is an import with some rows rejected (the generator writes a few bad rows).
        [ "$REUSE" = 1 ] && [ -f "$db" ] || { rm -f "$db"*; $VOLDIR import "$WORK/roster-$size.csv" --db "$db" >/dev/null 2>&1 || [ $? = 2 ]; }
    fi
    change="printf 'Ref,Name,Email,Phone,Postcode,Network,Skills,Languages,Availability,DBS,Consent,Age Band\r\nB1,Bench Change,bench@example.org,,SK4 1AA,Bench %s,Driving,English,,none,yes,\r\n' \$(date +%s%N) >'$WORK/change.csv' && $VOLDIR import '$WORK/change.csv' --db '$db'"
    for temperature in cold warm; do
        before=()
        [ "$temperature" = cold ] && before=(--before "$change")
        python3 Benchmarks/process_time.py --runs "$PROCESS_RUNS" "${before[@]}" -- \
            $VOLDIR search --db "$db" --skill accountancy --language ur --area SK4 >"$WORK/process-voldir-$size-$temperature.json"
        python3 Benchmarks/process_time.py --runs "$PROCESS_RUNS" "${before[@]}" -- \
            "$PYTHON" Benchmarks/python_search.py "$db" --one accountancy urd SK4 >"$WORK/process-python-$size-$temperature.json"
    done
done

echo "Look-ups..." >&2
$BENCH lookup >"$WORK/lookup.out"
lookup_worst=$(tail -n 1 "$WORK/lookup.out" | python3 -c "import json,sys; print(json.load(sys.stdin)['lookup_worst_us'])")

echo "Matching..." >&2
rm -f "$WORK"/match.sqlite*
$VOLDIR import "$WORK/match-$MATCH_VOLUNTEERS.csv" "$WORK/match-$MATCH_VOLUNTEERS-needs.csv" --db "$WORK/match.sqlite" >/dev/null 2>&1 || true
measure match-voldir $VOLDIR match --db "$WORK/match.sqlite" --format json --output "$WORK/match.json"
$VOLDIR needs --db "$WORK/match.sqlite" --format json >"$WORK/needs.json"
measure match-scipy python3 Benchmarks/verify_matching.py "$WORK/match.json" "$WORK/needs.json"
optimal=$(grep -q "optimal: yes" "$WORK/match-scipy.out" && echo "same objective" || echo "DIFFERENT objective")

echo "Matching, $LARGE_MATCH_NEEDS needs over $LARGE_MATCH_VOLUNTEERS volunteers..." >&2
if ! done_before match-large-voldir; then
    rm -f "$WORK"/match-large.sqlite*
    $VOLDIR import "$WORK/$large_match.csv" "$WORK/$large_match-needs.csv" --db "$WORK/match-large.sqlite" >/dev/null 2>&1 || true
fi
measure match-large-voldir $VOLDIR match --db "$WORK/match-large.sqlite" --format json --output "$WORK/match-large.json"
$VOLDIR needs --db "$WORK/match-large.sqlite" --format json >"$WORK/needs-large.json"
measure match-large-scipy python3 Benchmarks/verify_matching.py "$WORK/match-large.json" "$WORK/needs-large.json"
large_optimal=$(grep -q "optimal: yes" "$WORK/match-large-scipy.out" && echo "same objective" || echo "DIFFERENT objective")

machine="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo
echo "voldir benchmarks: $VOLUNTEERS volunteers ($machine), $(date -u +%Y-%m-%d)"
echo
printf "| %-44s | %-22s | %-32s | %-7s | %-22s |\n" "benchmark" "voldir" "baseline" "ratio" "target"
printf "| %-44s | %-22s | %-32s | %-7s | %-22s |\n" "---" "---" "---" "---" "---"
printf "| %-44s | %-22s | %-32s | %-7s | %-22s |\n" "CSV import, $VOLUNTEERS rows, end to end" "$(seconds csv-voldir) s, $(megabytes csv-voldir) MB" "Python csv+sqlite3 $(seconds csv-python) s, $(megabytes csv-python) MB" "$(ratio "$(seconds csv-voldir)" "$(seconds csv-python)")" "≤ 1.00, < 200 MB"
printf "| %-44s | %-22s | %-32s | %-7s | %-22s |\n" "  (floor: sqlite3 .import, no parsing)" "" "$(seconds csv-floor) s, $(megabytes csv-floor) MB" "$(ratio "$(seconds csv-voldir)" "$(seconds csv-floor)")" ""
printf "| %-44s | %-22s | %-32s | %-7s | %-22s |\n" "Re-import, 1% of $VOLUNTEERS rows changed" "$(seconds reimport-voldir) s, $(megabytes reimport-voldir) MB" "Python loader, full load $(seconds csv-python) s" "$(ratio "$(seconds reimport-voldir)" "$(seconds csv-python)")" "≤ 0.25, < 200 MB"
printf "| %-44s | %-22s | %-32s | %-7s | %-22s |\n" "Workbook import (.xlsx), $WORKBOOK_ROWS rows" "$(seconds workbook-voldir) s, $(megabytes workbook-voldir) MB" "CSV import, same rows $(seconds workbook-csv) s, $(megabytes workbook-csv) MB" "$(ratio "$(seconds workbook-voldir)" "$(seconds workbook-csv)")" "≤ 2.00, < 200 MB"
printf "| %-44s | %-22s | %-32s | %-7s | %-22s |\n" "Sector 3 feed, $VOLUNTEERS volunteers" "$(seconds feed-voldir) s, $(megabytes feed-voldir) MB" "xmllint --stream $(seconds feed-xmllint) s, $(megabytes feed-xmllint) MB" "$(ratio "$(seconds feed-voldir)" "$(seconds feed-xmllint)")" "≤ 2.00, < 200 MB"
printf "| %-44s | %-22s | %-32s | %-7s | %-22s |\n" "SHA-256 of the feed file (swift-crypto, best of 3)" "$(field "$WORK/hash-voldir.json" best_s) s" "openssl dgst -sha256 $(seconds hash-openssl) s" "$(ratio "$(field "$WORK/hash-voldir.json" best_s)" "$(seconds hash-openssl)")" "no slower than before"
printf "| %-44s | %-22s | %-32s | %-7s | %-22s |\n" "Search p50, skill+language+area, $QUERIES queries" "$(field "$WORK/search-voldir.json" p50_ms) ms" "hand-written SQL (Python) $(field "$WORK/search-python.json" p50_ms) ms" "$(ratio "$(field "$WORK/search-voldir.json" p50_ms)" "$(field "$WORK/search-python.json" p50_ms)")" ""
printf "| %-44s | %-22s | %-32s | %-7s | %-22s |\n" "Search p99" "$(field "$WORK/search-voldir.json" p99_ms) ms" "$(field "$WORK/search-python.json" p99_ms) ms" "$(ratio "$(field "$WORK/search-voldir.json" p99_ms)" "$(field "$WORK/search-python.json" p99_ms)")" "< 5 ms"
for size in "${search_sizes[@]}"; do
    for temperature in cold warm; do
        voldir_json="$WORK/process-voldir-$size-$temperature.json"
        python_json="$WORK/process-python-$size-$temperature.json"
        printf "| %-44s | %-22s | %-32s | %-7s | %-22s |\n" "voldir search process, $size, $temperature" "$(field "$voldir_json" median_ms) ms ($(field "$voldir_json" cpu_ms) cpu), $(field "$voldir_json" peak_mb) MB" "Python, one query $(field "$python_json" median_ms) ms ($(field "$python_json" cpu_ms) cpu)" "$(ratio "$(field "$voldir_json" median_ms)" "$(field "$python_json" median_ms)")" "≤ 0.50 (cpu $(ratio "$(field "$voldir_json" cpu_ms)" "$(field "$python_json" cpu_ms)"))"
    done
done
printf "| %-44s | %-22s | %-32s | %-7s | %-22s |\n" "Matching $MATCH_VOLUNTEERS x $NEEDS needs (voldir match)" "$(seconds match-voldir) s, $(megabytes match-voldir) MB" "SciPy HiGHS on its candidates $(seconds match-scipy) s" "$optimal" "< 5 s, optimal"
printf "| %-44s | %-22s | %-32s | %-7s | %-22s |\n" "Matching $LARGE_MATCH_NEEDS needs over $LARGE_MATCH_VOLUNTEERS volunteers" "$(seconds match-large-voldir) s, $(megabytes match-large-voldir) MB" "SciPy HiGHS on its candidates $(seconds match-large-scipy) s" "$large_optimal" "< 5 s, < 300 MB"
printf "| %-44s | %-22s | %-32s | %-7s | %-22s |\n" "Understanding a written language or skill" "≤ $lookup_worst µs (worst route)" "" "" "µs, not ms"
echo
echo "Look-ups by route (voldir-benchmarks lookup):"
cat "$WORK/lookup.out" | sed '$d'
