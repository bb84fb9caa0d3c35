#!/usr/bin/python3
"""Writes the COCO fixture of tst_cocoformat (run from this folder): annotations/
instances_train.json following the COCO data format (https://cocodataset.org/#format-data) and
its images, drawn with PIL. What it holds, each a thing an import used to lose: category ids
7/3/90/42 in that order with supercategories (90 unused), image ids 101.. with file names in
sub-folders and license / coco_url / date_captured, a multi-part polygon, crowd RLE in the
uncompressed list form and an RLE in pycocotools' compressed string form, an annotation with
no area, two annotations alike but for their ids, CVAT-style "attributes", and the top-level
"info" and "licenses" blocks."""
import json
import os
import sys

import numpy as np
from PIL import Image

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../../../tools"))
from coco_check import rle_to_string  # noqa: E402


def runs(mask):
    """Column-major runs starting with zeros, as COCO's RLE."""
    flat = mask.T.flatten()
    counts, current, n = [], 0, 0
    for v in flat:
        if v != current:
            counts.append(n)
            current, n = v, 0
        n += 1
    counts.append(n)
    return [int(c) for c in counts]


def main():
    images = [
        {"id": 101, "file_name": "city/street.png", "width": 40, "height": 30, "license": 1,
         "coco_url": "http://example.org/street.png", "date_captured": "2026-01-02 10:00:00"},
        {"id": 102, "file_name": "city/park.png", "width": 40, "height": 30, "license": 1},
        {"id": 103, "file_name": "home/kitchen.png", "width": 32, "height": 24},
        {"id": 104, "file_name": "home/empty.png", "width": 16, "height": 12},
    ]
    for n, im in enumerate(images):
        path = os.path.join("images", im["file_name"])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        Image.new("RGB", (im["width"], im["height"]), (40 * n, 90, 200 - 30 * n)).save(path)

    crowd = np.zeros((30, 40), dtype=np.uint8)
    crowd[3:12, 5:15] = 1
    dog = np.zeros((30, 40), dtype=np.uint8)
    yy, xx = np.mgrid[0:30, 0:40]
    dog[(xx - 27) ** 2 + (yy - 15) ** 2 <= 36] = 1
    dog[20:26, 30:38] = 1

    annotations = [
        {"id": 1001, "image_id": 101, "category_id": 3, "iscrowd": 0, "area": 150.5,
         "bbox": [2.0, 4.0, 20.0, 12.0],
         "segmentation": [[2.0, 4.0, 22.0, 4.0, 22.0, 16.0, 2.0, 16.0]],
         "attributes": {"occluded": True}},
        {"id": 1002, "image_id": 101, "category_id": 7, "iscrowd": 0,
         "bbox": [25.0, 2.0, 13.0, 26.0],
         "segmentation": [[25.0, 2.0, 38.0, 2.0, 31.5, 12.0],
                          [26.0, 15.0, 37.0, 15.0, 37.0, 28.0, 26.0, 28.0]]},
        {"id": 1003, "image_id": 102, "category_id": 7, "iscrowd": 1, "area": int(crowd.sum()),
         "bbox": [5.0, 3.0, 10.0, 9.0],
         "segmentation": {"size": [30, 40], "counts": runs(crowd)}},
        {"id": 1004, "image_id": 102, "category_id": 42, "iscrowd": 0, "area": int(dog.sum()),
         "bbox": [21.0, 9.0, 17.0, 17.0],
         "segmentation": {"size": [30, 40], "counts": rle_to_string(runs(dog))}},
        {"id": 1005, "image_id": 103, "category_id": 42, "iscrowd": 0, "area": 40.0,
         "bbox": [4.0, 4.0, 8.0, 5.0],
         "segmentation": [[4.0, 4.0, 12.0, 4.0, 12.0, 9.0, 4.0, 9.0]]},
        {"id": 1006, "image_id": 103, "category_id": 42, "iscrowd": 0, "area": 40.0,
         "bbox": [4.0, 4.0, 8.0, 5.0],
         "segmentation": [[4.0, 4.0, 12.0, 4.0, 12.0, 9.0, 4.0, 9.0]]},
    ]
    coco = {
        "info": {"description": "Atelier COCO fixture", "version": "1.0", "year": 2026,
                 "contributor": "tests", "url": "", "date_created": "2026/12/06"},
        "licenses": [{"id": 1, "name": "CC BY 4.0", "url": "https://creativecommons.org/"}],
        "categories": [
            {"id": 7, "name": "person", "supercategory": "human"},
            {"id": 3, "name": "car", "supercategory": "vehicle"},
            {"id": 90, "name": "toothbrush", "supercategory": "indoor"},
            {"id": 42, "name": "dog", "supercategory": "animal"},
        ],
        "images": images,
        "annotations": annotations,
    }
    os.makedirs("annotations", exist_ok=True)
    with open("annotations/instances_train.json", "w", encoding="utf-8") as f:
        json.dump(coco, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
