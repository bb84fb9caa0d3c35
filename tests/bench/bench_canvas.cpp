// The pipeline canvas on a generated 2,000-node / 4,000-link pipeline, offscreen, each figure
// beside the same scene with the optimisations switched off (no BSP index, no item caching,
// no level of detail), with the ratio and the goal:
//  (a) open: pipeline JSON parsed, GraphModel loaded, scene built, view fitted and first
//      painted into a QImage. Goal <= 500 ms.
//  (b) drag one node with its links at 100 %: the item's position set as a drag sets it; p95
//      per move, measured two ways:
//      - real drag (the goal applies here, <= 8 ms): the view is shown (offscreen platform) and
//        each move is followed by the event processing a drag gets: the scene's queued dirty
//        items reach the view, which invalidates only what changed (SmartViewportUpdate: the
//        moved node's and its links' old and new bounds), and the viewport's paint event
//        paints that region into the window's backing store. Each move must produce one paint
//        event; the share of the viewport it covered is printed.
//      - full viewport (for reference, no goal): each move followed by a paint of the whole
//        viewport into a QImage, what a view in FullViewportUpdate mode would do.
//  (c) fit to view, then repaint the whole viewport into a QImage: median and p95 of repaints
//      (and the first paint after the fit, caches cold). Goal <= 16 ms.
// Usage: bench_canvas [folder for PNGs]; QT_QPA_PLATFORM=offscreen.
#include "canvas/canvasscene.h"
#include "canvas/canvasview.h"
#include "canvas/edgeitem.h"
#include "pipeline/graphgenerator.h"
#include "pipeline/graphmodel.h"
#include "pipeline/templatelibrary.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEvent>
#include <QImage>
#include <QPaintEvent>
#include <QPainter>
#include <QPixmap>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

constexpr int Nodes = 2000;
constexpr int Edges = 4000;
constexpr int Moves = 300;
constexpr int Repaints = 30;
constexpr int Opens = 5;
const QSize Viewport(1600, 1000);

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// CPU time of the process (all its threads: Qt's raster engine fills large spans on a thread
// pool), in ms. On a loaded machine, wall time mostly measures waiting for a core.
double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Wall and CPU time of one piece of work.
struct Timer
{
    QElapsedTimer wall;
    double cpu0 = cpuMs();
    Timer() { wall.start(); }
    double wallMs() const { return msSince(wall); }
    double cpu() const { return cpuMs() - cpu0; }
};

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const qsizetype i = std::clamp<qsizetype>(qsizetype(std::ceil(p * double(values.size()))) - 1,
                                              0, values.size() - 1);
    return values.at(i);
}

struct Canvas
{
    std::unique_ptr<GraphModel> model;
    std::unique_ptr<CanvasScene> scene;
    std::unique_ptr<CanvasView> view;
    QImage image;

    void paint()
    {
        QPainter painter(&image);
        view->viewport()->render(&painter);
    }
};

// Parses the JSON, loads the model, builds the scene with or without the optimisations, fits
// the view and paints it once.
std::unique_ptr<Canvas> open(const QByteArray &json, const TemplateLibrary &library, bool optimised)
{
    auto canvas = std::make_unique<Canvas>();
    Result<PipelineDocument> doc = PipelineDocument::fromJson(json, u"generated.json"_s);
    if (!doc) {
        std::fprintf(stderr, "%s\n", qPrintable(doc.error().message));
        std::exit(1);
    }
    canvas->model = std::make_unique<GraphModel>(library);
    canvas->scene = std::make_unique<CanvasScene>(canvas->model.get());
    canvas->scene->setOptimisationsEnabled(optimised);
    canvas->model->setDocument(doc.value());
    canvas->view = std::make_unique<CanvasView>(canvas->scene.get());
    canvas->view->setMinimapVisible(false); // drawn by a timer, not part of a frame
    canvas->view->resize(Viewport);
    canvas->view->show();
    canvas->view->fitToView();
    canvas->image = QImage(canvas->view->viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    canvas->paint();
    return canvas;
}

// Counts the viewport's paint events and the area they cover.
class PaintCounter final : public QObject
{
public:
    int paints = 0;
    double area = 0;

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            ++paints;
            for (const QRect &r : static_cast<QPaintEvent *>(event)->region())
                area += double(r.width()) * double(r.height());
        }
        return QObject::eventFilter(watched, event);
    }
};

// The node with the most links, for the drag.
NodeItem *busiestNode(CanvasScene *scene, const GraphModel &model)
{
    NodeItem *best = nullptr;
    qsizetype degree = -1;
    for (const NodeSpec &node : model.nodes()) {
        NodeItem *item = scene->nodeItem(node.id);
        if (item && item->edges().size() > degree) {
            degree = item->edges().size();
            best = item;
        }
    }
    return best;
}

// A figure as wall-clock time and as CPU time of the process.
struct Figure
{
    double wall = 0;
    double cpu = 0;
};

Figure at(const QList<double> &wall, const QList<double> &cpu, double p)
{
    return {percentile(wall, p), percentile(cpu, p)};
}

struct Figures
{
    Figure open;
    Figure dragP50;
    Figure dragP95;
    Figure realP50;
    Figure realP95;
    double realShare = 0; // mean share of the viewport repainted per move
    int realMissed = 0;   // moves after which no paint event came
    Figure fitFirst;
    Figure fitP50;
    Figure fitP95;
    qsizetype dragEdges = 0;
};

Figures measure(const QByteArray &json, const TemplateLibrary &library, bool optimised,
                const QString &pngFolder)
{
    Figures f;
    QList<double> wall;
    QList<double> cpu;
    std::unique_ptr<Canvas> canvas;
    for (int i = 0; i < Opens; ++i) {
        canvas.reset();
        Timer t;
        canvas = open(json, library, optimised);
        wall.append(t.wallMs());
        cpu.append(t.cpu());
    }
    f.open = at(wall, cpu, 0.5);
    const QString tag = optimised ? u"optimised"_s : u"plain"_s;
    if (!pngFolder.isEmpty())
        canvas->image.save(QDir(pngFolder).filePath(u"canvas-2000-fit-%1.png"_s.arg(tag)));

    // (b) drag at 100 %, centred on the busiest node.
    NodeItem *node = busiestNode(canvas->scene.get(), *canvas->model);
    f.dragEdges = node->edges().size();
    canvas->view->zoomToActualSize();
    canvas->view->centerOn(node->sceneBoundingRect().center());
    canvas->paint();
    if (!pngFolder.isEmpty())
        canvas->image.save(QDir(pngFolder).filePath(u"canvas-2000-100-%1.png"_s.arg(tag)));
    const QPointF start = node->pos();
    wall.clear();
    cpu.clear();
    for (int i = 0; i < Moves; ++i) {
        // A hand-drawn loop around the start, a few pixels per event as a mouse gives; each
        // move goes somewhere new (the first one too).
        const double a = 2 * M_PI * (i + 1) / 60.0;
        const QPointF p = start + QPointF(120 * std::sin(a), 60 * (1 - std::cos(a)));
        Timer t;
        node->setPos(p);
        canvas->paint();
        wall.append(t.wallMs());
        cpu.append(t.cpu());
    }
    node->setPos(start);
    f.dragP50 = at(wall, cpu, 0.5);
    f.dragP95 = at(wall, cpu, 0.95);

    // (b) the same drag as the view paints it: only the region the move invalidated. A press
    // on the node freezes the links that do not move (CanvasScene::beginMove()).
    canvas->scene->freezeLinks({node});
    PaintCounter counter;
    canvas->view->viewport()->installEventFilter(&counter);
    for (int k = 0; k < 5; ++k) // nothing left over from the loop above
        QCoreApplication::processEvents();
    wall.clear();
    cpu.clear();
    counter.area = 0;
    for (int i = 0; i < Moves; ++i) {
        const double a = 2 * M_PI * (i + 1) / 60.0;
        const QPointF p = start + QPointF(120 * std::sin(a), 60 * (1 - std::cos(a)));
        const int before = counter.paints;
        Timer t;
        node->setPos(p);
        for (int k = 0; k < 10 && counter.paints == before; ++k)
            QCoreApplication::processEvents();
        wall.append(t.wallMs());
        cpu.append(t.cpu());
        if (counter.paints == before)
            ++f.realMissed;
    }
    canvas->view->viewport()->removeEventFilter(&counter);
    if (!pngFolder.isEmpty()) // mid-drag: the frozen links come from the cached background
        canvas->view->viewport()->grab().save(
            QDir(pngFolder).filePath(u"canvas-2000-drag-%1.png"_s.arg(tag)));
    canvas->scene->thawLinks();
    node->setPos(start);
    QCoreApplication::processEvents();
    f.realP50 = at(wall, cpu, 0.5);
    f.realP95 = at(wall, cpu, 0.95);
    const QSize vp = canvas->view->viewport()->size();
    f.realShare = counter.area / (double(vp.width()) * double(vp.height()) * Moves);

    // (c) fit to view and repaint.
    canvas->view->fitToView();
    {
        Timer t;
        canvas->paint();
        f.fitFirst = {t.wallMs(), t.cpu()};
    }
    wall.clear();
    cpu.clear();
    for (int i = 0; i < Repaints; ++i) {
        Timer t;
        canvas->paint();
        wall.append(t.wallMs());
        cpu.append(t.cpu());
    }
    f.fitP50 = at(wall, cpu, 0.5);
    f.fitP95 = at(wall, cpu, 0.95);
    return f;
}

void line(const char *what, Figure figure, Figure anchor, double goal)
{
    std::printf("%-42s %8.2f ms (cpu %8.2f)   anchor, optimisations off %8.2f ms (cpu %8.2f)   "
                "ratio %6.3fx (cpu %6.3fx)",
                what, figure.wall, figure.cpu, anchor.wall, anchor.cpu, figure.wall / anchor.wall,
                figure.cpu / anchor.cpu);
    if (goal > 0)
        std::printf("   goal <= %g ms: %s (cpu: %s)", goal, figure.wall <= goal ? "met" : "MISSED",
                    figure.cpu <= goal ? "met" : "MISSED");
    std::printf("\n");
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QString pngFolder = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    QTemporaryDir templates;
    if (!GraphGenerator::writeTemplates(templates.path())) {
        std::fprintf(stderr, "cannot write the generator's template\n");
        return 1;
    }
    TemplateLibrary library;
    library.addDirectory(TemplateLibrary::builtinDirectory());
    library.addDirectory(templates.path());
    const PipelineDocument doc = generateGraph(Nodes, Edges, 42);
    const QByteArray json = doc.toJson();
    std::printf("== Canvas: %lld nodes, %lld links, viewport %dx%d, offscreen raster\n",
                qlonglong(doc.nodes.size()), qlonglong(doc.edges.size()), Viewport.width(),
                Viewport.height());

    const Figures on = measure(json, library, true, pngFolder);
    const Figures off = measure(json, library, false, pngFolder);
    std::printf("(drag: the busiest node, %lld links, %d moves)\n", qlonglong(on.dragEdges), Moves);
    line("open: parse + model + scene + first paint", on.open, off.open, 500);
    line("drag, real (dirty region), per move p95", on.realP95, off.realP95, 8);
    line("drag, real (dirty region), per move p50", on.realP50, off.realP50, 0);
    std::printf("(real drag: %.0f %% of the viewport repainted per move on average, %.0f %% with "
                "optimisations off; moves without a paint event: %d and %d)\n",
                on.realShare * 100, off.realShare * 100, on.realMissed, off.realMissed);
    line("drag, full viewport repaint, per move p95", on.dragP95, off.dragP95, 0);
    line("drag, full viewport repaint, per move p50", on.dragP50, off.dragP50, 0);
    line("fit to view, repaint p95", on.fitP95, off.fitP95, 16);
    line("fit to view, repaint p50", on.fitP50, off.fitP50, 0);
    line("fit to view, first paint (cold caches)", on.fitFirst, off.fitFirst, 0);
    double load[1] = {0};
    if (getloadavg(load, 1) == 1)
        std::printf("(load average %.1f on %d cores while measuring: wall times include waiting "
                    "for a core; cpu is the process's CPU time)\n",
                    load[0], QThread::idealThreadCount());
    return 0;
}
