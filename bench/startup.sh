#!/usr/bin/env bash
# Start-up benchmark: wall time from start to exit of ONE lint run on one Dockerfile, side by side in the same
# run: jlint through the launcher (start-up archive, C1, SerialGC; with the java on PATH too when the launcher
# picks another JDK), jlint as a plain `java -jar` on the java on PATH, and the npm peers
# dockerfile-utils and dockerfilelint (installed into bench/.peers when missing).
#
#   bench/startup.sh [-r RUNS] [FILE...]        (BENCH_TIMER=loop: the date loop even when hyperfine is there)
#
# Default files: a Dockerfile from testdata/ and a mid-size (4 KB) file of the shared corpus. Uses hyperfine
# (installed with apt-get when missing and possible), else a loop over `date +%s%N`. Figures: ms per run,
# wall time median and min over RUNS runs after 3 warm-up runs, and CPU time (user + system, all threads,
# mean): on a busy machine CPU time shows the work when wall time mostly shows the wait for a core.
# Raw results go to bench/out/. Not part of CI.
set -euo pipefail
cd "$(dirname "$(readlink -f -- "${BASH_SOURCE[0]}")")/.."
root=$PWD

runs=30
if [[ ${1:-} == -r ]]; then runs=$2; shift 2; fi
files=("$@")
if (( ${#files[@]} == 0 )); then
  for f in testdata/dockerfile/example.Dockerfile testdata/dockerfile/JL901/bad-2-multistage.Dockerfile \
      src/cds/Dockerfile; do
    [[ -f $f ]] && { files+=("$f"); break; }
  done
  corpus=${JLINT_SHARED:-$root/../shared}/corpus/files/docker-library__python__3.15-rc__alpine3.24__Dockerfile
  [[ -f $corpus ]] && files+=("$corpus")
fi
mkdir -p bench/out
say() { printf '%s\n' "$*" >&2; }

# --- jlint: the jar and its start-up archive ----------------------------------------------------------------
[[ -f target/jlint.jar ]] || ./jlint --version >/dev/null   # the launcher builds the jar (and the archive)
./jlint --version >/dev/null                                 # makes the start-up archive for this JVM if missing
java_cmd=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/java}}
java_cmd=${java_cmd:-java}
# the JDK the launcher picks (with JAVA and JAVA_HOME unset it prefers a JDK >= 25) and, when that is another
# one, a second jlint row with the java on PATH (JDK 17 here: a static CDS archive instead of an AOT cache)
launcher_home=$(JAVA_OPTS=-XshowSettings:properties ./jlint --version 2>&1 | awk -F' = ' '/java.home/ {print $2; exit}')
path_java=$(command -v "$java_cmd" || true)
path_home=''
[[ -n $path_java ]] && path_home=$(JAVA=$path_java JAVA_OPTS=-XshowSettings:properties ./jlint --version 2>&1 \
  | awk -F' = ' '/java.home/ {print $2; exit}')
second=0
if [[ -n $path_home && $path_home != "$launcher_home" ]]; then
  second=1
  JAVA=$path_java ./jlint testdata/example/Dockerfile >/dev/null 2>&1 || true   # its archive, if missing
fi

# --- the peers -----------------------------------------------------------------------------------------------
peers=bench/.peers
utils=$peers/node_modules/dockerfile-utils/bin/dockerfile-utils
dfl=$peers/node_modules/dockerfilelint/bin/dockerfilelint
if [[ ! -f $utils || ! -f $dfl ]]; then
  if command -v npm >/dev/null; then
    say "installing dockerfile-utils and dockerfilelint into $peers (npm)"
    mkdir -p "$peers"
    [[ -f $peers/package.json ]] || printf '{"name": "jlint-bench-peers", "private": true}\n' > "$peers/package.json"
    (cd "$peers" && npm install --no-audit --no-fund --loglevel=error dockerfile-utils dockerfilelint >&2)
  else
    say "npm not found: the peers are left out (apt-get install nodejs npm)"
  fi
fi
node_cmd=$(command -v node || true)

# --- the timer -------------------------------------------------------------------------------------------------
if ! command -v hyperfine >/dev/null && command -v apt-get >/dev/null; then
  say "installing hyperfine (apt-get)"
  if [[ $(id -u) == 0 ]]; then apt=(apt-get); elif command -v sudo >/dev/null; then apt=(sudo -n apt-get); else apt=(); fi
  if (( ${#apt[@]} )); then
    "${apt[@]}" install -y -qq hyperfine >/dev/null 2>&1 \
      || { "${apt[@]}" update -qq >/dev/null 2>&1 && "${apt[@]}" install -y -qq hyperfine >/dev/null 2>&1; } \
      || say "could not install hyperfine: using the date +%s%N loop"
  fi
fi

use_hyperfine=0
if command -v hyperfine >/dev/null && [[ ${BENCH_TIMER:-} != loop ]]; then use_hyperfine=1; fi

# time_loop CMD...: RUNS runs (after 3 warm-ups); prints "median min cpu" in ms (cpu: mean user+sys)
time_loop() {
  local i s e real user sys ts=() cpu=0
  for ((i = 0; i < 3; i++)); do "$@" >/dev/null 2>&1 || true; done
  for ((i = 0; i < runs; i++)); do
    s=$(date +%s%N)
    { TIMEFORMAT='%3R %3U %3S'; time "$@" >/dev/null 2>&1 || true; } 2> bench/out/startup-time
    e=$(date +%s%N)
    read -r real user sys < bench/out/startup-time
    ts+=($(( (e - s) / 1000 )))
    cpu=$(awk -v c="$cpu" -v u="$user" -v s="$sys" 'BEGIN { print c + (u + s) * 1000 }')
  done
  printf '%s\n' "${ts[@]}" | sort -n | awk -v cpu="$cpu" -v n="$runs" '{a[NR] = $1} END {
    m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
    printf "%.1f %.1f %.1f\n", m / 1000, a[1] / 1000, cpu / n }'
}

stamp=$(date -u +%Y%m%dT%H%M%SZ)
printf '# jlint start-up benchmark, %s, %s, %s cores, load %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" \
  "$(uname -m)" "$(nproc 2>/dev/null || echo '?')" "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
printf '# jlint launcher java: %s (%s)\n' "$launcher_home" "$("$launcher_home/bin/java" -version 2>&1 | head -1)"
printf '# java on PATH: %s; node: %s; %s runs each, after 3 warm-up runs\n' \
  "$("$java_cmd" -version 2>&1 | head -1)" "$( [[ -n $node_cmd ]] && node --version || echo none)" "$runs"
if (( use_hyperfine )); then printf '# timer: %s\n' "$(hyperfine --version)"; else echo '# timer: date +%s%N loop'; fi

for f in "${files[@]}"; do
  names=(jlint "java -jar")
  cmds=("./jlint $f" "$java_cmd -jar target/jlint.jar $f")
  if (( second )); then names+=("jlint PATH java"); cmds+=("env JAVA=$path_java ./jlint $f"); fi
  if [[ -n $node_cmd && -f $utils ]]; then names+=(dockerfile-utils); cmds+=("node $utils lint $f"); fi
  if [[ -n $node_cmd && -f $dfl ]]; then names+=(dockerfilelint); cmds+=("node $dfl $f"); fi
  printf '\n%s (%s bytes)\n' "${f#"$root"/}" "$(wc -c < "$f")"
  printf '%-18s %10s %10s %10s\n' tool 'median ms' 'min ms' 'cpu ms'
  if (( use_hyperfine )); then
    csv=bench/out/startup-$stamp-$(basename "$f").csv
    args=()
    for i in "${!cmds[@]}"; do args+=(-n "${names[$i]}" "${cmds[$i]}"); done
    hyperfine -N -i -w 3 -r "$runs" --style none --export-csv "$csv" "${args[@]}" >/dev/null 2>&1
    # command,mean,stddev,median,user,system,min,max (seconds; user and system are means)
    awk -F, 'NR > 1 { printf "%-18s %10.1f %10.1f %10.1f\n", $1, $4 * 1000, $7 * 1000, ($5 + $6) * 1000 }' "$csv"
  else
    for i in "${!cmds[@]}"; do
      # shellcheck disable=SC2086
      read -r med min cpu < <(time_loop ${cmds[$i]})
      printf '%-18s %10s %10s %10s\n' "${names[$i]}" "$med" "$min" "$cpu"
    done
  fi
done
