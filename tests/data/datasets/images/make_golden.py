#!/usr/bin/python3
# Writes the image-dataset golden files of tst_imageformats (run once; the output is committed).
# Deterministic: the same bytes every run (PIL, fixed colours, fixed archive times).
import base64, io, json, os, shutil, tarfile, zipfile
from PIL import Image, ImageDraw

os.chdir(os.path.dirname(os.path.abspath(__file__)))
FIXED = (2026, 1, 1, 0, 0, 0)


def img(path, w, h, color, fmt=None, shape=None):
    os.makedirs(os.path.dirname(path) or '.', exist_ok=True)
    im = Image.new('RGB', (w, h), color)
    if shape:
        ImageDraw.Draw(im).rectangle(shape, fill=(255, 255, 255))
    im.save(path, fmt)


# folder per class: a duplicate in another class, a text file, a fake PNG, a cut JPEG
img('folder/cat/cat1.png', 32, 24, (200, 30, 30))
img('folder/cat/cat2.png', 32, 24, (190, 40, 30))
img('folder/dog/dog1.jpg', 40, 30, (30, 30, 200), 'JPEG')
img('folder/dog/dog2.png', 40, 30, (30, 60, 200))
img('folder/unsorted.png', 20, 20, (10, 10, 10))
shutil.copy('folder/cat/cat1.png', 'folder/dog/cat1-again.png')
open('folder/notes.txt', 'w').write('not an image\n')
open('folder/dog/broken.png', 'wb').write(b'\x89PNG\r\n\x1a\nthis is not really a png')
buf = io.BytesIO()
Image.new('RGB', (120, 80), (1, 2, 3)).save(buf, 'JPEG')
open('folder/cat/truncated.jpg', 'wb').write(buf.getvalue()[:len(buf.getvalue()) * 7 // 10])

# COCO: a missing image, a non-integer id, a repeated id, unknown image and category ids,
# a short bbox, an RLE mask
for i, (w, h, c) in enumerate([(64, 48, (250, 0, 0)), (64, 48, (0, 250, 0)), (80, 60, (0, 0, 250))]):
    img(f'coco/images/img{i + 1}.png', w, h, c, shape=(5 + i, 5, 20 + i, 20))
coco = {
    "images": [
        {"id": 1, "file_name": "img1.png", "width": 64, "height": 48},
        {"id": 2, "file_name": "img2.png", "width": 64, "height": 48},
        {"id": 3, "file_name": "img3.png", "width": 80, "height": 60},
        {"id": 4, "file_name": "missing.png", "width": 10, "height": 10},
        {"id": "five", "file_name": "img1.png"},
        {"id": 2, "file_name": "img2-again.png"}],
    "categories": [{"id": 1, "name": "car"}, {"id": 2, "name": "person"}],
    "annotations": [
        {"id": 1, "image_id": 1, "category_id": 1, "bbox": [4, 5, 20, 10],
         "segmentation": [[4, 5, 24, 5, 24, 15, 4, 15]], "area": 200, "iscrowd": 0},
        {"id": 2, "image_id": 1, "category_id": 2, "bbox": [30.5, 10, 12, 30],
         "segmentation": [[30.5, 10, 42.5, 10, 36, 40]], "area": 180, "iscrowd": 0},
        {"id": 3, "image_id": 2, "category_id": 2, "bbox": [0, 0, 64, 48],
         "segmentation": [[0, 0, 64, 0, 64, 48, 0, 48]], "area": 3072, "iscrowd": 0},
        {"id": 4, "image_id": 3, "category_id": 1, "bbox": [10, 10, 50, 40],
         "segmentation": [[10, 10, 40, 10, 40, 30], [50, 40, 60, 40, 60, 50]], "area": 600,
         "iscrowd": 0},
        {"id": 5, "image_id": 99, "category_id": 1, "bbox": [1, 1, 2, 2]},
        {"id": 6, "image_id": 2, "category_id": 42, "bbox": [1, 1, 2, 2]},
        {"id": 7, "image_id": 2, "category_id": 1, "bbox": [1, 1]},
        {"id": 8, "image_id": 3, "category_id": 2, "bbox": [5, 5, 10, 10],
         "segmentation": {"counts": [1, 2, 3], "size": [60, 80]}, "iscrowd": 1}]}
json.dump(coco, open('coco/instances.json', 'w'), indent=1)


# VOC: a box partly outside (clipped), one wholly outside, a flat one, a nameless one,
# broken XML, an XML whose image is missing
def voc(name, fname, w, h, objs):
    s = (f'<annotation><folder>JPEGImages</folder><filename>{fname}</filename><size>'
         f'<width>{w}</width><height>{h}</height><depth>3</depth></size>')
    for n, (a, b, c, d) in objs:
        s += (f'<object><name>{n}</name><bndbox><xmin>{a}</xmin><ymin>{b}</ymin>'
              f'<xmax>{c}</xmax><ymax>{d}</ymax></bndbox></object>')
    os.makedirs('voc/Annotations', exist_ok=True)
    open(f'voc/Annotations/{name}.xml', 'w').write(s + '</annotation>\n')


img('voc/JPEGImages/a.jpg', 100, 80, (120, 10, 10), 'JPEG')
img('voc/JPEGImages/b.jpg', 100, 80, (10, 120, 10), 'JPEG')
img('voc/JPEGImages/c.jpg', 60, 60, (10, 10, 120), 'JPEG')
voc('a', 'a.jpg', 100, 80, [('dog', (10, 10, 50, 40)), ('cat', (60, 20, 90, 70))])
voc('b', 'b.jpg', 100, 80, [('dog', (80, 60, 130, 100)), ('cat', (200, 200, 250, 250))])
voc('c', 'c.jpg', 60, 60, [('cat', (5, 5, 5, 30)), ('', (1, 1, 2, 2))])
open('voc/Annotations/broken.xml', 'w').write(
    '<annotation><filename>a.jpg</filename><object><name>dog</name>\n')
voc('ghost', 'ghost.jpg', 10, 10, [('dog', (1, 1, 5, 5))])

# YOLO: a line of 4 numbers, an unknown class, a line of words, an empty label file
img('yolo/images/y1.png', 100, 50, (90, 90, 0))
img('yolo/images/y2.png', 80, 80, (0, 90, 90))
img('yolo/images/y3.png', 40, 40, (90, 0, 90))
os.makedirs('yolo/labels', exist_ok=True)
open('yolo/classes.txt', 'w').write('car\nperson\n')
open('yolo/labels/y1.txt', 'w').write('0 0.5 0.5 0.2 0.4\n1 0.25 0.25 0.1 0.1\n')
open('yolo/labels/y2.txt', 'w').write(
    '1 0.5 0.5 0.5\n0 0.5 0.5 0.25 0.25\n7 0.5 0.5 0.1 0.1\nx y z w h\n')
open('yolo/labels/y3.txt', 'w').write('')

# labelme: polygon, rectangle, an unsupported circle; an image only in imageData; broken JSON
img('labelme/l1.png', 50, 40, (5, 100, 5))
json.dump({"version": "5.2.1", "flags": {}, "imagePath": "l1.png", "imageData": None,
           "imageWidth": 50, "imageHeight": 40,
           "shapes": [
               {"label": "leaf", "points": [[5, 5], [30, 5], [20, 30]], "shape_type": "polygon",
                "flags": {}},
               {"label": "stem", "points": [[35, 10], [45, 35]], "shape_type": "rectangle",
                "flags": {}},
               {"label": "dot", "points": [[10, 10], [12, 12]], "shape_type": "circle",
                "flags": {}}]},
          open('labelme/l1.json', 'w'), indent=1)
buf = io.BytesIO()
Image.new('RGB', (30, 30), (7, 7, 200)).save(buf, 'PNG')
json.dump({"version": "5.2.1", "flags": {}, "imagePath": "not-here.png",
           "imageData": base64.b64encode(buf.getvalue()).decode(), "imageWidth": 30,
           "imageHeight": 30,
           "shapes": [{"label": "blob", "points": [[1, 1], [20, 2], [10, 25], [2, 20]],
                       "shape_type": "polygon", "flags": {}}]},
          open('labelme/embedded.json', 'w'), indent=1)
open('labelme/broken.json', 'w').write('{"shapes": [')

# CSV and JSONL
img('csv/images/p1.png', 16, 16, (1, 200, 1))
img('csv/images/p2.png', 16, 16, (200, 1, 1))
img('csv/images/p3.png', 16, 16, (1, 1, 200))
open('csv/labels.csv', 'w').write('image,label\nimages/p1.png,green\nimages/p2.png,"red;warm"\n'
                                  'images/p3.png,\nimages/missing.png,green\n,red\n')
img('jsonl/images/j1.png', 50, 50, (100, 100, 1))
img('jsonl/images/j2.png', 50, 50, (1, 100, 100))
open('jsonl/annotations.jsonl', 'w').write(
    json.dumps({"image": "images/j1.png", "annotations": [
        {"label": "box", "bbox": [1, 2, 10, 20], "author": "ann"},
        {"label": "box", "bbox": [20, 20, 5, 5]}]}) + '\n' +
    json.dumps({"image": "images/j2.png", "boxes": [{"label": "round", "bbox": [0, 0, 50, 50]}],
                "status": "reviewed"}) + '\n' +
    'not json\n' + json.dumps({"label": "x"}) + '\n')

# Archives: entries with .., absolute paths and links; a bomb; a COCO set inside a zip
os.makedirs('archives', exist_ok=True)
a = open('folder/cat/cat1.png', 'rb').read()
b = open('folder/dog/dog2.png', 'rb').read()


def zwrite(z, name, data, attr=None):
    zi = zipfile.ZipInfo(name, FIXED)
    zi.compress_type = zipfile.ZIP_DEFLATED
    if attr is not None:
        zi.external_attr = attr
    z.writestr(zi, data)


with zipfile.ZipFile('archives/evil.zip', 'w') as z:
    zwrite(z, 'shapes/cat/good.png', a)
    zwrite(z, 'shapes/dog/fine.png', b)
    zwrite(z, '../../x.png', a)
    zwrite(z, '/etc/abs.png', a)
    zwrite(z, 'shapes/link.png', 'cat/good.png', 0o120777 << 16)
with zipfile.ZipFile('archives/bomb.zip', 'w') as z:
    zwrite(z, 'big/zeros.png', b'\0' * (3 * 1024 * 1024))
with open('archives/shapes.tar.gz', 'wb') as raw:
    import gzip
    with gzip.GzipFile(fileobj=raw, mode='wb', mtime=0) as gz:
        with tarfile.open(fileobj=gz, mode='w', format=tarfile.USTAR_FORMAT) as t:
            for name, data in [('shapes/cat/good.png', a), ('shapes/dog/fine.png', b),
                               ('../escape.png', a)]:
                ti = tarfile.TarInfo(name)
                ti.size = len(data)
                ti.mtime = 0
                t.addfile(ti, io.BytesIO(data))
            ti = tarfile.TarInfo('shapes/cat/link.png')
            ti.type = tarfile.SYMTYPE
            ti.linkname = '/etc/passwd'
            ti.mtime = 0
            t.addfile(ti)
with zipfile.ZipFile('archives/coco.zip', 'w') as z:
    c2 = {"images": [{"id": 1, "file_name": "img1.png", "width": 64, "height": 48}],
          "categories": [{"id": 1, "name": "car"}],
          "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [4, 5, 20, 10]}]}
    zwrite(z, 'set/annotations/instances.json', json.dumps(c2))
    zwrite(z, 'set/images/img1.png', open('coco/images/img1.png', 'rb').read())
