"""Exports a folder-per-class image set as a table (built-in template "dataset-export")."""

import argparse
import os
import shutil
import sys

sys.dont_write_bytecode = True  # keep the template folder clean (it may be read-only)
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import atelier_io  # noqa: E402
import atelier_log  # noqa: E402

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff")


def find_images(folder):
    """[(label, path)] in a stable order: labels sorted, files sorted within each."""
    if not os.path.isdir(folder):
        atelier_io.fail("image folder %s does not exist" % folder)
    items = []
    for label in sorted(os.listdir(folder)):
        sub = os.path.join(folder, label)
        if not os.path.isdir(sub) or label.startswith("."):
            continue
        for name in sorted(os.listdir(sub)):
            if name.lower().endswith(IMAGE_SUFFIXES) and os.path.isfile(os.path.join(sub, name)):
                items.append((label, os.path.join(sub, name)))
    if not items:
        atelier_io.fail(
            "no images in %s: expected one sub-folder per label holding image files" % folder
        )
    return items


def features(path, size):
    import numpy as np
    from PIL import Image

    try:
        with Image.open(path) as image:
            rgb = image.convert("RGB")
    except (OSError, ValueError) as e:
        atelier_io.fail("cannot read image %s: %s" % (path, e))
    pixels = np.asarray(rgb, dtype=np.float64) / 255.0
    gray = np.asarray(rgb.convert("L"), dtype=np.float64) / 255.0
    small = rgb.convert("L").resize((size, size), Image.BILINEAR)
    small = np.asarray(small, dtype=np.float64).reshape(-1) / 255.0
    extra = [pixels[..., 0].mean(), pixels[..., 1].mean(), pixels[..., 2].mean(), gray.std()]
    return ["%.6g" % v for v in list(small) + extra + shape_features(rgb)]


SHAPE_COLUMNS = ["shape_compactness", "shape_radial_spread", "shape_area_ratio", "shape_elongation"]


def shape_features(rgb):
    """Rotation-invariant descriptors of the largest saturated region (the object).

    Compactness 4πA/P² (circle 1, square ~0.8, triangle ~0.6), spread of the boundary's
    distance from the centroid, area over that of the ellipse with the same second moments,
    and minor/major axis ratio. Zeros when nothing stands out from a grey background.
    """
    import numpy as np
    from scipy import ndimage

    saturation = np.asarray(rgb.convert("HSV"), dtype=np.float64)[..., 1] / 255.0
    mask = ndimage.binary_opening(saturation > 0.4, iterations=2)
    labels, count = ndimage.label(mask)
    if count == 0:
        return [0.0] * len(SHAPE_COLUMNS)
    sizes = ndimage.sum(mask, labels, range(1, count + 1))
    region = labels == int(np.argmax(sizes)) + 1
    boundary = region & ~ndimage.binary_erosion(region)
    ys, xs = np.nonzero(region)
    by, bx = np.nonzero(boundary)
    area = float(region.sum())
    compactness = 4 * np.pi * area / max(float(boundary.sum()), 1.0) ** 2
    distance = np.hypot(bx - xs.mean(), by - ys.mean())
    spread = distance.std() / max(distance.mean(), 1e-9)
    if len(xs) > 1:
        axes = np.sort(np.linalg.eigvalsh(np.cov(np.vstack([xs, ys]))))
    else:
        axes = np.zeros(2)
    ellipse = 4 * np.pi * np.sqrt(max(axes[0], 0.0) * max(axes[1], 0.0))
    area_ratio = area / ellipse if ellipse > 0 else 0.0
    elongation = axes[0] / axes[1] if axes[1] > 0 else 0.0
    return [compactness, spread, area_ratio, elongation]


def link_or_copy(source, target):
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def export_dataset(atelier, workspace, reference):
    """Writes the dataset version as one folder per label (atelier dataset export)."""
    import subprocess

    target = os.path.join(os.environ.get("ATELIER_TASK_DIR", os.getcwd()), "dataset")
    if os.path.isdir(target):
        shutil.rmtree(target)
    argv = [atelier, "dataset", "export", reference, "--format", "folder", "--out", target]
    if workspace:
        argv += ["--workspace", workspace]
    done = subprocess.run(argv, capture_output=True, text=True)
    if done.returncode != 0:
        atelier_io.fail("cannot export dataset %s: %s" % (reference, done.stderr.strip()))
    print(done.stdout.strip())
    return target


def main():
    parser = argparse.ArgumentParser(description="Export a folder-per-class image set.")
    parser.add_argument("--folder", default="")
    parser.add_argument("--dataset", default="", help="NAME[@VERSION] of a workspace dataset")
    parser.add_argument("--atelier", default="atelier", help="the atelier program")
    parser.add_argument("--workspace", default="")
    parser.add_argument("--format", choices=["features-csv", "csv", "folder"], default="features-csv")
    parser.add_argument("--size", type=int, default=8)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    if not 2 <= args.size <= 64:
        atelier_io.fail("size must be between 2 and 64 (got %d)" % args.size)

    if args.dataset:
        folder = export_dataset(args.atelier, args.workspace, args.dataset)
    elif args.folder:
        folder = args.folder
    else:
        atelier_io.fail("give an image folder or a workspace dataset (NAME@VERSION)")
    items = find_images(os.path.abspath(folder))
    out = atelier_io.output_dir(args.out)
    if args.format == "features-csv":
        header = ["label"] + ["p%d" % i for i in range(args.size * args.size)]
        header += ["mean_r", "mean_g", "mean_b", "std_gray"] + SHAPE_COLUMNS
        rows = [[label] + features(path, args.size) for label, path in items]
    elif args.format == "csv":
        header = ["path", "label"]
        rows = [[path, label] for label, path in items]
    else:
        # The images in one folder per label; table.csv lists them relative to itself.
        header = ["path", "label"]
        rows = []
        for label, path in items:
            os.makedirs(os.path.join(out, label), exist_ok=True)
            relative = os.path.join(label, os.path.basename(path))
            link_or_copy(path, os.path.join(out, relative))
            rows.append([relative, label])
    atelier_io.write_table(out, header, rows)
    labels = sorted({label for label, _ in items})
    atelier_log.log_many({"images": len(items), "labels": len(labels)})
    print("exported %d images of %d labels as %s" % (len(items), len(labels), args.format))
    return 0


if __name__ == "__main__":
    sys.exit(main())
