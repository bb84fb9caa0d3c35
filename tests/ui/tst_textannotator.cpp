#include "core/workspace.h"
#include "datasets/annotationstore.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetitemsmodel.h"
#include "datasets/datasetitemstore.h"
#include "datasets/textagreement.h"
#include "datasets/textannotationcommands.h"
#include "datasets/textannotationdocument.h"
#include "labeling/importdatasetdialog.h"
#include "labeling/textagreementview.h"
#include "labeling/textannotator.h"
#include "labeling/textclassificationpanel.h"
#include "labeling/textpairview.h"
#include "labeling/textspaneditor.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

// Emoji (two UTF-16 units each) and CJK before the entities: offsets must be code points.
const QString kEntityText = u"Hi 😀😀 東京で Maria Schmidt met Siemens in Berlin."_s;

EditorSpan mk(qint64 key, const QString &label, qint64 start, qint64 end, bool suggested,
              const QString &source, std::optional<double> score)
{
    EditorSpan span;
    span.key = key;
    span.label = label;
    span.start = start;
    span.end = end;
    span.suggested = suggested;
    span.source = source;
    span.score = score;
    return span;
}

// Code-point offset of \a needle in \a haystack.
qint64 cpIndex(const QString &haystack, const QString &needle)
{
    const qsizetype at = haystack.indexOf(needle);
    return at < 0 ? -1 : haystack.left(at).toUcs4().size();
}

} // namespace

class TestTextAnnotator final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_root;
    qint64 m_entityItem = 0;
    qint64 m_secondItem = 0;

    // A fresh connection each time: what a crash right now would leave on disk.
    QList<Annotation> stored(qint64 itemId, const AnnotationFilter &filter = {})
    {
        auto ws = Workspace::open(m_root);
        if (!ws)
            return {};
        DatasetContext context(ws->catalog(), m_root);
        auto annotations = AnnotationStore(context).annotations(itemId, filter);
        return annotations ? annotations.value() : QList<Annotation>{};
    }
    DatasetItem storedItem(qint64 itemId)
    {
        auto ws = Workspace::open(m_root);
        DatasetContext context(ws->catalog(), m_root);
        return DatasetItemStore(context).item(itemId).value_or(DatasetItem{});
    }

    std::unique_ptr<TextAnnotator> openAnnotator(const QString &dataset)
    {
        auto annotator = std::make_unique<TextAnnotator>();
        annotator->setAuthor(u"tester"_s);
        annotator->resize(1200, 760);
        annotator->show();
        QApplication::setActiveWindow(annotator.get());
        QSignalSpy shown(annotator.get(), &TextAnnotator::itemShown);
        annotator->open(m_root, dataset);
        if (!shown.wait(10000))
            return nullptr;
        return annotator;
    }

    static void grabIfAsked(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("ATELIER_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            widget->grab().save(dir + u'/' + name);
    }

    static bool saved(TextAnnotator *annotator)
    {
        return annotator->document()->waitForSaved(10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_root = m_dir.filePath(u"ws"_s);
        auto ws = Workspace::create(m_root, {});
        QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().message));
        DatasetContext context(ws->catalog(), m_root);
        context.setAuthor(u"tester"_s);
        DatasetCatalog catalog(context);
        DatasetItemStore itemStore(context);

        DatasetOptions noOverlap;
        auto entities = catalog.createDataset(u"ner"_s, DatasetTask::Entities, noOverlap);
        QVERIFY(entities);
        QVERIFY(catalog.addLabel(entities->id, u"PER"_s, u"#eb5757"_s));
        QVERIFY(catalog.addLabel(entities->id, u"ORG"_s, u"#2f80ed"_s, u"O"_s));
        QVERIFY(catalog.addLabel(entities->id, u"LOC"_s, u"#27ae60"_s));
        auto first = itemStore.addText(entities->id, kEntityText, {}, u"news-1"_s);
        QVERIFY(first);
        m_entityItem = first->item.id;
        auto second = itemStore.addText(entities->id, u"Second item: Alice visited Paris."_s, {},
                                        u"news-2"_s);
        QVERIFY(second);
        m_secondItem = second->item.id;

        auto single = catalog.createDataset(u"sentiment"_s, DatasetTask::TextClassification);
        QVERIFY(single);
        QVERIFY(catalog.addLabel(single->id, u"pos"_s));
        QVERIFY(catalog.addLabel(single->id, u"neg"_s));
        QVERIFY(catalog.addLabel(single->id, u"neutral"_s));
        QVERIFY(itemStore.addText(single->id, u"I loved it."_s, {}, u"r1"_s));
        QVERIFY(itemStore.addText(single->id, u"Meh."_s, {}, u"r2"_s));

        DatasetOptions multi;
        multi.multiLabel = true;
        auto topics = catalog.createDataset(u"topics"_s, DatasetTask::TextClassification, multi);
        QVERIFY(topics);
        QVERIFY(catalog.addLabel(topics->id, u"sports"_s));
        QVERIFY(catalog.addLabel(topics->id, u"politics"_s));
        QVERIFY(itemStore.addText(topics->id, u"The minister scored a goal."_s));

        auto pairs = catalog.createDataset(u"pairs"_s, DatasetTask::Pairs);
        QVERIFY(pairs);
        QVERIFY(itemStore.addText(pairs->id, u"How old are you?"_s, u"What is your age?"_s));

        DatasetOptions scored;
        scored.pairScore = true;
        auto scores = catalog.createDataset(u"scores"_s, DatasetTask::Pairs, scored);
        QVERIFY(scores);
        QVERIFY(itemStore.addText(scores->id, u"A cat sat."_s, u"A dog ran."_s));
    }

    void importDialogCancelsATextFileThenImportsTheRest()
    {
        // The text import parses on a second thread: Cancel from the dialog must still stop
        // it, keep what was written and say so; a second import adds only the rest.
        const QString file = m_dir.filePath(u"sentences.jsonl"_s);
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            for (int i = 0; i < 200000; ++i)
                out.write(u"{\"text\": \"句子 %1 in the dialog\", \"label\": \"c%2\"}\n"_s.arg(i)
                              .arg(i % 3)
                              .toUtf8());
        }
        auto run = [&](bool cancel) -> std::optional<ImportReport> {
            ImportDatasetDialog dialog(m_root, u"alice"_s);
            dialog.setPath(file);
            dialog.setFormat(u"jsonl"_s);
            dialog.setDatasetName(u"dialog-import"_s);
            auto *task = dialog.findChild<QComboBox *>(u"importTask"_s);
            task->setCurrentIndex(task->findData(u"text_classification"_s));
            QSignalSpy finished(&dialog, &ImportDatasetDialog::finished);
            dialog.start();
            if (!dialog.isRunning())
                return std::nullopt;
            if (cancel) {
                auto *bar = dialog.findChild<QProgressBar *>();
                if (!QTest::qWaitFor([&] { return bar->value() > 0; }, 30000))
                    return std::nullopt;
                dialog.cancel();
            }
            if (!finished.wait(60000))
                return std::nullopt;
            if (cancel && !finished.first().at(1).toString().contains(u"Import cancelled"_s))
                return std::nullopt;
            return dialog.report();
        };
        const auto first = run(true);
        QVERIFY(first);
        QVERIFY(first->cancelled);
        QVERIFY2(first->imported > 0 && first->imported < 200000,
                 qPrintable(QString::number(first->imported)));
        const auto rest = run(false);
        QVERIFY(rest);
        QVERIFY(!rest->cancelled);
        QCOMPARE(rest->duplicates, first->imported);
        QCOMPARE(rest->imported + first->imported, 200000);
    }

    void codePointIndex_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("needle");
        QTest::newRow("ascii") << u"Hello Berlin"_s << u"Berlin"_s;
        QTest::newRow("emoji") << u"😀😀 Berlin 😀"_s << u"Berlin"_s;
        QTest::newRow("cjk") << u"東京で会議"_s << u"会議"_s;
        QTest::newRow("emoji inside") << u"ab 👩‍💻 cd"_s << u"cd"_s;
    }

    void codePointIndex()
    {
        QFETCH(QString, text);
        QFETCH(QString, needle);
        const CodePointIndex index(text);
        const qint64 cp = cpIndex(text, needle);
        QCOMPARE(index.toUtf16(cp), text.indexOf(needle));
        QCOMPARE(index.toCodePoint(text.indexOf(needle)), cp);
        QCOMPARE(index.codePointCount(), text.toUcs4().size());
    }

    // The editor alone: a keyboard selection and a hotkey ask for a span in code points.
    void editorKeyboardSelection()
    {
        TextSpanEditor editor;
        editor.setLabels({{u"LOC"_s, QColor(), QString()}, {u"ORG"_s, QColor(), u"O"_s}});
        editor.resize(600, 300);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        editor.setContent(kEntityText, {});
        QSignalSpy requested(&editor, &TextSpanEditor::spanRequested);
        // "Hi 😀😀 東京" : move to 東 with the keyboard (Right steps over a whole emoji).
        editor.setFocus();
        for (int i = 0; i < 6; ++i)
            QTest::keyClick(&editor, Qt::Key_Right);
        QTest::keyClick(&editor, Qt::Key_Right, Qt::ShiftModifier);
        QTest::keyClick(&editor, Qt::Key_Right, Qt::ShiftModifier);
        QTest::keyClick(&editor, Qt::Key_1);
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.at(0).at(0).toLongLong(), cpIndex(kEntityText, u"東京"_s));
        QCOMPARE(requested.at(0).at(1).toLongLong(), cpIndex(kEntityText, u"東京"_s) + 2);
        QCOMPARE(requested.at(0).at(2).toString(), u"LOC"_s);
        QCOMPARE(
            editor.textOf(requested.at(0).at(0).toLongLong(), requested.at(0).at(1).toLongLong()),
            u"東京"_s);
        // Ctrl+Shift+Right selects a word; the trailing blank is trimmed; O is ORG's hotkey.
        editor.selectRange(cpIndex(kEntityText, u"Siemens"_s), cpIndex(kEntityText, u"Siemens"_s));
        QTest::keyClick(&editor, Qt::Key_Right, Qt::ControlModifier | Qt::ShiftModifier);
        QTest::keyClick(&editor, Qt::Key_O);
        QCOMPARE(requested.size(), 2);
        QCOMPARE(requested.at(1).at(0).toLongLong(), cpIndex(kEntityText, u"Siemens"_s));
        QCOMPARE(requested.at(1).at(1).toLongLong(), cpIndex(kEntityText, u"Siemens"_s) + 7);
        QCOMPARE(requested.at(1).at(2).toString(), u"ORG"_s);
        // No selection and no span: refused with a reason, nothing requested.
        QSignalSpy refused(&editor, &TextSpanEditor::spanRefused);
        editor.selectRange(2, 2);
        QTest::keyClick(&editor, Qt::Key_1);
        QCOMPARE(requested.size(), 2);
        QCOMPARE(refused.size(), 1);
        // An overlap is refused when the dataset does not allow it, allowed when it does.
        editor.addSpan(mk(1, u"LOC"_s, 6, 8, false, u"manual"_s, std::nullopt));
        editor.selectRange(5, 8);
        QTest::keyClick(&editor, Qt::Key_1);
        QCOMPARE(refused.size(), 2);
        editor.setOverlapsAllowed(true);
        QTest::keyClick(&editor, Qt::Key_1);
        QCOMPARE(requested.size(), 3);
    }

    void editorDrawsSpans()
    {
        TextSpanEditor editor;
        editor.setLabels({{u"PER"_s, QColor(0xff, 0, 0), QString()}});
        editor.resize(500, 200);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        editor.setContent(u"Maria went home."_s, {});
        const QImage before = editor.viewport()->grab().toImage();
        editor.addSpan(mk(7, u"PER"_s, 0, 5, false, u"manual"_s, std::nullopt));
        const QRect rect = editor.spanRect(7);
        QVERIFY(!rect.isEmpty());
        const QImage after = editor.viewport()->grab().toImage();
        // The underline at the bottom of the span is red.
        const QColor under = after.pixelColor(rect.center().x(), rect.bottom() - 1);
        QVERIFY2(under.red() > 200 && under.green() < 80, qPrintable(under.name()));
        QVERIFY(before != after);
        editor.removeSpan(7);
        QCOMPARE(editor.viewport()->grab().toImage(), before);
    }

    void spanByKeysSavedAtOnce()
    {
        auto annotator = openAnnotator(u"ner"_s);
        QVERIFY(annotator);
        QCOMPARE(annotator->currentItemId(), m_entityItem);
        TextSpanEditor *editor = annotator->spanEditor();
        editor->setFocus();
        const qint64 start = cpIndex(kEntityText, u"Maria Schmidt"_s);
        editor->selectRange(start, start);
        QTest::keyClick(editor, Qt::Key_Right, Qt::ControlModifier | Qt::ShiftModifier);
        QTest::keyClick(editor, Qt::Key_Right, Qt::ControlModifier | Qt::ShiftModifier);
        QTest::keyClick(editor, Qt::Key_1);
        QVERIFY(saved(annotator.get()));
        QList<Annotation> spans = stored(m_entityItem);
        QCOMPARE(spans.size(), 1);
        QCOMPARE(spans.first().label, u"PER"_s);
        QCOMPARE(spans.first().spanStart(), start);
        QCOMPARE(spans.first().spanEnd(), start + 13);
        QCOMPARE(spans.first().author, u"tester"_s);
        QVERIFY(storedItem(m_entityItem).status == ItemStatus::Labeled);

        // Click the span, relabel it with a hotkey, then delete it.
        const qint64 key = editor->spans().first().key;
        const QRect rect = editor->spanRect(key);
        QVERIFY(!rect.isEmpty());
        QTest::mouseClick(editor->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(editor->selectedSpan(), key);
        QTest::keyClick(editor, Qt::Key_3);
        QVERIFY(saved(annotator.get()));
        spans = stored(m_entityItem);
        QCOMPARE(spans.size(), 1);
        QCOMPARE(spans.first().label, u"LOC"_s);
        QCOMPARE(editor->span(key)->label, u"LOC"_s);
        QTest::keyClick(editor, Qt::Key_Delete);
        QVERIFY(saved(annotator.get()));
        QVERIFY(stored(m_entityItem).isEmpty());
        QVERIFY(editor->spans().isEmpty());

        // Undo / redo, each step in the catalog at once.
        QUndoStack *undo = annotator->document()->undoStack();
        QCOMPARE(undo->count(), 3);
        undo->undo(); // the delete
        QVERIFY(saved(annotator.get()));
        QCOMPARE(stored(m_entityItem).size(), 1);
        QCOMPARE(stored(m_entityItem).first().label, u"LOC"_s);
        QCOMPARE(editor->spans().size(), 1);
        undo->undo(); // the relabel
        QVERIFY(saved(annotator.get()));
        QCOMPARE(stored(m_entityItem).first().label, u"PER"_s);
        undo->redo();
        QVERIFY(saved(annotator.get()));
        QCOMPARE(stored(m_entityItem).first().label, u"LOC"_s);
        undo->redo(); // delete again
        QVERIFY(saved(annotator.get()));
        QVERIFY(stored(m_entityItem).isEmpty());
        undo->undo();
        undo->undo();
        undo->undo(); // the add: nothing left
        QVERIFY(saved(annotator.get()));
        QVERIFY(stored(m_entityItem).isEmpty());
        QVERIFY(editor->spans().isEmpty());
        undo->redo(); // added again under a new catalog id, same key
        QVERIFY(saved(annotator.get()));
        QCOMPARE(stored(m_entityItem).size(), 1);
        QVERIFY(storedItem(m_entityItem).status == ItemStatus::Labeled);
        // Ctrl+Z goes through the window's shortcut.
        QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(saved(annotator.get()));
        QVERIFY(stored(m_entityItem).isEmpty());
    }

    void overlapRefusedWithReason()
    {
        auto annotator = openAnnotator(u"ner"_s);
        QVERIFY(annotator);
        TextSpanEditor *editor = annotator->spanEditor();
        const qint64 start = cpIndex(kEntityText, u"Berlin"_s);
        editor->selectRange(start, start + 6);
        QTest::keyClick(editor, Qt::Key_3);
        editor->selectRange(start + 2, start + 6);
        QTest::keyClick(editor, Qt::Key_1);
        QVERIFY(saved(annotator.get()));
        QVERIFY(annotator->message().contains(u"overlap"_s));
        const QList<Annotation> spans = stored(m_entityItem);
        QCOMPARE(spans.size(), 1);
        // Clean up for the next tests.
        annotator->document()->undoStack()->undo();
        QVERIFY(saved(annotator.get()));
    }

    void suggestionsByKeys()
    {
        {
            auto ws = Workspace::open(m_root);
            DatasetContext context(ws->catalog(), m_root);
            const qint64 siemens = cpIndex(kEntityText, u"Siemens"_s);
            const qint64 berlin = cpIndex(kEntityText, u"Berlin"_s);
            QVERIFY(AnnotationStore(context).replaceSuggestions(
                m_entityItem, u"model:tfidf@1"_s,
                {Annotation::span(u"ORG"_s, siemens, siemens + 7),
                 Annotation::span(u"LOC"_s, berlin, berlin + 6)}));
        }
        auto annotator = openAnnotator(u"ner"_s);
        QVERIFY(annotator);
        TextSpanEditor *editor = annotator->spanEditor();
        QCOMPARE(editor->spans().size(), 2);
        QVERIFY(editor->spans().first().suggested);
        editor->setFocus();
        editor->selectRange(0, 0);
        QTest::keyClick(editor, Qt::Key_Return); // accepts the next suggestion: ORG Siemens
        QVERIFY(saved(annotator.get()));
        QList<Annotation> all = stored(m_entityItem);
        QCOMPARE(all.size(), 2);
        const auto org = std::find_if(all.cbegin(), all.cend(),
                                      [](const Annotation &a) { return a.label == u"ORG"_s; });
        QVERIFY(org->state == AnnotationState::Accepted);
        QCOMPARE(org->source, u"model:tfidf@1"_s);
        QCOMPARE(org->author, u"tester"_s);
        // Tab to the remaining suggestion, reject it with Backspace: kept, rejected.
        QTest::keyClick(editor, Qt::Key_Tab);
        QTest::keyClick(editor, Qt::Key_Tab);
        QVERIFY(editor->span(editor->selectedSpan()) != nullptr);
        QVERIFY(editor->span(editor->selectedSpan())->suggested);
        QTest::keyClick(editor, Qt::Key_Backspace);
        QVERIFY(saved(annotator.get()));
        all = stored(m_entityItem);
        const auto loc = std::find_if(all.cbegin(), all.cend(),
                                      [](const Annotation &a) { return a.label == u"LOC"_s; });
        QVERIFY(loc != all.cend());
        QVERIFY(loc->state == AnnotationState::Rejected);
        QCOMPARE(editor->spans().size(), 1);
        // Undo the rejection, then the acceptance: both suggestions are pending again.
        annotator->document()->undoStack()->undo();
        annotator->document()->undoStack()->undo();
        QVERIFY(saved(annotator.get()));
        all = stored(m_entityItem);
        QCOMPARE(all.size(), 2);
        for (const Annotation &a : all)
            QVERIFY(a.state == AnnotationState::Suggested);
        QCOMPARE(annotator->currentSuggestion() != 0, true);
        annotator->document()->undoStack()->redo();
        QVERIFY(saved(annotator.get()));
        QCOMPARE(stored(m_entityItem, {u"tester"_s, AnnotationState::Accepted}).size(), 1);
    }

    void nextPreviousAndReview()
    {
        auto annotator = openAnnotator(u"ner"_s);
        QVERIFY(annotator);
        QSignalSpy shown(annotator.get(), &TextAnnotator::itemShown);
        QTest::keyClick(annotator->spanEditor(), Qt::Key_D);
        QVERIFY(shown.wait(5000));
        QCOMPARE(annotator->currentItemId(), m_secondItem);
        QTest::keyClick(annotator->spanEditor(), Qt::Key_PageUp);
        QVERIFY(shown.wait(5000));
        QCOMPARE(annotator->currentItemId(), m_entityItem);

        // Reject needs a comment; approve does not.
        annotator->review(ItemStatus::Rejected, QString());
        QVERIFY(saved(annotator.get()));
        QVERIFY(storedItem(m_entityItem).status != ItemStatus::Rejected);
        auto *comment = annotator->findChild<QLineEdit *>(u"reviewComment"_s);
        comment->setText(u"Berlin is a LOC"_s);
        annotator->findChild<QPushButton *>(u"rejectItem"_s)->click();
        QVERIFY(saved(annotator.get()));
        DatasetItem item = storedItem(m_entityItem);
        QVERIFY(item.status == ItemStatus::Rejected);
        QCOMPARE(item.reviewComment, u"Berlin is a LOC"_s);
        QCOMPARE(item.reviewer, u"tester"_s);
        annotator->findChild<QPushButton *>(u"approveItem"_s)->click();
        QVERIFY(saved(annotator.get()));
        QVERIFY(storedItem(m_entityItem).status == ItemStatus::Reviewed);
    }

    void classificationKeys()
    {
        auto annotator = openAnnotator(u"sentiment"_s);
        QVERIFY(annotator);
        const qint64 itemId = annotator->currentItemId();
        QWidget *text = annotator->findChild<QWidget *>(u"classificationText"_s);
        text->setFocus();
        QTest::keyClick(text, Qt::Key_2);
        QVERIFY(saved(annotator.get()));
        QList<Annotation> tags = stored(itemId, {u"tester"_s, AnnotationState::Accepted});
        QCOMPARE(tags.size(), 1);
        QCOMPARE(tags.first().label, u"neg"_s);
        // Single label: another key replaces it, like a radio button.
        QTest::keyClick(text, Qt::Key_1);
        QVERIFY(saved(annotator.get()));
        tags = stored(itemId, {u"tester"_s, AnnotationState::Accepted});
        QCOMPARE(tags.size(), 1);
        QCOMPARE(tags.first().label, u"pos"_s);
        QCOMPARE(annotator->classificationPanel()->tags(), QStringList{u"pos"_s});
        annotator->document()->undoStack()->undo();
        QVERIFY(saved(annotator.get()));
        QCOMPARE(stored(itemId, {u"tester"_s, AnnotationState::Accepted}).first().label, u"neg"_s);
        annotator->document()->undoStack()->redo();
        QVERIFY(saved(annotator.get()));
        QCOMPARE(stored(itemId, {u"tester"_s, AnnotationState::Accepted}).first().label, u"pos"_s);

        // A suggested tag: Enter accepts it (replacing the single label), keeping its source.
        {
            auto ws = Workspace::open(m_root);
            DatasetContext context(ws->catalog(), m_root);
            QVERIFY(AnnotationStore(context).replaceSuggestions(itemId, u"model:tfidf@1"_s,
                                                                {Annotation::tag(u"neutral"_s)}));
        }
        QSignalSpy shown(annotator.get(), &TextAnnotator::itemShown);
        QTest::keyClick(text, Qt::Key_D);
        QVERIFY(shown.wait(5000));
        QTest::keyClick(text, Qt::Key_A);
        QVERIFY(shown.wait(5000));
        QCOMPARE(annotator->currentItemId(), itemId);
        QVERIFY(annotator->currentSuggestion() != 0);
        QTest::keyClick(text, Qt::Key_Return);
        QVERIFY(saved(annotator.get()));
        tags = stored(itemId, {u"tester"_s, AnnotationState::Accepted});
        QCOMPARE(tags.size(), 1);
        QCOMPARE(tags.first().label, u"neutral"_s);
        QCOMPARE(tags.first().source, u"model:tfidf@1"_s);
    }

    void multiLabelToggles()
    {
        auto annotator = openAnnotator(u"topics"_s);
        QVERIFY(annotator);
        const qint64 itemId = annotator->currentItemId();
        QWidget *text = annotator->findChild<QWidget *>(u"classificationText"_s);
        QTest::keyClick(text, Qt::Key_1);
        QTest::keyClick(text, Qt::Key_2);
        QVERIFY(saved(annotator.get()));
        QCOMPARE(stored(itemId, {u"tester"_s, AnnotationState::Accepted}).size(), 2);
        QTest::keyClick(text, Qt::Key_1); // toggles sports off
        QVERIFY(saved(annotator.get()));
        const QList<Annotation> tags = stored(itemId, {u"tester"_s, AnnotationState::Accepted});
        QCOMPARE(tags.size(), 1);
        QCOMPARE(tags.first().label, u"politics"_s);
    }

    void pairKeys()
    {
        auto annotator = openAnnotator(u"pairs"_s);
        QVERIFY(annotator);
        const qint64 itemId = annotator->currentItemId();
        QWidget *a = annotator->pairView()->findChild<QWidget *>(u"pairTextA"_s);
        QTest::keyClick(a, Qt::Key_S);
        QVERIFY(saved(annotator.get()));
        QList<Annotation> judged = stored(itemId);
        QCOMPARE(judged.size(), 1);
        QCOMPARE(judged.first().label, u"similar"_s);
        QTest::keyClick(a, Qt::Key_2);
        QVERIFY(saved(annotator.get()));
        judged = stored(itemId);
        QCOMPARE(judged.size(), 1);
        QCOMPARE(judged.first().label, u"not_similar"_s);
        annotator->document()->undoStack()->undo();
        QVERIFY(saved(annotator.get()));
        QCOMPARE(stored(itemId).first().label, u"similar"_s);
        annotator->document()->undoStack()->redo();
        QVERIFY(saved(annotator.get()));
        QCOMPARE(stored(itemId).first().label, u"not_similar"_s);
    }

    void pairScoreKeys()
    {
        auto annotator = openAnnotator(u"scores"_s);
        QVERIFY(annotator);
        QVERIFY(annotator->pairView()->scoreMode());
        const qint64 itemId = annotator->currentItemId();
        QWidget *a = annotator->pairView()->findChild<QWidget *>(u"pairTextA"_s);
        QTest::keyClick(a, Qt::Key_3);
        QVERIFY(saved(annotator.get()));
        const QList<Annotation> judged = stored(itemId);
        QCOMPARE(judged.size(), 1);
        QVERIFY(judged.first().score().has_value());
        QCOMPARE(*judged.first().score(), 0.5);
    }

    void uncertaintyOrder()
    {
        QList<qint64> ids;
        {
            auto ws = Workspace::open(m_root);
            DatasetContext context(ws->catalog(), m_root);
            DatasetCatalog catalog(context);
            auto intent = catalog.createDataset(u"intent"_s, DatasetTask::TextClassification);
            QVERIFY(intent);
            QVERIFY(catalog.addLabel(intent->id, u"book"_s));
            QVERIFY(catalog.addLabel(intent->id, u"cancel"_s));
            const QList<std::pair<QString, double>> texts = {{u"Book a table for two"_s, 0.9},
                                                             {u"I might want to change it"_s, 0.5},
                                                             {u"Cancel my order"_s, 0.7}};
            for (const auto &[text, p] : texts) {
                auto added = DatasetItemStore(context).addText(intent->id, text);
                QVERIFY(added);
                ids.append(added->item.id);
                Annotation tag = Annotation::tag(p > 0.6 ? u"book"_s : u"cancel"_s);
                tag.geometry = QJsonObject{{u"score"_s, p}};
                QVERIFY(AnnotationStore(context).replaceSuggestions(added->item.id,
                                                                    u"model:tfidf@1"_s, {tag}));
            }
        }
        auto annotator = openAnnotator(u"intent"_s);
        QVERIFY(annotator);
        QCOMPARE(annotator->currentItemId(), ids.at(0));
        QSignalSpy shown(annotator.get(), &TextAnnotator::itemShown);
        annotator->setUncertaintyOrder(true);
        QVERIFY(shown.wait(5000));
        // Least confident first: p = 0.5, then 0.7, then 0.9.
        QCOMPARE(annotator->currentItemId(), ids.at(1));
        QCOMPARE(annotator->rowCount(), 3);
        QTest::keyClick(annotator->findChild<QWidget *>(u"classificationText"_s), Qt::Key_D);
        QVERIFY(shown.wait(5000));
        QCOMPARE(annotator->currentItemId(), ids.at(2));
        QCOMPARE(annotator->itemList()->model()->rowCount(), 3);
        QVERIFY(annotator->itemList()
                    ->model()
                    ->index(0, 0)
                    .data(DatasetItemsModel::SourceNameRole)
                    .toString()
                    .contains(u"0.50"_s));
        annotator->setUncertaintyOrder(false);
        QTRY_COMPARE(annotator->itemList()->model(), annotator->itemsModel());
    }

    void agreementAndAdjudication()
    {
        qint64 contested = 0;
        {
            auto ws = Workspace::open(m_root);
            DatasetContext context(ws->catalog(), m_root);
            DatasetCatalog catalog(context);
            DatasetItemStore itemStore(context);
            auto ds = catalog.createDataset(u"ner-agree"_s, DatasetTask::Entities);
            QVERIFY(ds);
            QVERIFY(catalog.addLabel(ds->id, u"PER"_s));
            QVERIFY(catalog.addLabel(ds->id, u"ORG"_s));
            QVERIFY(catalog.addLabel(ds->id, u"LOC"_s));
            auto one = itemStore.addText(ds->id, u"Maria works at Siemens."_s, {}, u"one"_s);
            auto two = itemStore.addText(ds->id, u"Paris is in France."_s, {}, u"two"_s);
            QVERIFY(one && two);
            contested = one->item.id;
            const auto add = [&context](qint64 item, const QString &author, const QString &label,
                                        qint64 s, qint64 e) {
                Annotation span = Annotation::span(label, s, e);
                span.author = author;
                return bool(AnnotationStore(context).addAnnotation(item, span));
            };
            // alice and bob agree on Maria and on both places; on Siemens: ORG vs LOC.
            QVERIFY(add(one->item.id, u"alice"_s, u"PER"_s, 0, 5));
            QVERIFY(add(one->item.id, u"bob"_s, u"PER"_s, 0, 5));
            QVERIFY(add(one->item.id, u"alice"_s, u"ORG"_s, 15, 22));
            QVERIFY(add(one->item.id, u"bob"_s, u"LOC"_s, 15, 22));
            QVERIFY(add(two->item.id, u"alice"_s, u"LOC"_s, 0, 5));
            QVERIFY(add(two->item.id, u"bob"_s, u"LOC"_s, 0, 5));
            QVERIFY(add(two->item.id, u"alice"_s, u"LOC"_s, 12, 18));
            QVERIFY(add(two->item.id, u"bob"_s, u"LOC"_s, 12, 18));
        }
        auto annotator = openAnnotator(u"ner-agree"_s);
        QVERIFY(annotator);
        // Others' spans: shown by default (marked foreign); changing one says whose it was.
        TextSpanEditor *editor = annotator->spanEditor();
        QCOMPARE(editor->spans().size(), 4);
        for (const EditorSpan &span : editor->spans())
            QVERIFY(span.foreign);
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_Tab);
        QVERIFY(editor->selectedSpan() != 0);
        const QString owner = editor->span(editor->selectedSpan())->author;
        QTest::keyClick(editor, Qt::Key_Delete);
        QVERIFY(saved(annotator.get()));
        QVERIFY2(annotator->message().contains(owner + u"'s"_s), qPrintable(annotator->message()));
        QCOMPARE(stored(contested, {QString(), AnnotationState::Accepted}).size(), 3);
        QCOMPARE(annotator->document()->undoStack()->count(), 1);
        annotator->document()->undoStack()->undo();
        QVERIFY(saved(annotator.get()));
        QCOMPARE(stored(contested, {QString(), AnnotationState::Accepted}).size(), 4);
        annotator->setShowOthers(false);
        QVERIFY(editor->spans().isEmpty());
        // The annotator's own span may overlap another annotator's.
        editor->selectRange(0, 5);
        QTest::keyClick(editor, Qt::Key_1);
        QVERIFY(saved(annotator.get()));
        QCOMPARE(stored(contested, {u"tester"_s, AnnotationState::Accepted}).size(), 1);
        annotator->document()->undoStack()->undo();
        QVERIFY(saved(annotator.get()));
        QVERIFY(editor->spans().isEmpty());
        TextAgreementView *view = annotator->agreementView();
        annotator->findChild<QTabWidget *>(u"textAnnotatorTabs"_s)->setCurrentWidget(view);
        QTRY_COMPARE(view->authors(), (QStringList{u"alice"_s, u"bob"_s}));
        QSignalSpy compared(view, &TextAgreementView::compared);
        view->findChild<QPushButton *>(u"agreementCompare"_s)->click();
        QVERIFY(compared.wait(5000));
        QVERIFY(view->report().has_value());
        // 3 of 4 spans each match: F1 = 2*3 / (4 + 4) = 0.75.
        QCOMPARE(view->report()->spans.matched, 3);
        QVERIFY(qFuzzyCompare(view->report()->spans.f1, 0.75));
        QVERIFY(view->findChild<QLabel *>(u"agreementF1"_s)->text().contains(u"0.750"_s));
        QCOMPARE(view->report()->disagreements.size(), 1);
        QCOMPARE(view->report()->disagreements.first().item.id, contested);
        grabIfAsked(annotator.get(), u"text-agreement.png"_s);

        // Keep B's annotations: bob's LOC becomes the resolved one, the item reviewed.
        view->showDisagreement(0);
        view->findChild<QPushButton *>(u"adjudicationUseB"_s)->click();
        QSignalSpy resolved(view, &TextAgreementView::resolved);
        view->findChild<QPushButton *>(u"adjudicationResolve"_s)->click();
        QVERIFY(resolved.wait(5000));
        QVERIFY(storedItem(contested).status == ItemStatus::Reviewed);
        const QList<Annotation> kept = stored(contested, {QString(), AnnotationState::Accepted});
        QCOMPARE(kept.size(), 2);
        for (const Annotation &a : kept)
            QCOMPARE(a.author, u"bob"_s);
        // Or edit by hand: the item opens in the Annotate tab.
        QSignalSpy shown(annotator.get(), &TextAnnotator::itemShown);
        annotator->findChild<QPushButton *>(u"adjudicationEdit"_s)->click();
        QVERIFY(shown.wait(5000));
        QCOMPARE(annotator->currentItemId(), contested);
        QCOMPARE(annotator->findChild<QTabWidget *>(u"textAnnotatorTabs"_s)->currentIndex(), 0);
    }

    void kappaForClasses()
    {
        {
            auto ws = Workspace::open(m_root);
            DatasetContext context(ws->catalog(), m_root);
            DatasetCatalog catalog(context);
            AnnotationStore annotationStore(context);
            auto ds = catalog.createDataset(u"kappa"_s, DatasetTask::TextClassification);
            QVERIFY(ds);
            QVERIFY(catalog.addLabel(ds->id, u"yes"_s));
            QVERIFY(catalog.addLabel(ds->id, u"no"_s));
            // a: y y n n ; b: y n n n -> po = 3/4, pe = (2/4*1/4 + 2/4*3/4) = 0.5, kappa 0.5
            const QStringList a = {u"yes"_s, u"yes"_s, u"no"_s, u"no"_s};
            const QStringList b = {u"yes"_s, u"no"_s, u"no"_s, u"no"_s};
            for (int i = 0; i < 4; ++i) {
                auto item = DatasetItemStore(context).addText(ds->id, u"text %1"_s.arg(i));
                QVERIFY(item);
                QVERIFY(annotationStore.setTags(item->item.id, {a.at(i)}, u"ann"_s));
                QVERIFY(annotationStore.setTags(item->item.id, {b.at(i)}, u"ben"_s));
            }
        }
        auto annotator = openAnnotator(u"kappa"_s);
        QVERIFY(annotator);
        TextAgreementView *view = annotator->agreementView();
        QTRY_COMPARE(view->authors().size(), 2);
        QSignalSpy compared(view, &TextAgreementView::compared);
        view->compare(u"ann"_s, u"ben"_s);
        QVERIFY(compared.wait(5000));
        QVERIFY(qFuzzyCompare(view->report()->kappa.kappa, 0.5));
        QVERIFY(view->findChild<QLabel *>(u"agreementKappa"_s)->text().contains(u"0.500"_s));
        QCOMPARE(view->report()->disagreements.size(), 1);
    }

    void suggestWithTfidf()
    {
        {
            auto ws = Workspace::open(m_root);
            DatasetContext context(ws->catalog(), m_root);
            DatasetCatalog catalog(context);
            DatasetItemStore itemStore(context);
            AnnotationStore annotationStore(context);
            auto ds = catalog.createDataset(u"reviews"_s, DatasetTask::TextClassification);
            QVERIFY(ds);
            QVERIFY(catalog.addLabel(ds->id, u"pos"_s));
            QVERIFY(catalog.addLabel(ds->id, u"neg"_s));
            const QStringList good = {u"great film, loved it"_s, u"wonderful and great"_s,
                                      u"loved the acting, great"_s, u"a wonderful story"_s};
            const QStringList bad = {u"awful film, hated it"_s, u"terrible and boring"_s,
                                     u"hated the acting, awful"_s, u"a boring mess"_s};
            for (int i = 0; i < good.size(); ++i) {
                auto g = itemStore.addText(ds->id, good.at(i));
                auto b = itemStore.addText(ds->id, bad.at(i));
                QVERIFY(g && b);
                QVERIFY(annotationStore.setTags(g->item.id, {u"pos"_s}, u"tester"_s));
                QVERIFY(annotationStore.setTags(b->item.id, {u"neg"_s}, u"tester"_s));
            }
            QVERIFY(itemStore.addText(ds->id, u"great, I loved it"_s, {}, u"unlabeled"_s));
        }
        auto annotator = openAnnotator(u"reviews"_s);
        QVERIFY(annotator);
        annotator->runSuggester();
        QVERIFY(annotator->isSuggesting());
        QVERIFY(annotator->findChild<QWidget *>(u"suggestProgress"_s)->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!annotator->isSuggesting(), 120000);
        if (annotator->message().contains(u"sklearn"_s))
            QFAIL("scikit-learn is not installed for the interpreter the template uses: run "
                  "scripts/install-deps");
        QVERIFY2(annotator->message().contains(u"text-tfidf-suggest"_s),
                 qPrintable(annotator->message()));
        auto ws = Workspace::open(m_root);
        DatasetContext context(ws->catalog(), m_root);
        auto ds = DatasetCatalog(context).dataset(u"reviews"_s);
        ItemQuery query;
        query.search = u"great, I loved it"_s;
        auto items = DatasetItemStore(context).items(ds->id, query);
        QVERIFY(items && items->size() == 1);
        const QList<Annotation> suggested =
            AnnotationStore(context)
                .annotations(items->first().id, {QString(), AnnotationState::Suggested})
                .value_or({});
        QCOMPARE(suggested.size(), 1);
        QCOMPARE(suggested.first().label, u"pos"_s);
        QVERIFY(suggested.first().source.startsWith(u"model:text-tfidf-suggest"_s));
    }

    void statusFilterAndShiftTab()
    {
        auto annotator = openAnnotator(u"ner"_s);
        QVERIFY(annotator);
        // news-1 was reviewed above, news-2 never labeled.
        auto *filter = annotator->findChild<QComboBox *>(u"statusFilter"_s);
        QSignalSpy shown(annotator.get(), &TextAnnotator::itemShown);
        filter->setCurrentIndex(filter->findData(int(ItemStatus::Unlabeled)));
        QVERIFY(shown.wait(5000));
        QCOMPARE(annotator->rowCount(), 1);
        QCOMPARE(annotator->currentItemId(), m_secondItem);
        filter->setCurrentIndex(filter->findData(int(ItemStatus::Reviewed)));
        QVERIFY(shown.wait(5000));
        QCOMPARE(annotator->rowCount(), 1);
        QCOMPARE(annotator->currentItemId(), m_entityItem);
        filter->setCurrentIndex(filter->findData(int(ItemStatus::Rejected)));
        QTRY_COMPARE(annotator->rowCount(), 0);

        // Shift+Tab walks the spans backwards, wrapping around.
        TextSpanEditor editor;
        editor.setContent(u"one two three"_s,
                          {mk(1, u"A"_s, 0, 3, false, u"manual"_s, std::nullopt),
                           mk(2, u"A"_s, 4, 7, false, u"manual"_s, std::nullopt),
                           mk(3, u"A"_s, 8, 13, true, u"model:x@1"_s, 0.4)});
        editor.show();
        QTest::keyClick(&editor, Qt::Key_Tab);
        QCOMPARE(editor.selectedSpan(), 1);
        QTest::keyClick(&editor, Qt::Key_Backtab, Qt::ShiftModifier);
        QCOMPARE(editor.selectedSpan(), 3);
        QTest::keyClick(&editor, Qt::Key_Backtab, Qt::ShiftModifier);
        QCOMPARE(editor.selectedSpan(), 2);
        QTest::keyClick(&editor, Qt::Key_Escape);
        QCOMPARE(editor.selectedSpan(), 0);
    }

    void cancelSuggester()
    {
        auto annotator = openAnnotator(u"reviews"_s);
        QVERIFY(annotator);
        annotator->runSuggester();
        QVERIFY(annotator->isSuggesting());
        auto *cancel = annotator->findChild<QPushButton *>(u"cancelSuggest"_s);
        QVERIFY(cancel->isVisible());
        cancel->click();
        QTRY_VERIFY_WITH_TIMEOUT(!annotator->isSuggesting(), 60000);
        QVERIFY2(annotator->message().contains(u"cancel"_s, Qt::CaseInsensitive),
                 qPrintable(annotator->message()));
        QVERIFY(!cancel->isVisible());
    }

    void badDatasetName()
    {
        TextAnnotator annotator;
        QSignalSpy failed(&annotator, &TextAnnotator::failed);
        annotator.open(m_root, u"no-such-dataset"_s);
        QVERIFY(failed.wait(5000));
        QVERIFY(!failed.first().first().toString().isEmpty());

        // A folder that is no workspace: the catalog does not open, and the annotator says so
        // instead of loading forever.
        TextAnnotator lost;
        QSignalSpy lostFailed(&lost, &TextAnnotator::failed);
        lost.open(m_root + u"-not-a-workspace"_s, u"reviews"_s);
        QVERIFY(lostFailed.wait(5000));
        QVERIFY(!lostFailed.first().first().toString().isEmpty());
        QTRY_VERIFY(!lost.isLoading());
    }
};

QTEST_MAIN(TestTextAnnotator)
#include "tst_textannotator.moc"
