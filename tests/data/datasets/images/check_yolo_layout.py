#!/usr/bin/python3
# Checks a YOLO export against the layout Ultralytics documents and reads
# (https://docs.ultralytics.com/datasets/detect/, .../segment/; ultralytics is not packaged
# in Debian, so its rules are restated here): data.yaml with path, train and val (folders
# relative to path) and names as an index map 0..n-1; for every image under a split folder
# the label file that img2label_paths names (the last /images/ → /labels/, suffix .txt);
# rows "class cx cy w h" or "class x1 y1 … xn yn" (n ≥ 3), normalised to [0, 1], class < nc.
# Prints a JSON summary; exits 1 with the reasons when something is off.
import json, os, sys
from decimal import Decimal
import yaml

root = sys.argv[1]
errors = []
data = yaml.safe_load(open(os.path.join(root, 'data.yaml'), encoding='utf-8'))
for key in ('path', 'train', 'val', 'names'):
    if key not in data:
        errors.append('data.yaml has no ' + key)
names = data.get('names') or {}
if isinstance(names, list):
    names = dict(enumerate(names))
if sorted(names) != list(range(len(names))):
    errors.append('names are not indexed 0..n-1: %r' % sorted(names))
if 'nc' in data and data['nc'] != len(names):
    errors.append('nc %r but %d names' % (data['nc'], len(names)))
base = data.get('path') or root
if not os.path.isabs(base) or not os.path.isdir(base):
    errors.append('path %r is not the dataset folder' % base)
classes = [line.rstrip('\n') for line in open(os.path.join(root, 'classes.txt'), encoding='utf-8')]
if classes != [names[i] for i in range(len(names))]:
    errors.append('classes.txt %r differs from names' % classes)

IMAGES = ('.png', '.jpg', '.jpeg', '.bmp', '.gif', '.webp', '.tif', '.tiff')
splits = {}
kinds = set()
rows = 0
seen = set()  # train and val may name the same folder
for key in ('train', 'val', 'test'):
    if key not in data or data[key] is None:
        continue
    folders = data[key] if isinstance(data[key], list) else [data[key]]
    files = []
    for folder in folders:
        full = os.path.join(base, folder)
        if not os.path.isdir(full):
            errors.append('%s: %s is not a folder' % (key, folder))
            continue
        for dirpath, _, filenames in os.walk(full):
            for f in sorted(filenames):
                if f.lower().endswith(IMAGES):
                    files.append(os.path.relpath(os.path.join(dirpath, f), root))
    splits[key] = sorted(files)
    for image in files:
        path = os.path.join(root, image)
        sa, sb = os.sep + 'images' + os.sep, os.sep + 'labels' + os.sep
        label = sb.join(path.rsplit(sa, 1)).rsplit('.', 1)[0] + '.txt'
        if not os.path.isfile(label):
            errors.append('no label file %s for %s' % (label, image))
            continue
        if label in seen:
            continue
        seen.add(label)
        for n, line in enumerate(open(label, encoding='utf-8'), 1):
            parts = line.split()
            if not parts:
                continue
            rows += 1
            where = '%s:%d' % (os.path.relpath(label, root), n)
            cls = int(parts[0])
            if not 0 <= cls < len(names):
                errors.append('%s: class %d not in names' % (where, cls))
            values = [Decimal(p) for p in parts[1:]]
            if any(len(p.split('.')[-1]) > 6 for p in parts[1:]):
                errors.append('%s: more than 6 decimals' % where)
            if any(v < 0 or v > 1 for v in values):
                errors.append('%s: a value outside [0, 1]' % where)
            if len(values) == 4:
                kinds.add('box')
                cx, cy, w, h = values
                if cx - w / 2 < 0 or cx + w / 2 > 1 or cy - h / 2 < 0 or cy + h / 2 > 1:
                    errors.append('%s: the box leaves the image' % where)
            elif len(values) >= 6 and len(values) % 2 == 0:
                kinds.add('polygon')
            else:
                errors.append('%s: %d columns' % (where, len(parts)))
if errors:
    print('\n'.join(errors))
    sys.exit(1)
print(json.dumps({'names': [names[i] for i in range(len(names))], 'splits': splits,
                  'kinds': sorted(kinds), 'rows': rows}))
