#!/usr/bin/python3
"""Writes a small Pascal VOC 2012 devkit folder the way the devkit lays it out, with PIL
(images and palette PNG masks) and ElementTree (annotation XML), for tst_vocreaders.

    make_devkit.py OUT

OUT/data/VOCdevkit/VOC2012 is a symbolic link to OUT/real/VOC2012 (a dataset kept elsewhere,
linked into the folder the user imports: OUT/data). OUT/real/VOC2012/JPEGImages/evil.jpg links
to OUT/outside/secret.jpg, which no import may read.
"""
import os
import sys
import xml.etree.ElementTree as ET

import numpy as np
from PIL import Image


def palette():
    pal = []
    for i in range(256):
        r = g = b = 0
        c = i
        for j in range(8):
            r |= ((c >> 0) & 1) << (7 - j)
            g |= ((c >> 1) & 1) << (7 - j)
            b |= ((c >> 2) & 1) << (7 - j)
            c >>= 3
        pal += [r, g, b]
    return pal


def sub(parent, tag, text=None):
    e = ET.SubElement(parent, tag)
    if text is not None:
        e.text = str(text)
    return e


def write_xml(path, filename, w, h, objects, segmented, extra=True):
    a = ET.Element("annotation")
    sub(a, "folder", "VOC2012")
    sub(a, "filename", filename)
    if extra:
        s = sub(a, "source")
        sub(s, "database", "The VOC2008 Database")
        sub(s, "annotation", "PASCAL VOC2008")
        sub(s, "image", "flickr")
        o = sub(a, "owner")
        sub(o, "flickrid", "someone")
        sub(o, "name", "Some One")
    size = sub(a, "size")
    sub(size, "width", w)
    sub(size, "height", h)
    sub(size, "depth", 3)
    sub(a, "segmented", segmented)
    for obj in objects:
        o = sub(a, "object")
        sub(o, "name", obj["name"])
        sub(o, "pose", obj.get("pose", "Unspecified"))
        sub(o, "truncated", obj.get("truncated", 0))
        if "occluded" in obj:
            sub(o, "occluded", obj["occluded"])
        sub(o, "difficult", obj.get("difficult", 0))
        b = sub(o, "bndbox")
        for k, v in zip(("xmin", "ymin", "xmax", "ymax"), obj["box"]):
            sub(b, k, v)
        for part, pbox in obj.get("parts", []):
            p = sub(o, "part")
            sub(p, "name", part)
            pb = sub(p, "bndbox")
            for k, v in zip(("xmin", "ymin", "xmax", "ymax"), pbox):
                sub(pb, k, v)
    ET.ElementTree(a).write(path)


def main():
    out = sys.argv[1]
    voc = os.path.join(out, "real", "VOC2012")
    for d in ("Annotations", "JPEGImages", "ImageSets/Main", "ImageSets/Segmentation",
              "SegmentationClass", "SegmentationObject"):
        os.makedirs(os.path.join(voc, d), exist_ok=True)
    os.makedirs(os.path.join(out, "data", "VOCdevkit"), exist_ok=True)
    os.symlink(voc, os.path.join(out, "data", "VOCdevkit", "VOC2012"))
    os.makedirs(os.path.join(out, "outside"), exist_ok=True)

    rng = np.random.default_rng(7)
    def photo(name, w, h, where=None):
        pixels = rng.integers(0, 255, (h, w, 3), dtype=np.uint8)
        Image.fromarray(pixels).save(where or os.path.join(voc, "JPEGImages", name), quality=90)

    W, H = 40, 30
    photo("2008_000001.jpg", W, H)
    photo("2008_000002.jpg", W, H)
    photo("2008_000003.jpg", W, H)
    photo("secret.jpg", 8, 8, os.path.join(out, "outside", "secret.jpg"))
    os.symlink(os.path.join(out, "outside", "secret.jpg"),
               os.path.join(voc, "JPEGImages", "evil.jpg"))

    # 2008_000001: a dog (difficult, occluded, facing left) and a person with a head part;
    # both segmented. VOC boxes are 1-based and include both ends.
    write_xml(os.path.join(voc, "Annotations", "2008_000001.xml"), "2008_000001.jpg", W, H, [
        {"name": "dog", "box": (5, 6, 20, 25), "difficult": 1, "occluded": 1, "pose": "Left"},
        {"name": "person", "box": (24, 3, 38, 28), "truncated": 1, "pose": "Frontal",
         "parts": [("head", (27, 3, 33, 9))]},
    ], 1)
    write_xml(os.path.join(voc, "Annotations", "2008_000002.xml"), "2008_000002.jpg", W, H, [
        {"name": "cat", "box": (1, 1, 40, 30)},
    ], 0, extra=False)
    write_xml(os.path.join(voc, "Annotations", "2008_000003.xml"), "2008_000003.jpg", W, H, [
        {"name": "cat", "box": (10, 10, 12, 12), "difficult": 1},
    ], 0, extra=False)
    write_xml(os.path.join(voc, "Annotations", "evil.xml"), "evil.jpg", 8, 8, [
        {"name": "cat", "box": (1, 1, 4, 4)},
    ], 0, extra=False)

    classes = np.zeros((H, W), dtype=np.uint8)
    objects = np.zeros((H, W), dtype=np.uint8)
    # dog (class 12) inside its box, void border one pixel around it
    classes[5:25, 4:20] = 255
    objects[5:25, 4:20] = 255
    classes[6:24, 5:19] = 12
    objects[6:24, 5:19] = 1
    # person (class 15)
    classes[2:28, 23:38] = 15
    objects[2:28, 23:38] = 2
    for array, folder in ((classes, "SegmentationClass"), (objects, "SegmentationObject")):
        image = Image.fromarray(array, mode="P")
        image.putpalette(palette())
        image.save(os.path.join(voc, folder, "2008_000001.png"))

    def lines(path, names):
        with open(os.path.join(voc, "ImageSets", path), "w") as f:
            f.write("".join(n + "\n" for n in names))
    lines("Main/train.txt", ["2008_000001", "2008_000003", "evil"])
    lines("Main/val.txt", ["2008_000002"])
    lines("Main/trainval.txt", ["2008_000001", "2008_000002", "2008_000003", "evil"])
    lines("Main/dog_train.txt", ["2008_000001  1", "2008_000003 -1"])
    lines("Segmentation/train.txt", ["2008_000001"])
    lines("Segmentation/trainval.txt", ["2008_000001"])


if __name__ == "__main__":
    main()
