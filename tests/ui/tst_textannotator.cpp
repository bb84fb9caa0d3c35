#include "core/workspace.h"
#include "datasets/datasetstore.h"
#include "datasets/textannotationcommands.h"
#include "datasets/textannotationdocument.h"
#include "labeling/textannotator.h"
#include "labeling/textclassificationpanel.h"
#include "labeling/textpairview.h"
#include "labeling/textspaneditor.h"

#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

// Emoji (two UTF-16 units each) and CJK before the entities: offsets must be code points.
const QString kEntityText = u"Hi 😀😀 東京で Maria Schmidt met Siemens in Berlin."_s;

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
        DatasetStore store(ws->catalog(), m_root);
        auto annotations = store.annotations(itemId, filter);
        return annotations ? annotations.value() : QList<Annotation>{};
    }
    DatasetItem storedItem(qint64 itemId)
    {
        auto ws = Workspace::open(m_root);
        DatasetStore store(ws->catalog(), m_root);
        return store.item(itemId).value_or(DatasetItem{});
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
        DatasetStore store(ws->catalog(), m_root);
        store.setAuthor(u"tester"_s);

        DatasetOptions noOverlap;
        auto entities = store.createDataset(u"ner"_s, DatasetTask::Entities, noOverlap);
        QVERIFY(entities);
        QVERIFY(store.addLabel(entities->id, u"PER"_s, u"#eb5757"_s));
        QVERIFY(store.addLabel(entities->id, u"ORG"_s, u"#2f80ed"_s, u"O"_s));
        QVERIFY(store.addLabel(entities->id, u"LOC"_s, u"#27ae60"_s));
        auto first = store.addText(entities->id, kEntityText, {}, u"news-1"_s);
        QVERIFY(first);
        m_entityItem = first->item.id;
        auto second =
            store.addText(entities->id, u"Second item: Alice visited Paris."_s, {}, u"news-2"_s);
        QVERIFY(second);
        m_secondItem = second->item.id;

        auto single = store.createDataset(u"sentiment"_s, DatasetTask::TextClassification);
        QVERIFY(single);
        QVERIFY(store.addLabel(single->id, u"pos"_s));
        QVERIFY(store.addLabel(single->id, u"neg"_s));
        QVERIFY(store.addLabel(single->id, u"neutral"_s));
        QVERIFY(store.addText(single->id, u"I loved it."_s, {}, u"r1"_s));
        QVERIFY(store.addText(single->id, u"Meh."_s, {}, u"r2"_s));

        DatasetOptions multi;
        multi.multiLabel = true;
        auto topics = store.createDataset(u"topics"_s, DatasetTask::TextClassification, multi);
        QVERIFY(topics);
        QVERIFY(store.addLabel(topics->id, u"sports"_s));
        QVERIFY(store.addLabel(topics->id, u"politics"_s));
        QVERIFY(store.addText(topics->id, u"The minister scored a goal."_s));

        auto pairs = store.createDataset(u"pairs"_s, DatasetTask::Pairs);
        QVERIFY(pairs);
        QVERIFY(store.addText(pairs->id, u"How old are you?"_s, u"What is your age?"_s));

        DatasetOptions scored;
        scored.pairScore = true;
        auto scores = store.createDataset(u"scores"_s, DatasetTask::Pairs, scored);
        QVERIFY(scores);
        QVERIFY(store.addText(scores->id, u"A cat sat."_s, u"A dog ran."_s));
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
        editor.addSpan({1, u"LOC"_s, 6, 8, false, u"manual"_s, std::nullopt});
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
        editor.addSpan({7, u"PER"_s, 0, 5, false, u"manual"_s, std::nullopt});
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
            DatasetStore store(ws->catalog(), m_root);
            const qint64 siemens = cpIndex(kEntityText, u"Siemens"_s);
            const qint64 berlin = cpIndex(kEntityText, u"Berlin"_s);
            QVERIFY(store.replaceSuggestions(m_entityItem, u"model:tfidf@1"_s,
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
            DatasetStore store(ws->catalog(), m_root);
            QVERIFY(store.replaceSuggestions(itemId, u"model:tfidf@1"_s,
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

    void badDatasetName()
    {
        TextAnnotator annotator;
        QSignalSpy failed(&annotator, &TextAnnotator::failed);
        annotator.open(m_root, u"no-such-dataset"_s);
        QVERIFY(failed.wait(5000));
        QVERIFY(!failed.first().first().toString().isEmpty());
    }
};

QTEST_MAIN(TestTextAnnotator)
#include "tst_textannotator.moc"
