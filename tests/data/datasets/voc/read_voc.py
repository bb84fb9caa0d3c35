#!/usr/bin/python3
"""Reads an export with the real readers and prints what they see as JSON, for tst_vocreaders.

    read_voc.py detection ROOT        torchvision VOCDetection(ROOT, year="2012", image_set=…,
                                      download=False) for train, val and trainval
    read_voc.py segmentation ROOT     torchvision VOCSegmentation(…, image_set="train")
    read_voc.py png FILE [REFERENCE]  PIL: mode, palette, the indices, equal to REFERENCE's
"""
import json
import sys

import numpy as np
from PIL import Image


def detection(root):
    from torchvision.datasets import VOCDetection
    seen = {}
    for image_set in ("train", "val", "trainval"):
        dataset = VOCDetection(root, year="2012", image_set=image_set, download=False)
        items = []
        for index in range(len(dataset)):
            image, target = dataset[index]
            a = target["annotation"]
            objects = []
            for o in a.get("object", []):
                b = o["bndbox"]
                objects.append({
                    "name": o["name"],
                    # int() as detection code does: refuses "12.5"
                    "bndbox": [int(b["xmin"]), int(b["ymin"]), int(b["xmax"]), int(b["ymax"])],
                    "difficult": int(o.get("difficult", "0")),
                    "truncated": int(o.get("truncated", "0")),
                    "pose": o.get("pose", ""),
                    "occluded": o.get("occluded"),
                    "part": o.get("part"),
                })
            items.append({"filename": a["filename"], "size": list(image.size),
                          "segmented": a.get("segmented"), "owner": a.get("owner"),
                          "objects": objects})
        seen[image_set] = items
    print(json.dumps(seen))


def segmentation(root):
    from torchvision.datasets import VOCSegmentation
    dataset = VOCSegmentation(root, year="2012", image_set="train", download=False)
    items = []
    for index in range(len(dataset)):
        image, target = dataset[index]
        items.append({"image": list(image.size), "mode": target.mode,
                      "values": sorted(int(v) for v in np.unique(np.array(target)))})
    print(json.dumps(items))


def png(file, reference=None):
    image = Image.open(file)
    palette = image.getpalette() or []
    result = {"mode": image.mode, "size": list(image.size),
              "palette": palette[:3 * 16] + palette[3 * 255:3 * 256],
              "values": sorted(int(v) for v in np.unique(np.array(image)))}
    if reference:
        result["equal"] = bool(np.array_equal(np.array(image), np.array(Image.open(reference))))
    print(json.dumps(result))


if __name__ == "__main__":
    {"detection": detection, "segmentation": segmentation, "png": png}[sys.argv[1]](*sys.argv[2:])
