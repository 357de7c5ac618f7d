#!/usr/bin/env bash
# Corpus benchmark: parse, then lint, every file of the shared corpus (../shared/corpus/files, 676 real-world
# Dockerfiles) in ONE jlint process each, through the launcher; prints the wall time (JVM start included) of
# each, best and median of RUNS runs. Goals: parse under 1.5 s, lint under 2 s.
#
#   bench/corpus.sh [-r RUNS] [CORPUS-DIR]
#
# The corpus holds a few files that are not valid Dockerfiles on purpose (templates, parser fixtures): jlint
# reports them (exit 2) and goes on, so the exit status is shown, not checked. Output goes to bench/out/.
# Not part of CI.
set -euo pipefail
cd "$(dirname "$(readlink -f -- "${BASH_SOURCE[0]}")")/.."
root=$PWD

runs=5
if [[ ${1:-} == -r ]]; then runs=$2; shift 2; fi
dir=${1:-${JLINT_SHARED:-$root/../shared}/corpus/files}
[[ -d $dir ]] || { echo "no corpus at $dir (pass its directory)" >&2; exit 2; }
mkdir -p bench/out
files=("$dir"/*)
bytes=$(cat -- "${files[@]}" | wc -c)

./jlint --version >/dev/null   # builds the jar and the start-up archive when missing

# run NAME ARGS...: RUNS timed runs of `./jlint ARGS`; wall and CPU (user+sys) time, median and min
run() {
  local name=$1 i rc t walls=() cpus=()
  shift
  if [[ $name == parse* ]] && ! ./jlint parse --format json "${files[0]}" "${files[1]}" >/dev/null 2>&1; then
    printf '%-14s   n/a: `jlint parse` takes one file\n' "$name"
    return
  fi
  for ((i = 0; i < runs; i++)); do
    rc=0
    { TIMEFORMAT='%3R %3U %3S'; time ./jlint "$@" > "bench/out/corpus-$name.out" 2> "bench/out/corpus-$name.err" || rc=$?; } \
      2> bench/out/corpus-time
    read -r real user sys < bench/out/corpus-time
    walls+=("$real"); cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')")
  done
  printf '%-14s %10s %10s %10s %6d   %s\n' "$name" "$(stat_ms median "${walls[@]}")" "$(stat_ms min "${walls[@]}")" \
    "$(stat_ms median "${cpus[@]}")" "$rc" "bench/out/corpus-$name.out"
}

# stat_ms median|min SECONDS...: in ms
stat_ms() {
  local what=$1
  shift
  printf '%s\n' "$@" | sort -n | awk -v what="$what" '{ a[NR] = $1 * 1000 } END {
    if (what == "min") { printf "%d", a[1]; exit }
    printf "%d", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

printf '# jlint corpus benchmark, %s, %s, %s cores, load %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" \
  "$(uname -m)" "$(nproc 2>/dev/null || echo '?')" "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
printf '# %d files, %d bytes, one jlint process per run (JVM start included), %d runs\n' "${#files[@]}" "$bytes" "$runs"
printf '%-14s %10s %10s %10s %6s   %s\n' run 'wall med' 'wall min' 'cpu med' exit output
run parse-json parse --format json "${files[@]}"
run lint-json lint --format json --fail-on none "${files[@]}"
run lint-tty lint --fail-on none "${files[@]}"
echo '# times in ms; cpu = user + system of the whole process (all threads); exit 2: the corpus holds a few'
echo '# files that are not Dockerfiles (templates, fixtures), reported on standard error while the rest is linted'
