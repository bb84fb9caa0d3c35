// What a new user met in Models, the import dialog, the list pages and File → Open Recent
// (issue #16): raw {{workspace}} in params, cut controls, Stop enabled on a stopped service, the
// import format defaulting to COCO for a folder of class sub-folders, the Import button moving,
// a name column squeezed out, and the open workspace missing from Open Recent.
#include "catalog/database.h"
#include "core/workspace.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/formatdetect.h"
#include "labeling/datasetspage.h"
#include "labeling/importdatasetdialog.h"
#include "registry/modelregistry.h"
#include "registryview/modelsview.h"
#include "shell/mainwindow.h"
#include "views/listpage.h"
#include "views/slurmpooldialog.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace atelier;

class TestViewsFirstHour : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_root;

    static void writeImage(const QString &path)
    {
        QImage image(8, 8, QImage::Format_RGB32);
        image.fill(Qt::red);
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QVERIFY(image.save(path));
    }

    static void writeFile(const QString &path, const QByteArray &bytes)
    {
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_root = m_tmp.filePath(u"ws"_s);
        auto workspace = Workspace::create(m_root, {});
        QVERIFY(workspace);
        // Two versions of a model whose params name a path in the workspace, as the demo's do.
        writeFile(m_tmp.filePath(u"model/weights.onnx"_s), "not really onnx");
        ModelRegistry registry(workspace->catalog(), workspace->root());
        ModelRegisterOptions options;
        options.name = u"classifier"_s;
        auto first = registry.registerPath(m_tmp.filePath(u"model"_s), options);
        QVERIFY2(first, first ? "" : qPrintable(first.error().message));
        writeFile(m_tmp.filePath(u"model/weights.onnx"_s), "still not onnx");
        QVERIFY(registry.registerPath(m_tmp.filePath(u"model"_s), options));
        QVERIFY(workspace->catalog()
                    .query("UPDATE model_versions SET params = ?1;")
                    .bind(1, u"{\"prepare.source\": \"{{workspace}}/data/table.csv\", "
                             "\"split.test_fraction_of_the_rows\": \"0.2\", "
                             "\"train.seed\": \"{{variables.seed}}\", \"variables.seed\": \"42\"}"_s)
                    .exec());
        // A service that has been stopped.
        QVERIFY(workspace->catalog()
                    .query("INSERT INTO services (id, version_id, state, folder) "
                           "VALUES ('svc-old', ?1, 'stopped', ?2);")
                    .bind(1, first->id)
                    .bind(2, m_tmp.filePath(u"svc"_s))
                    .exec());
    }

    void modelsShowResolvedPathsWholeNamesAndAnUncutCompareBox()
    {
        ModelsView view;
        view.resize(760, 600); // the Models page of a 1024 × 700 window
        view.show();
        QSignalSpy loaded(&view, &ModelsView::loaded);
        view.setWorkspace(m_root);
        QVERIFY(loaded.wait(20000));
        QVERIFY(view.selectVersion(u"classifier"_s, 2));
        auto *params = view.findChild<QTableWidget *>(u"versionParams"_s);
        QVERIFY(params);
        QString source;
        QString seed;
        int nameRow = -1;
        for (int row = 0; row < params->rowCount(); ++row) {
            if (params->item(row, 0)->text() == u"prepare.source"_s)
                source = params->item(row, 1)->text();
            if (params->item(row, 0)->text().startsWith(u"split."_s))
                nameRow = row;
            if (params->item(row, 0)->text() == u"train.seed"_s)
                seed = params->item(row, 1)->text();
        }
        QVERIFY2(!source.contains(u"{{"_s), qPrintable(source));
        QCOMPARE(source, QDir::toNativeSeparators(m_root) + u"/data/table.csv"_s);
        QCOMPARE(seed, u"42"_s); // the run's variable, not {{variables.seed}}
        // The parameter's name is not cut: its column is as wide as the name.
        QVERIFY(nameRow >= 0);
        QTRY_VERIFY(params->columnWidth(0) >=
                    params->fontMetrics().horizontalAdvance(params->item(nameRow, 0)->text()));

        auto *compare = view.findChild<QComboBox *>(u"compareWith"_s);
        QVERIFY(compare);
        QCOMPARE(compare->count(), 2); // "(choose a version)" and version 1
        // The text, the arrow and the frame fit: not "(choose" or "（选择版本" cut short.
        QTRY_VERIFY(compare->width() >
                    compare->fontMetrics().horizontalAdvance(compare->itemText(0)) +
                        compare->fontMetrics().height());
        QTRY_VERIFY2(
            compare->width() >= compare->sizeHint().width(),
            qPrintable(u"%1 < %2"_s.arg(compare->width()).arg(compare->sizeHint().width())));
    }

    void stopIsDisabledForAStoppedService()
    {
        ModelsView view;
        view.resize(1200, 800);
        view.show();
        QSignalSpy loaded(&view, &ModelsView::loaded);
        view.setWorkspace(m_root);
        QVERIFY(loaded.wait(20000));
        auto *services = view.findChild<QTreeWidget *>(u"serviceList"_s);
        auto *stop = view.findChild<QPushButton *>(u"stopService"_s);
        QVERIFY(services && stop);
        QCOMPARE(services->topLevelItemCount(), 1);
        services->setCurrentItem(services->topLevelItem(0));
        QVERIFY(!stop->isEnabled());
    }

    void detectsTheFormatOfAFolderOfClassSubFolders()
    {
        const QString folder = m_tmp.filePath(u"pets"_s);
        writeImage(folder + u"/cat/1.png"_s);
        writeImage(folder + u"/dog/2.png"_s);
        QCOMPARE(FormatGuess::detect(folder)->format, u"folder"_s);

        const QString coco = m_tmp.filePath(u"coco/annotations.json"_s);
        writeFile(coco, R"({"images": [], "annotations": [], "categories": []})");
        QCOMPARE(FormatGuess::detect(coco)->format, u"coco"_s);
        QCOMPARE(FormatGuess::detect(m_tmp.filePath(u"coco"_s))->format, u"coco"_s);
        writeFile(m_tmp.filePath(u"voc/Annotations/a.xml"_s), "<annotation/>");
        QCOMPARE(FormatGuess::detect(m_tmp.filePath(u"voc"_s))->format, u"voc"_s);
        QVERIFY(!FormatGuess::detect(m_tmp.filePath(u"nothing-here"_s)));

        ImportDatasetDialog dialog(m_root, u"tester"_s);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *button = dialog.findChild<QPushButton *>(u"importButton"_s);
        const QRect before = button->geometry();
        const int dialogHeight = dialog.height();
        QSignalSpy detected(&dialog, &ImportDatasetDialog::formatDetected);
        dialog.setPath(folder);
        QVERIFY(detected.wait(5000));
        QCOMPARE(dialog.detectedFormat(), u"folder"_s);
        QCOMPARE(dialog.effectiveFormat(), u"folder"_s); // not COCO, the first in the list
        QVERIFY2(dialog.formatHint().contains(u"folder"_s), qPrintable(dialog.formatHint()));

        // Chose COCO anyway: the hint, and the failure, name the right format.
        dialog.setFormat(u"coco"_s);
        QCOMPARE(dialog.effectiveFormat(), u"coco"_s);
        QVERIFY2(dialog.formatHint().contains(u"folder"_s), qPrintable(dialog.formatHint()));
        QSignalSpy finished(&dialog, &ImportDatasetDialog::finished);
        dialog.setDatasetName(u"pets"_s);
        dialog.start();
        QVERIFY(finished.wait(20000));
        QVERIFY(!finished.last().at(0).toBool());
        auto *message = dialog.findChild<QLabel *>(u"importMessage"_s);
        QVERIFY2(message->text().contains(u"folder"_s), qPrintable(message->text()));
        QCoreApplication::processEvents();
        // Neither the hint nor the message pushed the button down.
        QCOMPARE(button->geometry(), before);
        QCOMPARE(dialog.height(), dialogHeight);
    }

    void theNameColumnShowsNamesWhole()
    {
        ListPage page(u"pools"_s, u"Pools"_s, u"Where work runs"_s, u"None"_s);
        page.resize(700, 400);
        page.show();
        const QString name = u"gpu-partition-a100"_s;
        page.setSections(
            {{u"Pools"_s, {{name, QString(200, u'x'), QString(), QDateTime::currentDateTime()}}}});
        auto *tree = page.findChild<QTreeWidget *>();
        QVERIFY(tree);
        QVERIFY(tree->columnWidth(0) > tree->fontMetrics().horizontalAdvance(name));
    }

    void theVersionsNumberSitsUnderItsHeading()
    {
        {
            auto workspace = Workspace::open(m_root);
            DatasetContext context(workspace->catalog(), workspace->root());
            QVERIFY(
                DatasetCatalog(context).createDataset(u"pets"_s, DatasetTask::Classification, {}));
        }
        DatasetsPage page;
        page.resize(1200, 700);
        page.show();
        QSignalSpy loaded(&page, &DatasetsPage::loaded);
        page.setWorkspace(m_root);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(page.datasetCount(), 1);
        auto *list = page.findChild<QTreeWidget *>(u"datasetList"_s);
        QVERIFY(list);
        const int versions = list->columnCount() - 1;
        // As wide as its heading, not stretched over the free room with the number at its end.
        QVERIFY2(list->columnWidth(versions) < list->header()->sectionSizeHint(versions) + 40,
                 qPrintable(QString::number(list->columnWidth(versions))));
    }

    void theSlurmDialogShowsItsExamplesWhole()
    {
        SlurmPoolDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        int checked = 0;
        for (QLineEdit *edit : dialog.findChildren<QLineEdit *>()) {
            if (edit->placeholderText().isEmpty())
                continue;
            ++checked;
            QVERIFY2(edit->width() > edit->fontMetrics().horizontalAdvance(edit->placeholderText()),
                     qPrintable(edit->placeholderText()));
        }
        QVERIFY(checked >= 3);
    }

    void openRecentListsTheWorkspaceOpenNow()
    {
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::workspaceLoaded);
        window.openWorkspace(m_root);
        QVERIFY(loaded.wait(30000));
        QMenu *recent = nullptr;
        for (QMenu *menu : window.menuBar()->findChildren<QMenu *>()) {
            if (menu->title() == MainWindow::tr("Open &Recent"))
                recent = menu;
        }
        QVERIFY(recent);
        const QString path = QDir::toNativeSeparators(QDir::cleanPath(m_root));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (QAction *action : recent->actions()) {
                    if (action->text() == path)
                        return true;
                }
                return false;
            }(),
            10000);
    }
};

QTEST_MAIN(TestViewsFirstHour)
#include "tst_viewsfirsthour.moc"
