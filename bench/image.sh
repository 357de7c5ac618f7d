#!/usr/bin/env bash
# Speed and memory of `jlint image` on a >= 1 GB image with gzip layers, against merely inflating the layers.
#
#   bash bench/image.sh              # builds target/jlint.jar if needed and the image under $BENCH_DIR
#   BENCH_DIR=/tmp/x LAYERS=4 LAYER_MB=300 bash bench/image.sh
#   MANY_FILES=1 bash bench/image.sh   # also 3 layers of 150,000 small files (memory per path, -Xmx256m)
#
# Prints, in one run on the same files: gzip -dc of every layer, a plain Java inflate loop over every layer
# (java.util.zip, one thread, C2), jlint's full scan (tree, digests, diff_ids; -Xmx256m, C2) with its wall time
# and peak RSS (/usr/bin/time -v), and the ratios. Goal: jlint within 1.15x of inflating, better with several
# layers (it reads layers in parallel).
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_DIR=${BENCH_DIR:-/tmp/jlint-bench}
LAYERS=${LAYERS:-4}
LAYER_MB=${LAYER_MB:-300}
IMG=$BENCH_DIR/image-${LAYERS}x${LAYER_MB}.oci.tar
mkdir -p "$BENCH_DIR"

[ -f target/jlint.jar ] || mvn -B -ntp -q package -DskipTests

if [ ! -f "$IMG" ]; then
  echo "== building $IMG ($LAYERS layers of ~$LAYER_MB MB uncompressed, gzip -1)"
  python3 - "$BENCH_DIR" "$IMG" "$LAYERS" "$LAYER_MB" <<'EOF'
import hashlib, io, json, os, random, subprocess, sys, tarfile
work, out, layers, mb = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rnd = random.Random(42)
words = [bytes(rnd.choice(b"abcdefghijklmnopqrstuvwxyz") for _ in range(rnd.randint(2, 9))) for _ in range(5000)]
def text(n):
    parts, size = [], 0
    while size < n:
        line = b" ".join(rnd.choice(words) for _ in range(12)) + b"\n"
        parts.append(line); size += len(line)
    return b"".join(parts)[:n]
corpus = text(8 << 20)
class Hashing(io.RawIOBase):
    def __init__(self, f): self.f, self.h, self.n = f, hashlib.sha256(), 0
    def writable(self): return True
    def tell(self): return self.n
    def write(self, b): self.h.update(b); self.n += len(b); return self.f.write(b)
blobs, diff_ids = [], []
for l in range(layers):
    raw = os.path.join(work, "layer%d.tar" % l)
    with open(raw, "wb") as f:
        hw = Hashing(f)
        with tarfile.open(fileobj=hw, mode="w|", format=tarfile.PAX_FORMAT) as t:
            total, i = 0, 0
            while total < mb << 20:
                # half incompressible, half text; the last layer rewrites some of layer 0's files (waste)
                size = rnd.randint(1 << 10, 4 << 20)
                data = os.urandom(size) if i % 2 == 0 else corpus[:size]
                name = ("data/l0/f%06d" % i) if (l == layers - 1 and i % 5 == 0) else ("data/l%d/f%06d" % (l, i))
                ti = tarfile.TarInfo(name); ti.size = size; ti.mtime = 1700000000; ti.mode = 0o644
                t.addfile(ti, io.BytesIO(data)); total += size; i += 1
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
    def add(name, data):
        ti = tarfile.TarInfo(name); ti.size = len(data); t.addfile(ti, io.BytesIO(data))
    add("oci-layout", b'{"imageLayoutVersion":"1.0.0"}')
    add("index.json", index)
    add("blobs/sha256/" + mdig[7:], manifest)
    add("blobs/sha256/" + cdig[7:], config)
    for gz, d, s in blobs:
        t.add(gz, "blobs/sha256/" + d[7:])
os.rename(out + ".part", out)
for gz, _, _ in blobs: os.remove(gz)
EOF
fi
ls -l "$IMG"

. bench/lib.sh
bench_layer_blobs
bench_inflate_class
cat "$IMG" $BLOBS > /dev/null   # warm the page cache
echo "machine load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
{
  measure gzip sh -c "for b in $BLOBS; do gzip -dc \"\$b\" > /dev/null; done"
  measure inflate java -cp "$BENCH_DIR/java" Inflate $BLOBS
  measure jlint java -Xmx256m -jar target/jlint.jar image "$IMG" --format json --fail-on none
} > "$BENCH_DIR/results.txt"
cp "$BENCH_DIR/jlint.out" "$BENCH_DIR/out.json"
python3 - "$BENCH_DIR/out.json" <<'EOF'
import json, sys
i = json.load(open(sys.argv[1]))["results"][0]["image"]
print("jlint: %d layers, %.0f MB uncompressed, wasted %.0f MB, efficiency %.4f" % (
    len(i["layers"]), i["totalSize"] / 1e6, i["wastedBytes"] / 1e6, i["efficiency"]))
EOF
awk '
  {wall[$1]=$2; cpu[$1]=$3; rss[$1]=$4; pct[$1]=$5}
  END {
    printf "%-34s %8s %8s %9s %6s\n", "", "wall s", "cpu s", "peak RSS", "CPU"
    printf "%-34s %8.2f %8.2f %6d MB %6s\n", "gzip -dc, every layer in turn", wall["gzip"], cpu["gzip"], rss["gzip"], pct["gzip"]
    printf "%-34s %8.2f %8.2f %6d MB %6s\n", "java.util.zip inflate, one thread", wall["inflate"], cpu["inflate"], rss["inflate"], pct["inflate"]
    printf "%-34s %8.2f %8.2f %6d MB %6s\n", "jlint image -Xmx256m (full scan)", wall["jlint"], cpu["jlint"], rss["jlint"], pct["jlint"]
    printf "jlint / java inflate: wall %.2f, cpu %.2f (goal: wall <= 1.15)\n", wall["jlint"]/wall["inflate"], cpu["jlint"]/cpu["inflate"]
  }' "$BENCH_DIR/results.txt"

if [ "${MANY_FILES:-0}" = 1 ]; then
  MANY=$BENCH_DIR/many-files.tar
  if [ ! -f "$MANY" ]; then
    echo "== building $MANY (3 layers x 150,000 files, 300,000 distinct paths)"
    python3 - "$MANY" <<'EOF'
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
EOF
  fi
  measure many java -Xmx256m -jar target/jlint.jar image "$MANY" --format json --fail-on none > "$BENCH_DIR/many.txt"
  awk '{printf "jlint image -Xmx256m, 450,000 entries / 300,000 paths: wall %.2f s, cpu %.2f s, peak RSS %d MB\n", $2, $3, $4}' \
    "$BENCH_DIR/many.txt"
fi
