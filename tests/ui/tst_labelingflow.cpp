// The first hour of labeling as a new user meets it (issue #16): every annotator has a way back
// to the datasets, every span is shown, a label key acts on the selected span only, the box tool
// moves the selected box, and nothing is clipped in a 1024×700 window.
#include "core/appsettings.h"
#include "core/workspace.h"
#include "datasets/annotationstore.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetitemsmodel.h"
#include "datasets/datasetitemstore.h"
#include "datasets/imageannotationdocument.h"
#include "datasets/textannotationdocument.h"
#include "labeling/annotationcanvas.h"
#include "labeling/datasetspage.h"
#include "labeling/imageannotator.h"
#include "labeling/imagebrowser.h"
#include "labeling/textannotator.h"
#include "labeling/textspaneditor.h"
#include "shell/mainwindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QHelpEvent>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPainter>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QToolTip>
#include <QTreeWidget>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

const QString kText = u"Maria works at Siemens in Berlin."_s;

} // namespace

class TestLabelingFlow final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_root;
    qint64 m_textItem = 0;
    std::unique_ptr<MainWindow> m_window;

    QList<Annotation> stored(qint64 itemId)
    {
        auto ws = Workspace::open(m_root);
        DatasetContext context(ws->catalog(), m_root);
        return AnnotationStore(context)
            .annotations(itemId, {QString(), AnnotationState::Accepted})
            .value_or({});
    }

    QString makeImage(int index)
    {
        QImage image(400, 300, QImage::Format_RGB32);
        image.fill(QColor::fromHsv((index * 47) % 360, 120, 220));
        const QString path = m_tmp.filePath(u"img%1.png"_s.arg(index));
        image.save(path);
        return path;
    }

    DatasetsPage *datasets() const { return m_window->datasetsPage(); }

    // Opens dataset \a name from the Datasets list (the window's sidebar first).
    TextAnnotator *openText(const QString &name)
    {
        if (!m_window->showView(u"datasets"_s) || !datasets())
            return nullptr;
        if (datasets()->datasetCount() == 0) {
            QSignalSpy loaded(datasets(), &DatasetsPage::loaded);
            loaded.wait(10000);
        }
        if (!datasets()->openDataset(name))
            return nullptr;
        auto *text = datasets()->findChild<TextAnnotator *>();
        if (text && text->currentItemId() == 0) {
            QSignalSpy shown(text, &TextAnnotator::itemShown);
            shown.wait(10000);
        }
        return text && text->currentItemId() != 0 ? text : nullptr;
    }

    ImageAnnotator *openImages(const QString &name)
    {
        if (!m_window->showView(u"datasets"_s) || !datasets())
            return nullptr;
        if (datasets()->datasetCount() == 0) {
            QSignalSpy loaded(datasets(), &DatasetsPage::loaded);
            loaded.wait(10000);
        }
        if (!datasets()->openDataset(name))
            return nullptr;
        ImageAnnotator *annotator = datasets()->annotator();
        DatasetItemsModel *items = datasets()->browser()->model();
        for (int i = 0; i < 1000 && (items->isLoading() || items->rowCount() == 0); ++i)
            QTest::qWait(10);
        QSignalSpy opened(annotator, &ImageAnnotator::itemOpened);
        Q_EMIT datasets()->browser()->openRequested(0); // as a double-click on the first image
        if (!opened.wait(10000))
            return nullptr;
        return annotator;
    }

    void clickSidebar(const QString &title)
    {
        auto *navigation = m_window->findChild<QListWidget *>(u"navigation"_s);
        const QList<QListWidgetItem *> items = navigation->findItems(title, Qt::MatchExactly);
        QVERIFY(!items.isEmpty());
        QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {},
                          navigation->visualItemRect(items.first()).center());
    }

    bool onList() const
    {
        return datasets()->openDatasetName().isEmpty() &&
               datasets()->findChild<QWidget *>(u"datasetList"_s)->isVisible();
    }

    // Every visible button (and label that does not wrap) under \a root is as wide as it asks
    // and lies inside each of its parents up to the window: nothing is clipped.
    static void verifyNothingClipped(QWidget *root)
    {
        QWidget *window = root->window();
        QTest::qWait(50); // the layouts take the last texts (posted layout requests)
        QList<QWidget *> widgets;
        for (QAbstractButton *button : root->findChildren<QAbstractButton *>())
            widgets.append(button);
        for (QLabel *label : root->findChildren<QLabel *>()) {
            if (!label->wordWrap() && !label->text().isEmpty())
                widgets.append(label);
        }
        int checked = 0;
        for (QWidget *widget : std::as_const(widgets)) {
            if (!widget->isVisibleTo(window) || widget->objectName().startsWith(u"qt_"_s))
                continue;
            const QString name = widget->objectName().isEmpty()
                                     ? QString::fromLatin1(widget->metaObject()->className())
                                     : widget->objectName();
            const QString what =
                u"%1 \"%2\""_s.arg(name, widget->property("text").toString().left(40));
            QVERIFY2(widget->width() >= widget->sizeHint().width(),
                     qPrintable(u"%1 is %2 px wide and needs %3"_s.arg(what)
                                    .arg(widget->width())
                                    .arg(widget->sizeHint().width())));
            QRect rect = widget->rect();
            for (QWidget *w = widget; w != window; w = w->parentWidget()) {
                rect.translate(w->pos());
                QVERIFY2(w->parentWidget()->rect().contains(rect),
                         qPrintable(u"%1 reaches out of %2"_s.arg(
                             what,
                             w->parentWidget()->objectName().isEmpty()
                                 ? QString::fromLatin1(w->parentWidget()->metaObject()->className())
                                 : w->parentWidget()->objectName())));
            }
            ++checked;
        }
        QVERIFY(checked > 5);
    }

    static void grabIfAsked(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("ATELIER_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            widget->grab().save(dir + u'/' + name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        AppSettings().setAnnotatorName(u"tester"_s);
        m_root = m_tmp.filePath(u"ws"_s);
        auto ws = Workspace::create(m_root, {});
        QVERIFY(ws);
        DatasetContext context(ws->catalog(), m_root);
        DatasetCatalog catalog(context);
        DatasetItemStore itemStore(context);
        AnnotationStore annotationStore(context);
        auto ner = catalog.createDataset(u"ner"_s, DatasetTask::Entities);
        QVERIFY(ner);
        QVERIFY(catalog.addLabel(ner->id, u"PER"_s, u"#eb5757"_s));
        QVERIFY(catalog.addLabel(ner->id, u"ORG"_s, u"#2f80ed"_s));
        QVERIFY(catalog.addLabel(ner->id, u"LOC"_s, u"#27ae60"_s));
        // Names as long as an import gives them (the demo's "sentences.jsonl:1").
        auto item = itemStore.addText(ner->id, kText, {}, u"sentences.jsonl:1"_s);
        QVERIFY(item);
        m_textItem = item->item.id;
        QVERIFY(itemStore.addText(ner->id, u"Alice visited Paris."_s, {}, u"sentences.jsonl:2"_s));
        const auto add = [&](const QString &author, const QString &label, qint64 s, qint64 e) {
            Annotation span = Annotation::span(label, s, e);
            span.author = author;
            return bool(annotationStore.addAnnotation(m_textItem, span));
        };
        // alice labeled first (lower ids); the user's own ORG covers alice's LOC exactly.
        QVERIFY(add(u"alice"_s, u"PER"_s, 0, 5));
        QVERIFY(add(u"alice"_s, u"LOC"_s, 15, 22));
        QVERIFY(add(u"tester"_s, u"ORG"_s, 15, 22));
        // A model's suggestion waiting on "Berlin": the suggestion bar has text to show.
        Annotation suggestion = Annotation::span(u"LOC"_s, 26, 32);
        suggestion.state = AnnotationState::Suggested;
        suggestion.source = u"model:text-dict-suggest@1"_s;
        QVERIFY(annotationStore.addAnnotation(m_textItem, suggestion));

        auto topics = catalog.createDataset(u"topics"_s, DatasetTask::TextClassification);
        QVERIFY(topics);
        for (const QString &label : {u"sports"_s, u"business"_s, u"science"_s, u"politics"_s})
            QVERIFY(catalog.addLabel(topics->id, label));
        QVERIFY(itemStore.addText(topics->id, u"The central bank raised rates again."_s, {},
                                  u"topics.csv:1"_s));
        auto pairs = catalog.createDataset(u"paraphrases"_s, DatasetTask::Pairs);
        QVERIFY(pairs);
        QVERIFY(catalog.addLabel(pairs->id, u"same"_s));
        QVERIFY(catalog.addLabel(pairs->id, u"different"_s));
        QVERIFY(itemStore.addText(pairs->id, u"A cat sat."_s, u"A cat was sitting."_s,
                                  u"pairs.jsonl:1"_s));

        auto boxes = catalog.createDataset(u"shapes-boxes"_s, DatasetTask::Detection);
        QVERIFY(boxes);
        QVERIFY(catalog.addLabel(boxes->id, u"cat"_s));
        QVERIFY(itemStore.addImage(boxes->id, makeImage(0)));
        QVERIFY(itemStore.addImage(boxes->id, makeImage(1)));
        auto masks = catalog.createDataset(u"regions"_s, DatasetTask::Segmentation);
        QVERIFY(masks);
        QVERIFY(catalog.addLabel(masks->id, u"road"_s));
        QVERIFY(itemStore.addImage(masks->id, makeImage(2)));

        m_window = std::make_unique<MainWindow>();
        m_window->resize(1024, 700);
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceLoaded);
        m_window->openWorkspace(m_root);
        QVERIFY(loaded.wait(30000));
    }

    void textAnnotatorHasEveryWayBack()
    {
        // The "‹ Datasets" button.
        TextAnnotator *text = openText(u"ner"_s);
        QVERIFY(text);
        auto *back = text->findChild<QToolButton *>(u"datasetsBackButton"_s);
        QVERIFY(back && back->isVisible());
        back->click();
        QTRY_VERIFY(onList());

        // The sidebar's Datasets, while Datasets is the view shown.
        QVERIFY(openText(u"ner"_s));
        clickSidebar(u"Datasets"_s);
        QTRY_VERIFY(onList());

        // View → Datasets (Ctrl+2).
        QVERIFY(openText(u"ner"_s));
        QAction *viewDatasets = nullptr;
        for (QAction *action : m_window->menuBar()->findChildren<QAction *>()) {
            if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_2))
                viewDatasets = action;
        }
        QVERIFY(viewDatasets);
        viewDatasets->trigger();
        QTRY_VERIFY(onList());

        // Alt+Left, and Esc with nothing selected in the text.
        text = openText(u"ner"_s);
        QVERIFY(text);
        text->spanEditor()->setFocus();
        QTest::keyClick(text->spanEditor(), Qt::Key_Left, Qt::AltModifier);
        QTRY_VERIFY(onList());
        text = openText(u"ner"_s);
        QVERIFY(text);
        TextSpanEditor *editor = text->spanEditor();
        editor->setFocus();
        editor->setSelectedSpan(editor->spans().first().key);
        QTest::keyClick(editor, Qt::Key_Escape); // clears the selection first
        QVERIFY(!onList());
        QCOMPARE(editor->selectedSpan(), 0);
        QTest::keyClick(editor, Qt::Key_Escape);
        QTRY_VERIFY(onList());
    }

    void imageAnnotatorReachesTheList()
    {
        ImageAnnotator *annotator = openImages(u"shapes-boxes"_s);
        QVERIFY(annotator);
        QVERIFY(annotator->isVisible());
        clickSidebar(u"Datasets"_s);
        QTRY_VERIFY(onList());
        QVERIFY(!annotator->isVisible());

        // Esc with nothing to cancel or deselect: back to the grid; Alt+Left there: the list.
        annotator = openImages(u"shapes-boxes"_s);
        QVERIFY(annotator);
        annotator->canvas()->setFocus();
        QTest::keyClick(annotator->canvas(), Qt::Key_Escape);
        QTRY_VERIFY(datasets()->browser()->isVisible());
        QVERIFY(datasets()->browser()->isAncestorOf(QApplication::focusWidget()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Left, Qt::AltModifier);
        QTRY_VERIFY(onList());
    }

    void everySpanShownAndTheSelectedOneLabeled()
    {
        TextAnnotator *text = openText(u"ner"_s);
        QVERIFY(text);
        TextSpanEditor *editor = text->spanEditor();
        // Every author's spans, without asking; the filter may hide the others'.
        QVERIFY(text->findChild<QCheckBox *>(u"showOthers"_s)->isChecked());
        QCOMPARE(editor->spans().size(), 4);
        qint64 mine = 0;
        qint64 alicesLoc = 0;
        qint64 alicesPer = 0;
        for (const EditorSpan &span : editor->spans()) {
            if (span.suggested)
                continue;
            if (!span.foreign)
                mine = span.key;
            else if (span.label == u"LOC"_s)
                alicesLoc = span.key;
            else
                alicesPer = span.key;
        }
        QVERIFY(mine && alicesLoc && alicesPer);

        // The author on hover, one's own too.
        const QPoint onSiemens = editor->spanRect(mine).center();
        QHelpEvent help(QEvent::ToolTip, onSiemens, editor->viewport()->mapToGlobal(onSiemens));
        QApplication::sendEvent(editor->viewport(), &help);
        QVERIFY2(QToolTip::text().contains(u"by alice"_s), qPrintable(QToolTip::text()));
        QVERIFY2(QToolTip::text().contains(u"by tester"_s), qPrintable(QToolTip::text()));
        QToolTip::hideText();

        // A click on "Siemens" picks one's own span, not alice's under it, and says which.
        QTest::mouseClick(editor->viewport(), Qt::LeftButton, {}, onSiemens);
        QCOMPARE(editor->selectedSpan(), mine);
        auto *info = text->findChild<QLabel *>(u"spanSelection"_s);
        QVERIFY(info && info->isVisible());
        QVERIFY2(info->text().contains(u"ORG"_s) &&
                     info->text().contains(TextAnnotator::tr("yours")),
                 qPrintable(info->text()));

        // The selection is drawn: a frame round the span.
        const QRect rect = editor->spanRect(mine);
        const QImage selected = editor->viewport()->grab().toImage();
        editor->setSelectedSpan(0);
        const QImage plain = editor->viewport()->grab().toImage();
        int changed = 0;
        for (int x = rect.left(); x <= rect.right(); ++x) {
            for (const int y : {rect.top() + 1, rect.bottom() - 1})
                changed += selected.pixel(x, y) != plain.pixel(x, y) ? 1 : 0;
        }
        QVERIFY2(changed > rect.width(), qPrintable(QString::number(changed)));

        // A label key relabels the selected span only.
        QTest::mouseClick(editor->viewport(), Qt::LeftButton, {}, onSiemens);
        QCOMPARE(editor->selectedSpan(), mine);
        const int steps = text->document()->undoStack()->count();
        QTest::keyClick(editor, Qt::Key_1); // PER
        QVERIFY(text->document()->waitForSaved(10000));
        QCOMPARE(editor->span(mine)->label, u"PER"_s);
        QCOMPARE(editor->span(alicesLoc)->label, u"LOC"_s);
        QCOMPARE(text->document()->undoStack()->count(), steps + 1);
        // So does the label's chip in the legend: the same path as the key.
        text->findChild<QToolButton *>(u"legend:ORG"_s)->click();
        QVERIFY(text->document()->waitForSaved(10000));
        QCOMPARE(editor->span(mine)->label, u"ORG"_s);
        QCOMPARE(editor->span(alicesLoc)->label, u"LOC"_s);
        QCOMPARE(editor->span(alicesPer)->label, u"PER"_s);

        // Another author's span: the key changes it, says so, and it is one undo step.
        editor->setSelectedSpan(alicesPer);
        QVERIFY(info->text().contains(u"alice"_s));
        QTest::keyClick(editor, Qt::Key_3); // LOC
        QVERIFY(text->document()->waitForSaved(10000));
        QCOMPARE(editor->span(alicesPer)->label, u"LOC"_s);
        QVERIFY2(text->message().contains(u"alice's"_s), qPrintable(text->message()));
        QCOMPARE(text->document()->undoStack()->count(), steps + 3);
        bool alicesChanged = false;
        for (const Annotation &annotation : stored(m_textItem))
            alicesChanged |= annotation.author == u"alice"_s && annotation.spanStart() == 0 &&
                             annotation.label == u"LOC"_s;
        QVERIFY(alicesChanged);
        text->document()->undoStack()->undo();
        QVERIFY(text->document()->waitForSaved(10000));
        QCOMPARE(editor->span(alicesPer)->label, u"PER"_s);
        QCOMPARE(editor->span(mine)->label, u"ORG"_s);

        // The filter hides the others' spans, and shows them again.
        text->setShowOthers(false);
        QCOMPARE(editor->spans().size(), 2); // one's own and the suggestion
        text->setShowOthers(true);
        QCOMPARE(editor->spans().size(), 4);
        datasets()->showList();
    }

    void boxToolMovesTheSelectedBox()
    {
        ImageAnnotator *annotator = openImages(u"shapes-boxes"_s);
        QVERIFY(annotator);
        AnnotationCanvas *canvas = annotator->canvas();
        ImageAnnotationDocument *doc = annotator->document();
        QVERIFY(canvas->tool() == AnnotationCanvas::Tool::Box);
        const auto drag = [canvas](QPointF fromImage, QPointF toImage) {
            const QPoint from = canvas->toWidget(fromImage).toPoint();
            const QPoint to = canvas->toWidget(toImage).toPoint();
            QTest::mousePress(canvas, Qt::LeftButton, {}, from);
            for (int step = 1; step <= 4; ++step)
                QTest::mouseMove(canvas, from + (to - from) * step / 4);
            QTest::mouseRelease(canvas, Qt::LeftButton, {}, to);
        };
        const int before = doc->shapeCount();
        drag({50, 50}, {150, 130}); // draws a box, and selects it
        QCOMPARE(doc->shapeCount(), before + 1);
        const qint64 box = canvas->selection().value(0);
        QVERIFY(box != 0);
        const QRectF drawn = doc->shape(box)->rect;
        drag({100, 90}, {140, 110}); // on the selected box: moves it
        QCOMPARE(doc->shapeCount(), before + 1);
        QVERIFY(doc->shape(box)->rect.topLeft().x() > drawn.topLeft().x() + 20);
        QCOMPARE(doc->shape(box)->rect.size(), drawn.size());

        // A click elsewhere drops the selection; a drag inside an unselected box draws one.
        QTest::mouseClick(canvas, Qt::LeftButton, {}, canvas->toWidget({350, 250}).toPoint());
        QVERIFY(canvas->selection().isEmpty());
        drag({130, 100}, {160, 125});
        QCOMPARE(doc->shapeCount(), before + 2);
        QVERIFY(doc->waitForSaved());
        datasets()->showList();
    }

    void nothingClippedAt1024x700()
    {
        QCOMPARE(m_window->size(), QSize(1024, 700));
        // The list of datasets shows the names in full.
        QVERIFY(m_window->showView(u"datasets"_s));
        auto *list = datasets()->findChild<QTreeWidget *>(u"datasetList"_s);
        QTest::qWait(50);
        const QAbstractItemView *view = list; // sizeHintForColumn is public here
        QVERIFY2(
            list->columnWidth(0) >= view->sizeHintForColumn(0),
            qPrintable(u"%1 < %2"_s.arg(list->columnWidth(0)).arg(view->sizeHintForColumn(0))));

        for (const QString &name : {u"ner"_s, u"topics"_s, u"paraphrases"_s}) {
            TextAnnotator *text = openText(name);
            QVERIFY(text);
            verifyNothingClipped(text);
            grabIfAsked(m_window.get(), name + u"-1024x700.png"_s);
            datasets()->showList();
        }

        for (const QString &name : {u"shapes-boxes"_s, u"regions"_s}) {
            ImageAnnotator *annotator = openImages(name);
            QVERIFY(annotator);
            verifyNothingClipped(annotator);
            grabIfAsked(m_window.get(), name + u"-1024x700.png"_s);
            datasets()->showList();
        }
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestLabelingFlow)
#include "tst_labelingflow.moc"
