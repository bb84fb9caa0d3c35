#!/usr/bin/python3
"""Checks a COCO export against the COCO data format (https://cocodataset.org/#format-data),
independently of Atelier (pycocotools is not packaged in Debian, so its RLE string codec is
written out here from its maskApi.c), and optionally compares it field by field with the input
it was made from.

Usage: coco_check.py EXPORT_DIR [--expect INPUT_JSON_OR_DIR]
Checks every instances*.json in EXPORT_DIR: unique image / annotation / category ids, every
annotation's image_id and category_id exist, the image file exists under images/, bbox inside
the image, area present and positive, segmentation either polygon lists (each of even length
>= 6) or RLE {"size": [h, w], "counts"} whose runs sum to h * w (the compressed string form
decoded as pycocotools does). With --expect, the input's categories (ids, names,
supercategories, order), images (ids, file_name, width, height, other fields) and annotations
(ids, image and category ids, iscrowd, area, bbox, segmentation and its RLE form, other fields)
must come back. Prints one line per problem; exit status 1 when there is any.
"""
import json
import math
import os
import sys

import numpy as np


def rle_from_string(s):
    """pycocotools' rleFrString: 6 bits a char offset by 48, sign-extended, deltas from the
    count two before (from the third on)."""
    counts = []
    p = 0
    while p < len(s):
        x = 0
        k = 0
        more = True
        while more:
            c = ord(s[p]) - 48
            x |= (c & 0x1F) << (5 * k)
            more = bool(c & 0x20)
            p += 1
            k += 1
            if not more and (c & 0x10):
                x |= -1 << (5 * k)
        if len(counts) > 2:
            x += counts[-2]
        counts.append(x)
    return counts


def rle_to_string(counts):
    """pycocotools' rleToString (used by the fixture generator)."""
    out = []
    for i, x in enumerate(counts):
        if i > 2:
            x -= counts[i - 2]
        more = True
        while more:
            c = x & 0x1F
            x >>= 5
            more = (x != -1) if (c & 0x10) else (x != 0)
            if more:
                c |= 0x20
            out.append(chr(c + 48))
    return "".join(out)


def rle_counts(seg):
    counts = seg["counts"]
    return rle_from_string(counts) if isinstance(counts, str) else list(counts)


def rle_mask(seg):
    """The mask as an h x w array (column-major runs, starting with zeros)."""
    h, w = seg["size"]
    flat = np.zeros(h * w, dtype=np.uint8)
    at = 0
    for i, n in enumerate(rle_counts(seg)):
        if i % 2:
            flat[at:at + n] = 1
        at += n
    return flat.reshape((w, h)).T


def instance_files(path):
    if os.path.isfile(path):
        return {os.path.basename(path): path}
    found = {}
    for root, _, files in os.walk(path):
        for f in sorted(files):
            if f.endswith(".json"):
                found[f] = os.path.join(root, f)
    return found


class Checker:
    def __init__(self):
        self.problems = []

    def fail(self, where, what):
        self.problems.append(f"{where}: {what}")

    def check(self, name, coco, images_dir):
        image_ids, ann_ids, cat_ids = set(), set(), set()
        sizes = {}
        for im in coco.get("images", []):
            if im["id"] in image_ids:
                self.fail(name, f"image id {im['id']} twice")
            image_ids.add(im["id"])
            sizes[im["id"]] = (im["width"], im["height"])
            if not os.path.isfile(os.path.join(images_dir, im["file_name"])):
                self.fail(name, f"image {im['id']}: no file images/{im['file_name']}")
        for c in coco.get("categories", []):
            if c["id"] in cat_ids:
                self.fail(name, f"category id {c['id']} twice")
            cat_ids.add(c["id"])
            if "supercategory" not in c or "name" not in c:
                self.fail(name, f"category {c['id']}: no name or supercategory")
        for a in coco.get("annotations", []):
            where = f"{name}: annotation {a.get('id')}"
            if a.get("id") in ann_ids:
                self.fail(where, "id twice")
            ann_ids.add(a.get("id"))
            if a.get("image_id") not in image_ids:
                self.fail(where, f"image_id {a.get('image_id')} is not an image")
                continue
            if a.get("category_id") not in cat_ids:
                self.fail(where, f"category_id {a.get('category_id')} is not a category")
            w, h = sizes[a["image_id"]]
            x, y, bw, bh = a["bbox"]
            if x < -0.5 or y < -0.5 or bw <= 0 or bh <= 0 or x + bw > w + 0.5 or y + bh > h + 0.5:
                self.fail(where, f"bbox {a['bbox']} outside the {w}x{h} image")
            if not (isinstance(a.get("area"), (int, float)) and a["area"] > 0):
                self.fail(where, f"area {a.get('area')} missing or not positive")
            if a.get("iscrowd") not in (0, 1):
                self.fail(where, f"iscrowd {a.get('iscrowd')}")
            seg = a.get("segmentation")
            if isinstance(seg, list):
                for part in seg:
                    if len(part) < 6 or len(part) % 2:
                        self.fail(where, f"a polygon of {len(part)} coordinates")
            elif isinstance(seg, dict):
                rh, rw = seg["size"]
                if (rh, rw) != (h, w):
                    self.fail(where, f"RLE size {seg['size']} is not the image's [{h}, {w}]")
                counts = rle_counts(seg)
                if sum(counts) != rh * rw or min(counts, default=0) < 0:
                    self.fail(where, f"RLE counts sum to {sum(counts)}, not {rh * rw}")
            else:
                self.fail(where, f"segmentation is neither polygons nor RLE: {seg!r}")

    def compare(self, name, got, want):
        cats = [(c["id"], c["name"], c.get("supercategory", "")) for c in want["categories"]]
        got_cats = [(c["id"], c["name"], c.get("supercategory", "")) for c in got["categories"]]
        if got_cats != cats:
            self.fail(name, f"categories {got_cats} != {cats}")
        got_images = {im["id"]: im for im in got["images"]}
        for im in want["images"]:
            g = got_images.get(im["id"])
            if g is None:
                self.fail(name, f"image {im['id']} missing")
                continue
            for key, value in im.items():
                if g.get(key) != value:
                    self.fail(name, f"image {im['id']}: {key} {g.get(key)!r} != {value!r}")
        got_anns = {a["id"]: a for a in got["annotations"]}
        if len(got_anns) != len(want["annotations"]):
            self.fail(name, f"{len(got_anns)} annotations, {len(want['annotations'])} given")
        for a in want["annotations"]:
            g = got_anns.get(a["id"])
            where = f"{name}: annotation {a['id']}"
            if g is None:
                self.fail(where, "missing")
                continue
            for key, value in a.items():
                if key == "segmentation":
                    self.compare_segmentation(where, g.get(key), value)
                elif key == "bbox":
                    if any(abs(p - q) > 0.01 for p, q in zip(g[key], value)):
                        self.fail(where, f"bbox {g[key]} != {value}")
                elif key == "attributes":
                    for k, v in value.items():
                        if g.get(key, {}).get(k) != v:
                            self.fail(where, f"attributes.{k} {g.get(key, {}).get(k)!r} != {v!r}")
                elif isinstance(value, float):
                    if not math.isclose(g.get(key, math.nan), value, abs_tol=1e-6):
                        self.fail(where, f"{key} {g.get(key)!r} != {value!r}")
                elif g.get(key) != value:
                    self.fail(where, f"{key} {g.get(key)!r} != {value!r}")

    def compare_segmentation(self, where, got, want):
        if isinstance(want, dict):
            if not isinstance(got, dict):
                self.fail(where, f"RLE became {got!r}")
                return
            if type(got["counts"]) is not type(want["counts"]):
                self.fail(where, f"RLE form changed: counts {type(want['counts']).__name__} "
                                 f"came back as {type(got['counts']).__name__}")
            if got["size"] != want["size"] or not np.array_equal(rle_mask(got), rle_mask(want)):
                self.fail(where, "RLE mask differs")
            return
        if not isinstance(got, list) or len(got) != len(want):
            self.fail(where, f"{len(want)} polygon parts came back as {got!r}")
            return
        for p, q in zip(got, want):
            if len(p) != len(q) or any(abs(u - v) > 0.01 for u, v in zip(p, q)):
                self.fail(where, f"polygon {p} != {q}")


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    export = argv[1]
    expect = argv[argv.index("--expect") + 1] if "--expect" in argv else None
    checker = Checker()
    exported = instance_files(export)
    if not exported:
        checker.fail(export, "no COCO file")
    loaded = {}
    for name, path in exported.items():
        with open(path, encoding="utf-8") as f:
            loaded[name] = json.load(f)
        checker.check(name, loaded[name], os.path.join(export, "images"))
    if expect:
        for name, path in instance_files(expect).items():
            with open(path, encoding="utf-8") as f:
                want = json.load(f)
            if name not in loaded:
                checker.fail(name, f"not exported (got {sorted(loaded)})")
                continue
            checker.compare(name, loaded[name], want)
    for p in checker.problems:
        print(p)
    images = sum(len(c.get("images", [])) for c in loaded.values())
    annotations = sum(len(c.get("annotations", [])) for c in loaded.values())
    print(f"{'FAIL' if checker.problems else 'OK'}: {len(loaded)} files, {images} images, "
          f"{annotations} annotations, {len(checker.problems)} problems")
    return 1 if checker.problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
