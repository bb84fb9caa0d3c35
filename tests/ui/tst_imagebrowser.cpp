#include "catalog/database.h"
#include "core/workspace.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetitemsmodel.h"
#include "datasets/datasetstoreworker.h"
#include "labeling/datasetspage.h"
#include "labeling/exportdatasetdialog.h"
#include "labeling/imagebrowser.h"
#include "labeling/importdatasetdialog.h"
#include "labeling/thumbnailcache.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QListView>
#include <QPainter>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace atelier;

// The browser's list model against a real catalog of 500 items (rows written straight into
// the catalog, five distinct images), and the thumbnail cache against real image files.
class TestImageBrowser : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_root;
    qint64 m_dataset = 0;
    QStringList m_hashes;
    static constexpr int kItems = 500;

    QString objectsDir() const { return QDir(m_root).filePath(u"objects"_s); }

    std::unique_ptr<DatasetItemsModel> model(DatasetStoreWorker *worker, int pageSize = 50,
                                             int maxPages = 4)
    {
        auto m = std::make_unique<DatasetItemsModel>(worker);
        m->setPageSize(pageSize);
        m->setMaxPages(maxPages);
        return m;
    }

    static bool waitCount(DatasetItemsModel *m, const ItemQuery &query)
    {
        QSignalSpy counted(m, &DatasetItemsModel::countChanged);
        m->setQuery(query);
        return counted.wait(10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_root = m_tmp.filePath(u"ws"_s);
        auto workspace = Workspace::create(m_root, {});
        QVERIFY(workspace);
        DatasetContext context(workspace->catalog(), workspace->root());
        auto dataset = DatasetCatalog(context).createDataset(u"many"_s, DatasetTask::Detection);
        QVERIFY(dataset);
        m_dataset = dataset->id;
        QVERIFY(DatasetCatalog(context).addLabel(m_dataset, u"car"_s));
        for (int i = 0; i < 5; ++i) {
            QImage image(640, 480, QImage::Format_RGB32);
            image.fill(QColor::fromHsv(i * 60, 160, 210));
            QPainter(&image).fillRect(100 + i * 30, 100, 200, 150, Qt::white);
            const QString path = m_tmp.filePath(u"distinct%1.jpg"_s.arg(i));
            QVERIFY(image.save(path, "JPEG"));
            auto stored = workspace->storeFile(path);
            QVERIFY(stored);
            m_hashes.append(stored->hash);
        }
        Database &db = workspace->catalog();
        QVERIFY(db.transaction([&]() -> Status {
            for (int i = 0; i < kItems; ++i) {
                auto insert = db.query(
                    "INSERT INTO dataset_items (dataset_id, object_hash, source_name, width, "
                    "height, status, dedup_key, position) VALUES (?1, ?2, ?3, 640, 480, ?4, ?5, "
                    "?6)");
                insert.bind(1, m_dataset)
                    .bind(2, m_hashes[i % 5])
                    .bind(3, u"img_%1.jpg"_s.arg(i, 4, 10, QLatin1Char('0')))
                    .bind(4, i % 3 == 0 ? u"labeled"_s : u"unlabeled"_s)
                    .bind(5, u"key-%1"_s.arg(i))
                    .bind(6, i);
                if (Status s = insert.exec(); !s)
                    return s;
                if (i % 3 == 0) {
                    auto annotate =
                        db.query("INSERT INTO annotations (item_id, author, kind, label, geometry) "
                                 "VALUES (last_insert_rowid(), ?1, 'box', ?2, '[1, 1, 10, 10]')");
                    annotate.bind(1, i % 2 == 0 ? u"alice"_s : u"bob"_s)
                        .bind(2, i % 6 == 0 ? u"car"_s : u"bus"_s);
                    if (Status s = annotate.exec(); !s)
                        return s;
                }
            }
            return {};
        }));
    }

    void modelPagesLazily()
    {
        DatasetStoreWorker worker(m_root, u"alice"_s);
        auto m = model(&worker);
        QSignalSpy counted(m.get(), &DatasetItemsModel::countChanged);
        m->setDataset(m_dataset, objectsDir());
        QCOMPARE(m->rowCount(), 0); // the count comes from the worker
        QVERIFY(counted.wait(10000));
        QCOMPARE(m->rowCount(), kItems);
        QCOMPARE(m->loadedRowCount(), 0); // counting read no rows
        QCOMPARE(m->pageRequests(), 0);

        // Asking for a row reads its page only, off the GUI thread.
        QSignalSpy pages(m.get(), &DatasetItemsModel::pageLoaded);
        QVERIFY(!m->index(0).data(DatasetItemsModel::LoadedRole).toBool());
        QVERIFY(m->index(0).data().isNull());
        QVERIFY(pages.wait(10000));
        QCOMPARE(m->loadedRowCount(), 50);
        QCOMPARE(m->index(0).data().toString(), u"img_0000.jpg"_s);
        QCOMPARE(m->index(49).data().toString(), u"img_0049.jpg"_s);
        QCOMPARE(m->pageRequests(), 1);

        // The last row: one more page, not the ones between.
        QVERIFY(m->index(kItems - 1).data().isNull());
        QVERIFY(pages.wait(10000));
        QCOMPARE(m->index(kItems - 1).data().toString(), u"img_0499.jpg"_s);
        QCOMPARE(m->pageRequests(), 2);
        QCOMPARE(m->loadedPageCount(), 2);

        // Walking every page keeps at most maxPages in memory.
        for (int row = 0; row < kItems; row += 50) {
            if (!m->index(row).data(DatasetItemsModel::LoadedRole).toBool())
                QVERIFY(pages.wait(10000));
        }
        QVERIFY(m->loadedPageCount() <= 4);
        QVERIFY(m->loadedRowCount() <= 200);
        QCOMPARE(m->index(kItems - 1).data(DatasetItemsModel::ImagePathRole).toString(),
                 DatasetItemsModel::objectPath(objectsDir(), m_hashes[(kItems - 1) % 5]));
        QVERIFY(
            QFile::exists(m->index(kItems - 1).data(DatasetItemsModel::ImagePathRole).toString()));
    }

    void modelPassesTheTester()
    {
        DatasetStoreWorker worker(m_root, u"alice"_s);
        auto m = model(&worker, 64, 3);
        QAbstractItemModelTester tester(m.get(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counted(m.get(), &DatasetItemsModel::countChanged);
        m->setDataset(m_dataset, objectsDir());
        QVERIFY(counted.wait(10000));
        QTRY_VERIFY(!m->isLoading());
        ItemQuery query;
        query.status = ItemStatus::Labeled;
        QVERIFY(waitCount(m.get(), query));
        QTRY_VERIFY(!m->isLoading());
        m->refresh();
        QTRY_VERIFY(!m->isLoading());
    }

    void filters()
    {
        DatasetStoreWorker worker(m_root, u"alice"_s);
        auto m = model(&worker);
        m->setDataset(m_dataset, objectsDir());
        ItemQuery query;
        query.status = ItemStatus::Labeled;
        QVERIFY(waitCount(m.get(), query));
        QCOMPARE(m->rowCount(), 167); // every third of 500
        query = {};
        query.label = u"car"_s;
        QVERIFY(waitCount(m.get(), query));
        QCOMPARE(m->rowCount(), 84); // every sixth
        query = {};
        query.annotator = u"bob"_s;
        QVERIFY(waitCount(m.get(), query));
        QCOMPARE(m->rowCount(), 83); // the odd thirds
        query = {};
        query.search = u"img_01"_s;
        QVERIFY(waitCount(m.get(), query));
        QCOMPARE(m->rowCount(), 100);
        query = {};
        query.sort = ItemQuery::Sort::SourceName;
        query.descending = true;
        QVERIFY(waitCount(m.get(), query));
        QSignalSpy pages(m.get(), &DatasetItemsModel::pageLoaded);
        m->index(0).data();
        QVERIFY(pages.wait(10000));
        QCOMPARE(m->index(0).data().toString(), u"img_0499.jpg"_s);
        // A query nothing matches: an empty list, not an error.
        query = {};
        query.search = u"no such image"_s;
        QVERIFY(waitCount(m.get(), query));
        QCOMPARE(m->rowCount(), 0);
    }

    void thumbnailsDecodeScaledOffThreadAndCache()
    {
        QTemporaryDir cacheDir;
        QImage big(3000, 2000, QImage::Format_RGB32);
        big.fill(Qt::darkCyan);
        QPainter(&big).fillRect(0, 0, 1500, 1000, Qt::yellow);
        const QString path = m_tmp.filePath(u"big.jpg"_s);
        QVERIFY(big.save(path, "JPEG", 90));

        // The cache makes its folder, private to the user (thumbnails show the images).
        const QString thumbs = cacheDir.filePath(u"cache/thumbs"_s);
        ThumbnailCache cache;
        cache.setDiskCacheDir(thumbs);
        QSignalSpy ready(&cache, &ThumbnailCache::thumbnailReady);
        // Not decoded on the caller's thread: nothing at first, the signal later.
        QVERIFY(cache.thumbnail(u"bighash"_s, path, 192).isNull());
        QVERIFY(cache.isBusy());
        QVERIFY(ready.wait(10000));
        const QImage thumb = cache.cached(u"bighash"_s, 192);
        QCOMPARE(thumb.size(), QSize(192, 128)); // fits, aspect kept
        QCOMPARE(cache.originalDecodes(), 1);
        QVERIFY(QFile::exists(ThumbnailCache::diskCachePath(thumbs, u"bighash"_s, 192)));
        QCOMPARE(QFileInfo(thumbs).permissions() &
                     (QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther |
                      QFile::WriteOther | QFile::ExeOther),
                 QFile::Permissions());
        // Asking again is a memory hit.
        QVERIFY(!cache.thumbnail(u"bighash"_s, path, 192).isNull());

        // A new cache finds it on disk and does not read the original.
        ThumbnailCache second;
        second.setDiskCacheDir(thumbs);
        QSignalSpy secondReady(&second, &ThumbnailCache::thumbnailReady);
        second.request(u"bighash"_s, path, 192);
        QVERIFY(secondReady.wait(10000));
        QCOMPARE(second.diskHits(), 1);
        QCOMPARE(second.originalDecodes(), 0);

        // The scaled read gives the same picture as decoding whole and scaling.
        const QImage direct = ThumbnailCache::decodeScaled(path, 192);
        QCOMPARE(direct.size(), QSize(192, 128));
        QVERIFY(qAbs(qGray(direct.pixel(10, 10)) - qGray(QColor(Qt::yellow).rgb())) < 20);

        // Not an image: a failure with a reason, not retried.
        const QString bad = m_tmp.filePath(u"bad.jpg"_s);
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a picture");
        file.close();
        QSignalSpy failed(&cache, &ThumbnailCache::thumbnailFailed);
        cache.request(u"badhash"_s, bad, 128);
        QVERIFY(failed.wait(10000));
        QVERIFY(!failed.first().at(2).toString().isEmpty());
        cache.request(u"badhash"_s, bad, 128);
        QVERIFY(!cache.isBusy());
    }

    void memoryStaysBounded()
    {
        ThumbnailCache cache;
        cache.setDiskCacheDir(QString());
        cache.setMemoryLimit(200 * 1024); // about three 192 × 144 thumbnails
        for (int i = 0; i < 5; ++i)
            cache.request(m_hashes[i], DatasetItemsModel::objectPath(objectsDir(), m_hashes[i]),
                          192);
        QVERIFY(cache.waitForIdle());
        QCOMPARE(cache.originalDecodes(), 5);
        QVERIFY(cache.memoryUsed() <= cache.memoryLimit());
        int held = 0;
        for (const QString &hash : std::as_const(m_hashes))
            held += cache.cached(hash, 192).isNull() ? 0 : 1;
        QVERIFY(held >= 1);
        QVERIFY(held < 5); // the least recently used went
    }

    void importDialogReportsWhatItDid()
    {
        // A folder with three images, a copy of one and a file that is not an image.
        const QString folder = m_tmp.filePath(u"import"_s);
        QVERIFY(QDir().mkpath(folder));
        for (int i = 0; i < 3; ++i) {
            QImage image(64, 48, QImage::Format_RGB32);
            image.fill(QColor::fromHsv(i * 90, 200, 200));
            QVERIFY(image.save(folder + u"/pic%1.png"_s.arg(i)));
        }
        QVERIFY(QFile::copy(folder + u"/pic0.png"_s, folder + u"/again.png"_s));
        QFile bad(folder + u"/broken.png"_s);
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("not a png");
        bad.close();

        ImportDatasetDialog dialog(m_root, u"alice"_s);
        dialog.setPath(folder);
        dialog.setFormat(u"folder"_s);
        dialog.setDatasetName(u"imported"_s);
        QSignalSpy finished(&dialog, &ImportDatasetDialog::finished);
        dialog.start();
        QVERIFY(dialog.isRunning()); // on a worker thread
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QVERIFY(dialog.report().has_value());
        QCOMPARE(dialog.report()->imported, 3);
        QCOMPARE(dialog.report()->duplicates, 1);
        QCOMPARE(dialog.report()->unreadable.size(), 1);
        QVERIFY(dialog.reportText().contains(u"broken.png"_s));

        // A bad name is refused before anything runs.
        ImportDatasetDialog refused(m_root, u"alice"_s);
        refused.setPath(folder);
        refused.setDatasetName(u"../escape"_s);
        refused.start();
        QVERIFY(!refused.isRunning());

        // The Datasets page lists it and opens its grid.
        DatasetsPage page;
        page.resize(1200, 800);
        page.show();
        QSignalSpy loaded(&page, &DatasetsPage::loaded);
        page.setWorkspace(m_root);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(page.datasetCount(), 2);
        QVERIFY(!page.openDataset(u"missing"_s));
        QVERIFY(page.openDataset(u"imported"_s));
        QTRY_COMPARE_WITH_TIMEOUT(page.browser()->model()->rowCount(), 3, 10000);
        page.showList();
        QCOMPARE(page.openDatasetName(), QString());

        // Export it (folder per class) on a worker thread.
        DatasetInfo imported;
        for (const DatasetRow &row : page.rows()) {
            if (row.info.name == u"imported"_s)
                imported = row.info;
        }
        QCOMPARE(imported.itemCount, 3);
        ExportDatasetDialog exporter(m_root, imported);
        exporter.setFormat(u"folder"_s);
        exporter.setFolder(m_tmp.filePath(u"exported"_s));
        QSignalSpy exported(&exporter, &ExportDatasetDialog::finished);
        exporter.start();
        QVERIFY(exporter.isRunning());
        QVERIFY(exported.wait(30000));
        QVERIFY2(exported.first().at(0).toBool(), qPrintable(exported.first().at(1).toString()));
        QCOMPARE(exporter.report()->items, 3);
        QVERIFY(!QDir(m_tmp.filePath(u"exported"_s)).isEmpty());
    }

    void closingARunningImportCancelsAndReports()
    {
        const QString folder = m_tmp.filePath(u"import"_s); // made by the test above
        QVERIFY(QFileInfo(folder).isDir());
        ImportDatasetDialog dialog(m_root, u"alice"_s);
        dialog.setPath(folder);
        dialog.setFormat(u"folder"_s);
        dialog.setDatasetName(u"closed-early"_s);
        dialog.show();
        QSignalSpy finished(&dialog, &ImportDatasetDialog::finished);
        dialog.start();
        QVERIFY(dialog.isRunning());
        dialog.reject(); // Esc or the window's close button
        // It stays until the worker has stopped, says so, then closes.
        QVERIFY(dialog.isVisible());
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.count(), 1);
        QTRY_VERIFY(!dialog.isVisible());
        if (dialog.report() && dialog.report()->cancelled)
            QVERIFY2(finished.first().at(1).toString().contains(u"Import cancelled"_s),
                     qPrintable(finished.first().at(1).toString()));
    }

    void pageAnswersWhenTheCatalogCannotOpen()
    {
        DatasetsPage page;
        QSignalSpy loaded(&page, &DatasetsPage::loaded);
        QSignalSpy message(&page, &DatasetsPage::message);
        // Switching away at once: nothing from the first workspace reaches the page.
        page.setWorkspace(m_root);
        page.setWorkspace(m_tmp.filePath(u"not-a-workspace"_s));
        QVERIFY(loaded.wait(10000));
        QVERIFY(!page.isBusy());
        QVERIFY(!message.isEmpty());
        QTest::qWait(200);
        QCOMPARE(page.datasetCount(), 0);
        QVERIFY(!page.isBusy());
        // And back: the real workspace loads.
        loaded.clear();
        page.setWorkspace(m_root);
        QVERIFY(loaded.wait(10000));
        QVERIFY(page.datasetCount() > 0);
        QVERIFY(!page.isBusy());
    }

    void browserReadsOnlyWhatIsShown()
    {
        QTemporaryDir cacheDir;
        DatasetStoreWorker worker(m_root, u"alice"_s);
        // The cache makes its folder, private to the user (thumbnails show the images).
        const QString thumbs = cacheDir.filePath(u"cache/thumbs"_s);
        ThumbnailCache cache;
        cache.setDiskCacheDir(thumbs);
        ImageBrowser browser(&worker, &cache);
        browser.resize(1100, 700);
        browser.show();
        QVERIFY(QTest::qWaitForWindowExposed(&browser));
        DatasetInfo info;
        info.id = m_dataset;
        info.name = u"many"_s;
        info.task = DatasetTask::Detection;
        QSignalSpy stats(&browser, &ImageBrowser::statsLoaded);
        browser.setDataset(info, objectsDir());
        QVERIFY(stats.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(browser.model()->rowCount() == kItems, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(cache.originalDecodes() >= 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!browser.isBusy(), 10000);
        QCOMPARE(browser.statusCounts().value(ItemStatus::Labeled), 167);
        // One screen: a page or two read, five distinct images decoded once each.
        QVERIFY(browser.model()->pageRequests() <= 2);
        QVERIFY(browser.model()->loadedRowCount() < kItems);
        QVERIFY(cache.originalDecodes() >= 1);
        QVERIFY(cache.originalDecodes() <= 5);
        const QModelIndex first = browser.model()->index(0);
        const QRect cell = browser.view()->visualRect(first);
        QVERIFY(cell.isValid());
        // Scrolling to the end reads the last page, not the ones between.
        browser.view()->scrollToBottom();
        QTRY_VERIFY_WITH_TIMEOUT(!browser.isBusy(), 10000);
        QVERIFY(browser.model()->pageRequests() <= 4);
        // Filtering re-counts.
        browser.setStatusFilter(ItemStatus::Labeled);
        QTRY_COMPARE_WITH_TIMEOUT(browser.model()->rowCount(), 167, 10000);
        browser.setSearch(u"img_000"_s);
        QTRY_VERIFY_WITH_TIMEOUT(browser.model()->rowCount() == 4, 10000); // 0, 3, 6, 9
    }
};

QTEST_MAIN(TestImageBrowser)
#include "tst_imagebrowser.moc"
