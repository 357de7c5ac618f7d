#!/usr/bin/env bash
# Speed and memory of `jlint squash` on a >= 1 GB image with gzip layers, overwrites and deletions, against the
# floor of merely reading the archive and inflating its layers.
#
#   bash bench/squash.sh                     # builds target/jlint.jar if needed and the image under $BENCH_DIR
#   BENCH_DIR=/tmp/x LAYERS=4 LAYER_MB=300 bash bench/squash.sh
#   MANY_FILES=1 bash bench/squash.sh        # also squash/rebuild 3 layers x 150,000 files with -Xmx256m
#
# Prints, measured in one run on the same files (page cache warm): `cat IMAGE > /dev/null`, `gzip -dc` of every
# layer in turn, a plain Java inflate loop, and `jlint squash` (all layers, -Xmx256m, docker archive output) with its
# wall time and peak RSS (/usr/bin/time -v). Goal: squash within 1.5x of the floor (cat + gzip -dc). Also prints
# `jlint squash --last 2` and `jlint rebuild` for reference.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_DIR=${BENCH_DIR:-/tmp/jlint-bench-squash}
LAYERS=${LAYERS:-4}
LAYER_MB=${LAYER_MB:-300}
IMG=$BENCH_DIR/squash-${LAYERS}x${LAYER_MB}.oci.tar
OUT=$BENCH_DIR/out
mkdir -p "$BENCH_DIR" "$OUT"

[ -f target/jlint.jar ] || mvn -B -ntp -q package -DskipTests

if [ ! -f "$IMG" ]; then
  echo "== building $IMG ($LAYERS layers of ~$LAYER_MB MB uncompressed, gzip -1)"
  python3 - "$BENCH_DIR" "$IMG" "$LAYERS" "$LAYER_MB" <<'PY'
import hashlib, io, json, os, random, subprocess, sys, tarfile
work, out, layers, mb = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rnd = random.Random(7)
words = [bytes(rnd.choice(b"abcdefghijklmnopqrstuvwxyz") for _ in range(rnd.randint(2, 9))) for _ in range(5000)]
def text(n):
    parts, size = [], 0
    while size < n:
        line = b" ".join(rnd.choice(words) for _ in range(12)) + b"\n"
        parts.append(line); size += len(line)
    return b"".join(parts)[:n]
corpus = text(8 << 20)
noise = os.urandom(8 << 20)
def data(i, size):           # half incompressible, half text; cheap to make
    src = noise if i % 2 == 0 else corpus
    off = (i * 7919) % (len(src) - size) if size < len(src) else 0
    return src[off:off + size] if size <= len(src) else (src * (size // len(src) + 1))[:size]
class Hashing(io.RawIOBase):
    def __init__(self, f): self.f, self.h, self.n = f, hashlib.sha256(), 0
    def writable(self): return True
    def tell(self): return self.n
    def write(self, b): self.h.update(b); self.n += len(b); return self.f.write(b)
def add(t, name, payload=None, kind=tarfile.REGTYPE, link=""):
    ti = tarfile.TarInfo(name); ti.mtime = 1700000000; ti.type = kind
    ti.mode = 0o755 if kind == tarfile.DIRTYPE else 0o644
    ti.linkname = link
    if payload is not None:
        ti.size = len(payload); t.addfile(ti, io.BytesIO(payload))
    else:
        t.addfile(ti)
blobs, diff_ids, names = [], [], {}
for l in range(layers):
    raw = os.path.join(work, "layer%d.tar" % l)
    with open(raw, "wb") as f:
        hw = Hashing(f)
        with tarfile.open(fileobj=hw, mode="w|", format=tarfile.PAX_FORMAT) as t:
            add(t, "data", kind=tarfile.DIRTYPE)
            add(t, "data/l%d" % l, kind=tarfile.DIRTYPE)
            total, i, mine = 0, 0, []
            if l == layers - 1:
                # the top layer overwrites a fifth of layer 0's files, deletes a third of layer 1's,
                # and replaces layer 2's folder by an opaque one
                for n in names.get(0, [])[::5]:
                    size = rnd.randint(1 << 10, 2 << 20); add(t, n, data(i, size)); total += size; i += 1
                for n in names.get(1, [])[::3]:
                    d, b = n.rsplit("/", 1); add(t, d + "/.wh." + b, b"")
                if layers > 3:
                    add(t, "data/l2", kind=tarfile.DIRTYPE); add(t, "data/l2/.wh..wh..opq", b"")
            while total < mb << 20:
                size = rnd.randint(1 << 10, 4 << 20)
                name = "data/l%d/f%06d" % (l, i)
                add(t, name, data(i, size)); mine.append(name); total += size; i += 1
                if i % 50 == 0:
                    add(t, name + ".link", kind=tarfile.LNKTYPE, link=name)
            names[l] = mine
    diff_ids.append("sha256:" + hw.h.hexdigest())
    subprocess.run(["gzip", "-1", "-n", "-f", raw], check=True)
    gz = raw + ".gz"
    h = hashlib.sha256()
    with open(gz, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""): h.update(chunk)
    blobs.append((gz, "sha256:" + h.hexdigest(), os.path.getsize(gz)))
    print("layer %d: %d MB uncompressed, %d MB gzip" % (l, hw.n >> 20, os.path.getsize(gz) >> 20), flush=True)
config = json.dumps({"architecture": "amd64", "os": "linux", "config": {"Cmd": ["/bin/sh"]},
                     "rootfs": {"type": "layers", "diff_ids": diff_ids},
                     "history": [{"created_by": "RUN layer %d" % i} for i in range(layers)]}).encode()
cdig = "sha256:" + hashlib.sha256(config).hexdigest()
manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
    "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": cdig, "size": len(config)},
    "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": d, "size": s}
               for _, d, s in blobs]}).encode()
mdig = "sha256:" + hashlib.sha256(manifest).hexdigest()
index = json.dumps({"schemaVersion": 2, "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json",
    "digest": mdig, "size": len(manifest), "annotations": {"org.opencontainers.image.ref.name": "bench"}}]}).encode()
with tarfile.open(out + ".part", "w") as t:
    def put(name, payload):
        ti = tarfile.TarInfo(name); ti.size = len(payload); t.addfile(ti, io.BytesIO(payload))
    put("oci-layout", b'{"imageLayoutVersion":"1.0.0"}')
    put("index.json", index)
    put("blobs/sha256/" + mdig[7:], manifest)
    put("blobs/sha256/" + cdig[7:], config)
    for gz, d, s in blobs:
        t.add(gz, "blobs/sha256/" + d[7:])
os.rename(out + ".part", out)
for gz, _, _ in blobs: os.remove(gz)
PY
fi
ls -l "$IMG"

. bench/lib.sh
bench_layer_blobs
bench_inflate_class
cat "$IMG" $BLOBS > /dev/null   # warm the page cache
JAVA_OPTS="-Xmx256m"
echo "machine load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
rm -f "$OUT"/*.tar
{
  measure cat sh -c "cat '$IMG' > /dev/null"
  measure gzip sh -c "for b in $BLOBS; do gzip -dc \"\$b\" > /dev/null; done"
  measure inflate java -cp "$BENCH_DIR/java" Inflate $BLOBS
  measure squash java $JAVA_OPTS -jar target/jlint.jar squash "$IMG" -o "$OUT/squashed.tar" --report json
  measure last2 java $JAVA_OPTS -jar target/jlint.jar squash "$IMG" -o "$OUT/last2.tar" --last 2 --report json
  measure rebuild java $JAVA_OPTS -jar target/jlint.jar rebuild "$IMG" -o "$OUT/rebuilt.tar" --report json
} > "$BENCH_DIR/results.txt"
python3 - "$BENCH_DIR/squash.out" "$BENCH_DIR/rebuild.out" <<'PY'
import json, sys
for f in sys.argv[1:]:
    r = json.load(open(f))
    i, o = r["input"], r["output"]
    print("%-7s %d -> %d layers, %.0f -> %.0f MB uncompressed, wasted %.0f -> %.0f MB, archive %.0f -> %.0f MB" % (
        r["operation"], i["layers"], o["layers"], i["size"] / 1e6, o["size"] / 1e6, i["wastedBytes"] / 1e6,
        o["wastedBytes"] / 1e6, i["archiveBytes"] / 1e6, o["archiveBytes"] / 1e6))
PY
awk '
  {wall[$1]=$2; cpu[$1]=$3; rss[$1]=$4; pct[$1]=$5}
  END {
    floor = wall["cat"] + wall["gzip"]; floorcpu = cpu["cat"] + cpu["gzip"]
    jfloor = wall["cat"] + wall["inflate"]; jfloorcpu = cpu["cat"] + cpu["inflate"]
    printf "%-46s %8s %8s %9s %6s\n", "", "wall s", "cpu s", "peak RSS", "CPU"
    printf "%-46s %8.2f %8.2f %6d MB %6s\n", "cat IMAGE > /dev/null", wall["cat"], cpu["cat"], rss["cat"], pct["cat"]
    printf "%-46s %8.2f %8.2f %6d MB %6s\n", "gzip -dc, every layer in turn", wall["gzip"], cpu["gzip"], rss["gzip"], pct["gzip"]
    printf "%-46s %8.2f %8.2f %6d MB %6s\n", "java.util.zip inflate, one thread", wall["inflate"], cpu["inflate"], rss["inflate"], pct["inflate"]
    printf "%-46s %8.2f %8.2f %6d MB %6s\n", "jlint squash (all layers) -Xmx256m", wall["squash"], cpu["squash"], rss["squash"], pct["squash"]
    printf "%-46s %8.2f %8.2f %6d MB %6s\n", "jlint squash --last 2 -Xmx256m", wall["last2"], cpu["last2"], rss["last2"], pct["last2"]
    printf "%-46s %8.2f %8.2f %6d MB %6s\n", "jlint rebuild -Xmx256m", wall["rebuild"], cpu["rebuild"], rss["rebuild"], pct["rebuild"]
    printf "floor = cat + gzip -dc: %.2f s wall, %.2f s cpu; squash / floor: wall %.2f, cpu %.2f (goal: wall <= 1.5)\n", floor, floorcpu, wall["squash"] / floor, cpu["squash"] / floorcpu
    printf "with java.util.zip as the inflater: %.2f s wall, %.2f s cpu; squash / that: wall %.2f, cpu %.2f\n", jfloor, jfloorcpu, wall["squash"] / jfloor, cpu["squash"] / jfloorcpu
  }' "$BENCH_DIR/results.txt"

if [ "${MANY_FILES:-0}" = 1 ]; then
  MANY=$BENCH_DIR/many-files.tar
  if [ ! -f "$MANY" ]; then
    echo "== building $MANY (3 layers x 150,000 files, 300,000 distinct paths)"
    python3 - "$MANY" <<'PY'
import hashlib, io, json, os, sys, tarfile
layers = []
for l in range(3):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.GNU_FORMAT) as t:
        for d in range(1500):
            ti = tarfile.TarInfo("usr/share/package-%04d" % d); ti.type = tarfile.DIRTYPE; t.addfile(ti)
            for f in range(100):
                data = b"x" * (f % 7)
                ti = tarfile.TarInfo("usr/share/package-%04d/some/nested/file-%03d-layer%d.txt"
                                     % (d, f, l if f % 2 else 0))
                ti.size = len(data); t.addfile(ti, io.BytesIO(data))
    layers.append(buf.getvalue())
diff = ["sha256:" + hashlib.sha256(b).hexdigest() for b in layers]
cfg = json.dumps({"os": "linux", "architecture": "amd64", "config": {},
                  "rootfs": {"type": "layers", "diff_ids": diff}}).encode()
with tarfile.open(sys.argv[1] + ".part", "w") as t:
    def add(n, b):
        ti = tarfile.TarInfo(n); ti.size = len(b); t.addfile(ti, io.BytesIO(b))
    names = []
    for i, b in enumerate(layers):
        add("l%d/layer.tar" % i, b); names.append("l%d/layer.tar" % i)
    add("c.json", cfg)
    add("manifest.json", json.dumps([{"Config": "c.json", "RepoTags": ["many:1"], "Layers": names}]).encode())
os.rename(sys.argv[1] + ".part", sys.argv[1])
PY
  fi
  {
    measure many-squash java $JAVA_OPTS -jar target/jlint.jar squash "$MANY" -o "$OUT/many-squashed.tar" --report json
    measure many-rebuild java $JAVA_OPTS -jar target/jlint.jar rebuild "$MANY" -o "$OUT/many-rebuilt.tar" --report json
  } > "$BENCH_DIR/many.txt"
  awk '{printf "%s -Xmx256m, 450,000 entries / 300,000 paths: wall %.2f s, cpu %.2f s, peak RSS %d MB\n", $1, $2, $3, $4}' \
    "$BENCH_DIR/many.txt"
fi
