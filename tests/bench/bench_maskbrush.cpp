// Mask painting on a 4000 × 3000 image, each figure beside its anchor:
//  1. a stroke's encoding: MaskStroke::result (re-encodes the touched columns only) vs
//     MaskRle::fromImage of the whole image (what encoding the mask again would cost);
//  2. the canvas with a mask covering 40% of the image: the first frame (decode and overlay),
//     a frame while zooming (cached overlay) vs the same frame without the mask, and a brush stroke
//     press → moves → release with its frames (goal: every step and frame under 16 ms but the press
//     and the release, which stay under 50 ms).
// Run by tests/bench/run (or alone: build/tests/bench/bench_maskbrush).
#include "datasets/imageannotationdocument.h"
#include "datasets/maskrle.h"
#include "datasets/maskstroke.h"
#include "labeling/annotationcanvas.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

constexpr int kWidth = 4000;
constexpr int kHeight = 3000;

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[values.size() / 2];
}

template <typename F> double timeMs(F &&work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return timer.nsecsElapsed() / 1e6;
}

MaskRle blobMask()
{
    QImage pixels(kWidth, kHeight, QImage::Format_Grayscale8);
    pixels.fill(0);
    QPainter painter(&pixels);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::white);
    painter.drawEllipse(QRect(300, 600, 3400, 1800)); // about 40% of the image
    painter.end();
    return MaskRle::fromImage(pixels);
}

void send(QWidget *widget, QEvent::Type type, const QPointF &at)
{
    const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
    const Qt::MouseButtons buttons =
        type == QEvent::MouseButtonRelease ? Qt::NoButton : Qt::MouseButtons(Qt::LeftButton);
    QMouseEvent event(type, at, widget->mapToGlobal(at), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(widget, &event);
}

// One frame as the screen would get it (grab() runs paintEvent; repaint() does not paint on
// the offscreen platform).
void frame(QWidget &widget)
{
    widget.grab();
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const MaskRle mask = blobMask();
    std::printf("mask: %d x %d, %lld pixels set, %lld runs\n", kWidth, kHeight,
                qlonglong(mask.area()), qlonglong(mask.counts.size()));

    // 1. Encoding a stroke.
    QList<double> spliced, whole, decoded;
    for (int run = 0; run < 5; ++run) {
        std::optional<MaskStroke> stroke;
        decoded.append(timeMs([&] { stroke.emplace(mask, QSize(kWidth, kHeight)); }));
        stroke->paint(QPointF(1000, 400), QPointF(2400, 700), 60, false);
        MaskRle a, b;
        spliced.append(timeMs([&] { a = stroke->result(); }));
        whole.append(timeMs([&] { b = MaskRle::fromImage(stroke->pixels()); }));
        if (!(a == b)) {
            std::printf("ERROR: the spliced runs differ from the whole encoding\n");
            return 1;
        }
    }
    std::printf("stroke encoding (1400 columns touched): %.1f ms  vs  whole image: %.1f ms  "
                "(%.1fx)\n",
                median(spliced), median(whole), median(whole) / std::max(0.01, median(spliced)));
    std::printf(
        "decoding the whole mask from its runs (a stroke without a drawn overlay): %.1f ms\n",
        median(decoded));

    // 2. The canvas.
    ImageAnnotationDocument document;
    DatasetItem item;
    item.id = 1;
    item.width = kWidth;
    item.height = kHeight;
    Annotation annotation = Annotation::mask(u"road"_s, mask);
    annotation.id = 1;
    document.load(item, {annotation});
    QImage image(kWidth, kHeight, QImage::Format_RGB32);
    image.fill(QColor(0x70, 0x80, 0x90));
    AnnotationCanvas canvas;
    canvas.resize(1280, 800);
    canvas.setDocument(&document);
    canvas.setImage(image, AnnotationCanvas::mipLevels(image));
    canvas.show();
    // Anchor: the same zoom frames with no mask on the image.
    document.load(item, {});
    frame(canvas);
    QList<double> plainFrames;
    for (int i = 0; i < 10; ++i)
        plainFrames.append(timeMs([&] {
            canvas.zoomBy(i % 2 ? 1 / 1.2 : 1.2);
            frame(canvas);
        }));
    canvas.fitToView();
    document.load(item, {annotation});
    const double first = timeMs([&] { frame(canvas); });
    QList<double> zoomFrames;
    for (int i = 0; i < 10; ++i)
        zoomFrames.append(timeMs([&] {
            canvas.zoomBy(i % 2 ? 1 / 1.2 : 1.2);
            frame(canvas);
        }));
    canvas.fitToView();
    frame(canvas);
    canvas.setSelection(document.shapeIds());
    canvas.setTool(AnnotationCanvas::Tool::Brush);
    canvas.setBrushSize(120);
    const QPointF from = canvas.toWidget(QPointF(800, 300));
    const QPointF to = canvas.toWidget(QPointF(3200, 900));
    const double press = timeMs([&] {
        send(&canvas, QEvent::MouseButtonPress, from);
        frame(canvas);
    });
    QList<double> moves;
    for (int step = 1; step <= 20; ++step)
        moves.append(timeMs([&] {
            send(&canvas, QEvent::MouseMove, from + (to - from) * step / 20.0);
            frame(canvas);
        }));
    const double release = timeMs([&] { send(&canvas, QEvent::MouseButtonRelease, to); });
    const double after = timeMs([&] { frame(canvas); });
    std::printf("canvas 1280 x 800: first frame %.1f ms; zoom frame median %.1f ms  vs  %.1f ms "
                "without the mask (goal 16)\n",
                first, median(zoomFrames), median(plainFrames));
    std::printf("stroke: press + frame %.1f ms, move + frame median %.1f ms max %.1f ms "
                "(goal 16), release %.1f ms, next frame %.1f ms (goal 50 each)\n",
                press, median(moves), *std::max_element(moves.begin(), moves.end()), release,
                after);
    std::printf("undo steps: %d\n", int(document.undoStack()->count()));
    return 0;
}
