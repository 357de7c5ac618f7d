# Shared by bench/image.sh and bench/squash.sh (sourced, not run): the floors jlint is measured against.
# Expects BENCH_DIR and IMG (an OCI layout tar whose layers are gzip blobs).

# the layer blobs of $IMG, extracted once (outside the timed part) under $BENCH_DIR/layers; sets BLOBS
bench_layer_blobs() {
  local ldir=$BENCH_DIR/layers
  if [ ! -d "$ldir" ] || [ "$ldir" -ot "$IMG" ]; then
    rm -rf "$ldir" "$ldir.part"; mkdir -p "$ldir.part"; tar -C "$ldir.part" -xf "$IMG"; mv "$ldir.part" "$ldir"
  fi
  BLOBS=$(python3 - "$ldir" <<'PY'
import json, os, sys
d = sys.argv[1]
idx = json.load(open(os.path.join(d, "index.json")))
m = json.load(open(os.path.join(d, "blobs/sha256", idx["manifests"][0]["digest"][7:])))
print(" ".join(os.path.join(d, "blobs/sha256", l["digest"][7:]) for l in m["layers"]))
PY
)
}

# the plain Java inflate loop (one thread, java.util.zip), compiled into $BENCH_DIR/java: class Inflate
bench_inflate_class() {
  mkdir -p "$BENCH_DIR/java"
  cat > "$BENCH_DIR/java/Inflate.java" <<'JAVA'
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Inflates every file given, one after the other, and discards the bytes. */
public class Inflate {
    public static void main(String[] args) throws Exception {
        byte[] buf = new byte[1 << 16];
        long total = 0;
        for (String a : args) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of(a)), 1 << 16)) {
                int r;
                while ((r = in.read(buf)) > 0) {
                    total += r;
                }
            }
        }
        System.out.println("inflated " + total + " bytes");
    }
}
JAVA
  javac -d "$BENCH_DIR/java" "$BENCH_DIR/java/Inflate.java"
}

# wall and CPU seconds and peak RSS of a command, from /usr/bin/time -v
measure() {  # measure NAME cmd...   -> "NAME wall cpu rssMB cpu%"
  local name=$1; shift
  /usr/bin/time -v -o "$BENCH_DIR/$name.time" "$@" > "$BENCH_DIR/$name.out"
  awk -F': ' -v n="$name" '
    /Elapsed \(wall clock\)/ {k=split($2,a,":"); w=0; for(i=1;i<=k;i++) w=w*60+a[i]}
    /User time/ {u=$2} /System time/ {s=$2} /Maximum resident set size/ {r=$2} /Percent of CPU/ {c=$2}
    END {printf "%s %.2f %.2f %d %s\n", n, w, u+s, r/1024, c}' "$BENCH_DIR/$name.time"
}
