#!/usr/bin/python3
# Writes the YOLO fixtures of tst_yololabelme (run once; the output is committed), in the
# layout Ultralytics documents (https://docs.ultralytics.com/datasets/detect/ and
# .../datasets/segment/): images/<split>/, labels/<split>/<stem>.txt, data.yaml with path,
# train, val, test and names as an index map; and a YOLO-seg folder with classes.txt only.
import os, shutil
from PIL import Image

os.chdir(os.path.dirname(os.path.abspath(__file__)))


def img(path, w, h, color):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    Image.new('RGB', (w, h), color).save(path)


def text(path, content):
    os.makedirs(os.path.dirname(path) or '.', exist_ok=True)
    open(path, 'w').write(content)


for d in ('yolo-ultralytics', 'yolo-seg'):
    shutil.rmtree(d, ignore_errors=True)

# Detection with train/val splits; class 2 is never used and the first row uses class 3.
text('yolo-ultralytics/data.yaml', '''\
# Ultralytics YOLO dataset, as in coco8.yaml
path: ../datasets/shapes4 # dataset root dir (not here: the YAML's own folder is used)
train: images/train # train images (relative to 'path')
val: images/val # val images (relative to 'path')
test: # test images (optional)

# Classes
names:
  0: zebra
  1: apple
  2: 'unused: never drawn'
  3: car

# Download script/URL (optional)
download: |
  from ultralytics.utils.downloads import download
  download(["https://example.invalid/shapes4.zip"])
''')
img('yolo-ultralytics/images/train/t1.png', 64, 48, (200, 10, 10))
img('yolo-ultralytics/images/train/t2.png', 64, 48, (10, 200, 10))
img('yolo-ultralytics/images/val/v1.png', 50, 40, (10, 10, 200))
text('yolo-ultralytics/labels/train/t1.txt', '3 0.5 0.5 0.25 0.25\n0 0.25 0.25 0.125 0.125\n')
text('yolo-ultralytics/labels/train/t2.txt', '3 0.5 0.5 1 1\n')
text('yolo-ultralytics/labels/val/v1.txt', '1 0.5 0.5 0.5 0.5\n')

# YOLO-seg: polygon rows, and one box row (a segmentation dataset keeps it as a polygon).
text('yolo-seg/classes.txt', 'road\nsign\nsky\n')
img('yolo-seg/images/s1.png', 80, 60, (120, 120, 10))
img('yolo-seg/images/s2.png', 80, 60, (10, 120, 120))
text('yolo-seg/labels/s1.txt',
     '1 0.1 0.1 0.4 0.1 0.4 0.5 0.1 0.5\n0 0.5 0.5 0.9 0.5 0.7 0.9\n')
text('yolo-seg/labels/s2.txt', '1 0.5 0.5 0.25 0.25\n')
