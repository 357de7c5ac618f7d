#!/usr/bin/env python3
"""An independent reading of an image archive with Python's tarfile, to check jlint's figures.

Usage: independent_read.py ARCHIVE...   ->  JSON on stdout, by archive path:
  {"images": [{"tags": [...], "layers": [{"size": N, "entries": N, "fileBytes": N}],
               "fileBytes": N, "wastedBytes": N, "final": {"/path": ["file"|"dir"|..., size]}}]}
or {"error": "..."} when the archive is not an image. Written from the OCI image and docker save formats only
(no jlint code): whiteouts and opaque markers hide lower layers, a non-directory replaces a directory's subtree,
hard links share their target's content (wasted = file bytes minus the bytes of contents still named at the end).
"""
import hashlib
import io
import json
import os
import posixpath
import shutil
import subprocess
import sys
import tarfile


def clean(name):
    parts = []
    for p in name.split("/"):
        if p in ("", "."):
            continue
        if p == "..":
            if not parts:
                return None
            parts.pop()
            continue
        parts.append(p)
    return "/".join(parts)


def decompress(data):
    if data[:2] == b"\x1f\x8b":
        import gzip
        return gzip.decompress(data)
    if data[:4] == b"\x28\xb5\x2f\xfd":
        if shutil.which("zstd") is None:
            raise LookupError("zstd")
        return subprocess.run(["zstd", "-dc"], input=data, stdout=subprocess.PIPE, check=True).stdout
    return data


class Archive:
    def __init__(self, path):
        self.tf = tarfile.open(path, "r:*")
        self.members = {}
        for m in self.tf.getmembers():
            n = clean(m.name)
            if n is not None and not m.isdir():
                self.members[n] = m

    def read(self, name):
        m = self.members.get(clean(name))
        if m is None:
            return None
        return self.tf.extractfile(m).read()


def layer_stats(blob, state, index):
    data = decompress(blob)
    entries = 0
    file_bytes = 0
    tf = tarfile.open(fileobj=io.BytesIO(data), mode="r:")
    members = tf.getmembers()
    # whiteouts first apply to lower layers only: collect this layer's names to protect them
    own = set()
    for m in members:
        n = clean(m.name)
        if n:
            own.add(n)
    fs, contents = state
    for m in members:
        entries += 1
        n = clean(m.name)
        if n is None or n == "":
            continue
        base = posixpath.basename(n)
        parent = posixpath.dirname(n)
        if base == ".wh..wh..opq":
            prefix = parent + "/" if parent else ""
            for p in [p for p in fs if p.startswith(prefix) and p != parent and fs[p][2] < index]:
                if not any(o == p or o.startswith(p + "/") for o in own):
                    del fs[p]
            continue
        if base.startswith(".wh..wh."):
            continue
        if base.startswith(".wh."):
            victim = posixpath.join(parent, base[4:])
            for p in [p for p in fs if (p == victim or p.startswith(victim + "/")) and fs[p][2] < index]:
                if not any(o == p or o.startswith(p + "/") for o in own):
                    del fs[p]
            continue
        if m.isfile():
            file_bytes += m.size
        old = fs.get(n)
        if old is not None and not (old[0] == "dir" and m.isdir()):
            for p in [p for p in fs if p.startswith(n + "/")]:
                del fs[p]
        # implicit parents
        d = parent
        while d:
            if d not in fs or fs[d][0] != "dir":
                if d in fs:
                    for p in [p for p in fs if p.startswith(d + "/")]:
                        del fs[p]
                fs[d] = ["dir", 0, index, None]
            d = posixpath.dirname(d)
        if m.isfile():
            cid = (index, len(contents))
            contents[cid] = m.size
            fs[n] = ["file", m.size, index, cid]
        elif m.islnk():
            t = clean(m.linkname)
            target = fs.get(t) if t is not None else None
            if target is not None and target[3] is not None:
                fs[n] = ["hardlink", target[1], index, target[3]]
            else:
                fs[n] = ["hardlink", 0, index, None]
        elif m.isdir():
            fs[n] = ["dir", 0, index, None]
        elif m.issym():
            fs[n] = ["symlink", 0, index, None]
        elif m.ischr():
            fs[n] = ["char", 0, index, None]
        elif m.isblk():
            fs[n] = ["block", 0, index, None]
        elif m.isfifo():
            fs[n] = ["fifo", 0, index, None]
    return {"size": len(data), "entries": entries, "fileBytes": file_bytes,
            "diffId": "sha256:" + hashlib.sha256(data).hexdigest()}


def image(arch, config_bytes, blobs, tags):
    state = ({}, {})
    layers = []
    for i, b in enumerate(blobs):
        layers.append(layer_stats(b, state, i))
    fs, contents = state
    live = {v[3] for v in fs.values() if v[3] is not None}
    file_bytes = sum(l["fileBytes"] for l in layers)
    wasted = file_bytes - sum(contents[c] for c in live)
    final = {"/" + p: [v[0], v[1]] for p, v in sorted(fs.items())}
    return {"tags": tags, "layers": layers, "fileBytes": file_bytes, "wastedBytes": wasted, "final": final}


def main(path):
    try:
        arch = Archive(path)
    except tarfile.TarError as e:
        return {"error": "not a tar: %s" % e}
    manifest = arch.read("manifest.json")
    out = []
    if manifest is not None and json.loads(manifest):
        for m in json.loads(manifest):
            get = lambda k: m.get(k, m.get(k[0].lower() + k[1:]))
            config = arch.read(get("Config"))
            blobs = [arch.read(l) for l in get("Layers")]
            out.append(image(arch, config, blobs, get("RepoTags") or []))
        return {"images": out}
    index = arch.read("index.json")
    if index is None:
        return {"error": "no manifest.json, no index.json"}

    def blob(d):
        return arch.read("blobs/" + d["digest"].replace(":", "/"))

    def manifests(desc):
        doc = json.loads(blob(desc))
        if "manifests" in doc:
            kids = [k for k in doc["manifests"] if k.get("platform", {}).get("os") != "unknown"]
            if len(kids) > 1:
                kids = [k for k in kids if k.get("platform", {}).get("architecture") == "amd64"]
            for k in kids:
                yield from manifests(k)
        else:
            yield doc

    for d in json.loads(index).get("manifests") or []:
        for man in manifests(d):
            config = blob(man["config"])
            blobs = [blob(l) for l in man["layers"]]
            name = (d.get("annotations") or {}).get("org.opencontainers.image.ref.name")
            out.append(image(arch, config, blobs, [name] if name else []))
    return {"images": out}


if __name__ == "__main__":
    results = {}
    for path in sys.argv[1:]:
        try:
            results[path] = main(path)
        except LookupError as e:
            results[path] = {"skip": "no %s tool" % e}
    json.dump(results, sys.stdout)
