#!/usr/bin/python3
# labelme's own reader and writer (Debian's labelme 5.1.1) for tst_yololabelme.
#   write DIR mixed|rectangles  writes images and labelme JSON with LabelFile().save
#   read FILE…                  loads each with LabelFile(FILE) and prints what it read as JSON
import json, os, sys
from PIL import Image
from labelme.label_file import LabelFile


def shape(label, points, shape_type, group_id=None, flags=None, **other):
    s = dict(label=label, points=points, group_id=group_id, shape_type=shape_type,
             flags=flags or {})
    s.update(other)
    return s


def write(folder, kind):
    os.makedirs(folder, exist_ok=True)
    Image.new('RGB', (80, 60), (30, 140, 60)).save(os.path.join(folder, 'field.png'))
    Image.new('RGB', (50, 40), (140, 30, 60)).save(os.path.join(folder, 'road.png'))
    if kind == 'rectangles':
        LabelFile().save(os.path.join(folder, 'field.json'),
                         [shape('cow', [[10, 12], [30, 40]], 'rectangle', 1, {'standing': True}),
                          shape('cow', [[40, 5], [70, 25]], 'rectangle')],
                         'field.png', 60, 80)
        LabelFile().save(os.path.join(folder, 'road.json'),
                         [shape('car', [[0, 0], [50, 40]], 'rectangle',
                                description='fills the frame')],
                         'road.png', 40, 50)
        return
    LabelFile().save(
        os.path.join(folder, 'field.json'),
        [shape('leaf', [[5, 5], [30, 5], [20, 30]], 'polygon', 1, {'occluded': True},
               description='left leaf'),
         shape('leaf', [[40, 40], [60, 40], [50, 55]], 'polygon', 1),
         shape('stem', [[35, 10], [45, 35]], 'rectangle', None, {'cut': False}),
         shape('dot', [[60, 20], [65, 20]], 'circle', 7, score=0.75),
         shape('tip', [[10, 50]], 'point'),
         shape('edge', [[0, 0], [10, 10]], 'line'),
         shape('path', [[1, 1], [5, 9], [9, 2]], 'linestrip')],
        'field.png', 60, 80, otherData={'description': 'taken at noon'},
        flags={'blurry': True, 'night': False})
    LabelFile().save(os.path.join(folder, 'road.json'),
                     [shape('car', [[0, 0], [50, 40]], 'rectangle', None, {'parked': True})],
                     'road.png', 40, 50)


def read(files):
    out = []
    for f in files:
        lf = LabelFile(f)
        out.append(dict(file=os.path.basename(f), imagePath=lf.imagePath, flags=lf.flags,
                        otherData=lf.otherData, shapes=lf.shapes))
    print(json.dumps(out))


if sys.argv[1] == 'write':
    write(sys.argv[2], sys.argv[3])
else:
    read(sys.argv[2:])
