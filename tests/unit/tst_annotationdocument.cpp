#include "core/workspace.h"
#include "datasets/annotationstore.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetitemstore.h"
#include "datasets/datasetstoreworker.h"
#include "datasets/textannotationdocument.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace atelier;

// The write-behind queue of AnnotationDocument, through TextAnnotationDocument: edits made
// faster than the worker writes them reach a real catalog in the order made, refusals are
// reported, and a document closed with writes queued loses none of them.
class TestAnnotationDocument : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_root;
    DatasetInfo m_dataset;
    DatasetItem m_item;

    QList<Annotation> stored()
    {
        auto workspace = Workspace::open(m_root);
        if (!workspace)
            return {};
        DatasetContext context(workspace->catalog(), workspace->root());
        return AnnotationStore(context).annotations(m_item.id).value_or({});
    }

    // Opens the item in a document writing through \a worker, every earlier annotation gone.
    std::unique_ptr<TextAnnotationDocument> open(DatasetStoreWorker *worker)
    {
        auto workspace = Workspace::open(m_root);
        DatasetContext context(workspace->catalog(), workspace->root());
        AnnotationStore annotationStore(context);
        for (const Annotation &a : annotationStore.annotations(m_item.id).value_or({}))
            (void)annotationStore.removeAnnotation(a.id);
        auto doc = std::make_unique<TextAnnotationDocument>();
        doc->setAuthor(u"alice"_s);
        doc->setWorker(worker);
        doc->load(m_dataset, DatasetItemStore(context).item(m_item.id).value(), {});
        return doc;
    }

    Annotation span(TextAnnotationDocument &doc, const QString &label, qint64 start, qint64 end)
    {
        Annotation a = Annotation::span(label, start, end);
        a.id = doc.newKey();
        a.author = doc.author();
        return a;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_root = m_tmp.filePath(u"ws"_s);
        auto workspace = Workspace::create(m_root, {});
        QVERIFY(workspace);
        DatasetContext context(workspace->catalog(), workspace->root());
        DatasetCatalog catalog(context);
        auto dataset = catalog.createDataset(u"people"_s, DatasetTask::Entities);
        QVERIFY(dataset);
        for (const QString &label : {u"PER"_s, u"ORG"_s, u"LOC"_s})
            QVERIFY(catalog.addLabel(dataset->id, label));
        auto added = DatasetItemStore(context).addText(dataset->id, u"Alice met Bobby"_s);
        QVERIFY(added);
        m_dataset = catalog.dataset(dataset->id).value();
        m_item = added->item;
    }

    void writesInOrder()
    {
        DatasetStoreWorker worker(m_root, u"alice"_s);
        auto doc = open(&worker);
        QSignalSpy saved(doc.get(), &AnnotationDocument::saved);
        QSignalSpy failed(doc.get(), &AnnotationDocument::saveFailed);
        QSignalSpy updated(doc.get(), &TextAnnotationDocument::itemUpdated);

        // Queued at once: each depends on the one before having reached the catalog.
        const Annotation first = span(*doc, u"PER"_s, 0, 5);
        doc->insertAnnotation(first);
        Annotation renamed = first;
        renamed.label = u"ORG"_s;
        doc->replaceAnnotation(renamed);
        doc->insertAnnotation(span(*doc, u"LOC"_s, 10, 15));
        doc->removeAnnotation(first.id);
        QCOMPARE(doc->pendingWrites(), 4);

        QVERIFY(doc->waitForSaved(10000));
        QCOMPARE(doc->pendingWrites(), 0);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(saved.count(), 4);
        QCOMPARE(saved.last().at(0).toInt(), 0);
        const QList<Annotation> now = stored();
        QCOMPARE(now.size(), 1);
        QCOMPARE(now.first().label, u"LOC"_s);
        QCOMPARE(now.first().author, u"alice"_s);
        // The item as the catalog has it after each write reaches the document.
        QCOMPARE(updated.count(), 4);
        QVERIFY(doc->item().status == ItemStatus::Labeled);
    }

    void reportsRefusals()
    {
        DatasetStoreWorker worker(m_root, u"alice"_s);
        auto doc = open(&worker);
        QSignalSpy saved(doc.get(), &AnnotationDocument::saved);
        QSignalSpy failed(doc.get(), &AnnotationDocument::saveFailed);

        const Annotation outside = span(*doc, u"PER"_s, 0, 99); // past the text's end
        doc->insertAnnotation(outside);
        Annotation changed = outside;
        changed.label = u"ORG"_s;
        doc->replaceAnnotation(changed); // its insert was refused: never saved
        doc->insertAnnotation(span(*doc, u"PER"_s, 0, 5));

        QVERIFY(doc->waitForSaved(10000));
        QCOMPARE(failed.count(), 2);
        QVERIFY(!failed.at(0).at(0).toString().isEmpty());
        QVERIFY(failed.at(1).at(0).toString().contains(u"never saved"_s));
        QCOMPARE(saved.count(), 3);
        const QList<Annotation> now = stored();
        QCOMPARE(now.size(), 1);
        QCOMPARE(now.first().label, u"PER"_s);
    }

    void closedDocumentLosesNoWrite()
    {
        {
            DatasetStoreWorker worker(m_root, u"alice"_s);
            auto doc = open(&worker);
            doc->insertAnnotation(span(*doc, u"LOC"_s, 10, 15));
            doc.reset(); // gone before its write is acknowledged: nothing is posted to it
        }                // the worker runs the writes still queued before it stops
        const QList<Annotation> now = stored();
        QCOMPARE(now.size(), 1);
        QCOMPARE(now.first().label, u"LOC"_s);
    }

    void noWorkerKeepsEditsInMemory()
    {
        auto doc = open(nullptr);
        QSignalSpy saved(doc.get(), &AnnotationDocument::saved);
        doc->insertAnnotation(span(*doc, u"PER"_s, 0, 5));
        QCOMPARE(doc->pendingWrites(), 0);
        QCOMPARE(doc->visible().size(), 1);
        QVERIFY(doc->waitForSaved(100));
        QCOMPARE(saved.count(), 0);
        QVERIFY(stored().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAnnotationDocument)
#include "tst_annotationdocument.moc"
