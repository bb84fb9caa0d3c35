// `atelier dataset …` on the real binary: the demo's datasets, import with progress and its
// report, refusals and usage errors, versions, export of a version, a pipeline reading a
// dataset version through the dataset-export template; and an annotation that survives its
// process being killed (SIGKILL) right after the edit.
#include "catalog/database.h"
#include "core/workspace.h"
#include "datasets/annotationstore.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetitemstore.h"

#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <cstring>
#include <thread>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(out.toUtf8()).array(); }
};

Outcome runAtelier(const QStringList &arguments, int timeoutMs = 240000)
{
    QProcess process;
    process.start(QString::fromUtf8(ATELIER_BINARY), arguments);
    Outcome outcome;
    if (!process.waitForStarted(10000) || !process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        outcome.err = u"did not finish"_s;
        return outcome;
    }
    outcome.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    outcome.out = QString::fromUtf8(process.readAllStandardOutput());
    outcome.err = QString::fromUtf8(process.readAllStandardError());
    return outcome;
}

QString golden(const QString &relative)
{
    return QString::fromUtf8(ATELIER_SOURCE_DIR) + u"/tests/data/datasets/images/"_s + relative;
}

/// The helper half of the crash test: one edit through the store, "edited ID" on stdout,
/// then wait to be killed.
int editAndWait(const char *workspaceDir)
{
    auto ws = Workspace::open(QString::fromLocal8Bit(workspaceDir));
    if (!ws)
        return 3;
    DatasetContext context(ws->catalog(), ws->root());
    context.setAuthor(u"crash-test"_s);
    auto info = DatasetCatalog(context).dataset(u"shapes-boxes"_s);
    if (!info)
        return 4;
    ItemQuery first;
    first.limit = 1;
    auto items = DatasetItemStore(context).items(info->id, first);
    if (!items || items->isEmpty())
        return 5;
    auto added = AnnotationStore(context).addAnnotation(items->first().id,
                                                        Annotation::box(u"killed"_s, {1, 2, 3, 4}));
    if (!added)
        return 6;
    std::printf("edited %lld\n", static_cast<long long>(added->id));
    std::fflush(stdout);
    std::this_thread::sleep_for(std::chrono::seconds(120));
    return 0;
}

} // namespace

class TestDatasetCli final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_demo;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_demo = m_dir.filePath(u"demo"_s);
        const Outcome init = runAtelier({u"init"_s, m_demo, u"--demo"_s});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
    }

    void demoDatasets()
    {
        const Outcome list =
            runAtelier({u"dataset"_s, u"list"_s, u"--workspace"_s, m_demo, u"--json"_s});
        QCOMPARE(list.exitCode, 0);
        QMap<QString, QJsonObject> byName;
        for (const QJsonValue &v : list.array())
            byName.insert(v.toObject().value(u"name"_s).toString(), v.toObject());
        QVERIFY2(byName.contains(u"shapes"_s), qPrintable(list.out));
        QCOMPARE(byName[u"shapes"_s].value(u"task"_s).toString(), u"classification"_s);
        QCOMPARE(byName[u"shapes"_s].value(u"items"_s).toInt(), 240);
        QCOMPARE(byName[u"shapes"_s].value(u"labeled"_s).toInt(), 240);
        QCOMPARE(byName[u"shapes-boxes"_s].value(u"task"_s).toString(), u"detection"_s);
        QCOMPARE(byName[u"shapes-boxes"_s].value(u"items"_s).toInt(), 60);

        const Outcome show = runAtelier(
            {u"dataset"_s, u"show"_s, u"shapes-boxes"_s, u"--workspace"_s, m_demo, u"--json"_s});
        QCOMPARE(show.exitCode, 0);
        int boxes = 0;
        for (const QJsonValue &l : show.json().value(u"labels"_s).toArray())
            boxes += l.toObject().value(u"annotations"_s).toInt();
        QCOMPARE(boxes, 128);
        QCOMPARE(show.json().value(u"authors"_s).toArray().first().toString(), u"demo"_s);
        const Outcome human =
            runAtelier({u"dataset"_s, u"show"_s, u"shapes"_s, u"--workspace"_s, m_demo});
        QVERIFY(human.out.contains(u"circle"_s));
    }

    void importReport()
    {
        const Outcome imported =
            runAtelier({u"dataset"_s, u"import"_s, golden(u"voc"_s), u"--name"_s, u"pets"_s,
                        u"--format"_s, u"voc"_s, u"--workspace"_s, m_demo});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(imported.err.contains(u"Imported 4 of 4"_s), qPrintable(imported.err));
        QVERIFY(imported.out.contains(u"3 new items"_s));
        QVERIFY(imported.out.contains(u"broken.xml: not valid XML"_s));
        QVERIFY(imported.out.contains(u"clipped"_s));

        const Outcome again =
            runAtelier({u"dataset"_s, u"import"_s, golden(u"voc"_s), u"--name"_s, u"pets"_s,
                        u"--format"_s, u"voc"_s, u"--workspace"_s, m_demo, u"--json"_s});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.json().value(u"imported"_s).toInt(), 0);
        QCOMPARE(again.json().value(u"duplicates"_s).toInt(), 3);
        QCOMPARE(again.json().value(u"annotations"_s).toInt(), 0);
        QCOMPARE(again.json().value(u"duplicate_files"_s).toArray().size(), 3);

        const Outcome zip = runAtelier({u"dataset"_s, u"import"_s, golden(u"archives/evil.zip"_s),
                                        u"--name"_s, u"evil"_s, u"--format"_s, u"folder"_s,
                                        u"--workspace"_s, m_demo, u"--json"_s});
        QCOMPARE(zip.exitCode, 0);
        QCOMPARE(zip.json().value(u"imported"_s).toInt(), 2);
        QStringList refused;
        for (const QJsonValue &v : zip.json().value(u"unreadable"_s).toArray())
            refused.append(v.toObject().value(u"file"_s).toString());
        QVERIFY2(refused.contains(u"evil.zip:../../x.png"_s), qPrintable(refused.join(u' ')));
    }

    void compressionBombsAreRefused()
    {
        // 64 MiB of zeros compress about 1000:1: a zip and a tar.gz made by Python's own
        // writers, far below the size cap, refused on their ratio.
        const QString zip = m_dir.filePath(u"zeros.zip"_s);
        const QString tgz = m_dir.filePath(u"zeros.tar.gz"_s);
        QProcess python;
        python.start(u"/usr/bin/python3"_s,
                     {u"-c"_s,
                      u"import io, sys, tarfile, zipfile\n"
                      "data = bytes(64 << 20)\n"
                      "with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:\n"
                      "    z.writestr('set/zeros.png', data)\n"
                      "with tarfile.open(sys.argv[2], 'w:gz') as t:\n"
                      "    info = tarfile.TarInfo('set/zeros.png'); info.size = len(data)\n"
                      "    t.addfile(info, io.BytesIO(data))\n"_s,
                      zip, tgz});
        QVERIFY(python.waitForFinished(60000));
        QCOMPARE(python.exitCode(), 0);
        QVERIFY(QFileInfo(zip).size() < 1024 * 1024);
        for (const QString &archive : {zip, tgz}) {
            const Outcome bomb =
                runAtelier({u"dataset"_s, u"import"_s, archive, u"--name"_s, u"zeros"_s,
                            u"--format"_s, u"folder"_s, u"--workspace"_s, m_demo});
            QCOMPARE(bomb.exitCode, 1);
            QVERIFY2(bomb.err.contains(u"compression bomb"_s), qPrintable(bomb.err));
            QVERIFY2(bomb.err.contains(u"100:1"_s), qPrintable(bomb.err));
        }
        // Nothing was left where it was unpacked (the workspace's scratch/), nor a dataset.
        const QDir scratch(m_demo + u"/scratch"_s);
        QCOMPARE(scratch.entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
        QCOMPARE(runAtelier({u"dataset"_s, u"show"_s, u"zeros"_s, u"--workspace"_s, m_demo})
                     .exitCode,
                 1);
        // A killed import's folder (its process is gone) is removed when the workspace is next
        // opened; that of a live process (this test) stays.
        QVERIFY(scratch.mkpath(u"unpack-999999999-abcdef/set"_s));
        const QString mine = u"unpack-%1-abcdef"_s.arg(QCoreApplication::applicationPid());
        QVERIFY(scratch.mkpath(mine));
        QCOMPARE(runAtelier({u"info"_s, u"--workspace"_s, m_demo}).exitCode, 0);
        QCOMPARE(scratch.entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList{mine});
        QVERIFY(QDir(scratch.filePath(mine)).removeRecursively());
    }

    void refusals()
    {
        // Refused input: exit 1 with one line on stderr.
        const Outcome bomb = runAtelier({u"dataset"_s, u"import"_s, golden(u"archives/bomb.zip"_s),
                                         u"--name"_s, u"bomb"_s, u"--format"_s, u"folder"_s,
                                         u"--max-unpacked-mb"_s, u"1"_s, u"--workspace"_s, m_demo});
        QCOMPARE(bomb.exitCode, 1);
        QVERIFY(bomb.err.contains(u"more than 1 MB"_s));
        // A limit so large that it would overflow in bytes is a usage error.
        const Outcome huge =
            runAtelier({u"dataset"_s, u"import"_s, golden(u"archives/bomb.zip"_s), u"--name"_s,
                        u"huge"_s, u"--format"_s, u"folder"_s, u"--max-unpacked-mb"_s,
                        u"9000000000000000"_s, u"--workspace"_s, m_demo});
        QCOMPARE(huge.exitCode, 2);
        QVERIFY2(huge.err.contains(u"--max-unpacked-mb"_s), qPrintable(huge.err));
        const Outcome format =
            runAtelier({u"dataset"_s, u"import"_s, golden(u"voc"_s), u"--name"_s, u"x"_s,
                        u"--format"_s, u"pdf"_s, u"--workspace"_s, m_demo});
        QCOMPARE(format.exitCode, 1);
        QVERIFY(format.err.contains(u"coco"_s));
        const Outcome missing =
            runAtelier({u"dataset"_s, u"show"_s, u"nope"_s, u"--workspace"_s, m_demo});
        QCOMPARE(missing.exitCode, 1);
        const Outcome task =
            runAtelier({u"dataset"_s, u"import"_s, golden(u"folder"_s), u"--name"_s, u"pets"_s,
                        u"--format"_s, u"folder"_s, u"--workspace"_s, m_demo});
        QCOMPARE(task.exitCode, 1); // pets is a detection dataset
        // Input that yields nothing usable (every image refused): exit 1, the refusals listed,
        // no empty dataset left behind.
        const Outcome nothing =
            runAtelier({u"dataset"_s, u"import"_s, golden(u"escape/labelme"_s), u"--name"_s,
                        u"nothing"_s, u"--format"_s, u"labelme"_s, u"--workspace"_s, m_demo});
        QCOMPARE(nothing.exitCode, 1);
        QVERIFY2(nothing.out.contains(u"outside the imported folder"_s), qPrintable(nothing.out));
        QVERIFY2(nothing.err.contains(u"Nothing in"_s), qPrintable(nothing.err));
        QCOMPARE(runAtelier({u"dataset"_s, u"show"_s, u"nothing"_s, u"--workspace"_s, m_demo})
                     .exitCode,
                 1);
        // Usage errors: exit 2.
        QCOMPARE(runAtelier({u"dataset"_s, u"import"_s, golden(u"voc"_s), u"--workspace"_s, m_demo})
                     .exitCode,
                 2);
        QCOMPARE(runAtelier({u"dataset"_s, u"frobnicate"_s, u"--workspace"_s, m_demo}).exitCode, 2);
        QCOMPARE(runAtelier({u"dataset"_s, u"import"_s, golden(u"voc"_s), u"--name"_s, u"y"_s,
                             u"--format"_s, u"voc"_s, u"--task"_s, u"painting"_s, u"--workspace"_s,
                             m_demo})
                     .exitCode,
                 2);
    }

    void versionAndExport()
    {
        const Outcome v1 = runAtelier({u"dataset"_s, u"version"_s, u"shapes-boxes"_s, u"-m"_s,
                                       u"first cut"_s, u"--workspace"_s, m_demo, u"--json"_s});
        QVERIFY2(v1.exitCode == 0, qPrintable(v1.err));
        QCOMPARE(v1.json().value(u"version"_s).toInt(), 1);
        QCOMPARE(v1.json().value(u"counts"_s).toObject().value(u"annotations"_s).toInt(), 128);
        const QString commit = v1.json().value(u"commit"_s).toString();
        QCOMPARE(commit.size(), 40);
        QVERIFY(QFile::exists(m_demo + u"/repo/labels/shapes-boxes/annotations.jsonl"_s));

        // An edit after the version does not reach the version's export.
        {
            auto ws = Workspace::open(m_demo);
            QVERIFY(ws);
            DatasetContext context(ws->catalog(), ws->root());
            auto info = DatasetCatalog(context).dataset(u"shapes-boxes"_s);
            ItemQuery one;
            one.limit = 1;
            QVERIFY(AnnotationStore(context).addAnnotation(
                DatasetItemStore(context).items(info->id, one)->first().id,
                Annotation::box(u"later"_s, {0, 0, 2, 2})));
        }
        const QString out = m_dir.filePath(u"export-v1"_s);
        const Outcome exported = runAtelier(
            {u"dataset"_s, u"export"_s, u"shapes-boxes"_s, u"--version"_s, u"1"_s, u"--format"_s,
             u"coco"_s, u"--out"_s, out, u"--workspace"_s, m_demo, u"--json"_s});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QCOMPARE(exported.json().value(u"annotations"_s).toInt(), 128);
        QFile coco(out + u"/instances.json"_s);
        QVERIFY(coco.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(coco.readAll()).object();
        QCOMPARE(json.value(u"images"_s).toArray().size(), 60);
        QCOMPARE(json.value(u"annotations"_s).toArray().size(), 128);
        QCOMPARE(QDir(out + u"/images"_s).entryList(QDir::Files).size(), 60);

        const Outcome now = runAtelier({u"dataset"_s, u"export"_s, u"shapes-boxes"_s, u"--format"_s,
                                        u"yolo"_s, u"--out"_s, m_dir.filePath(u"export-now"_s),
                                        u"--workspace"_s, m_demo, u"--json"_s});
        QCOMPARE(now.json().value(u"annotations"_s).toInt(), 129);
        // Refusals: a non-empty folder, a version that does not exist, a wrong format.
        QCOMPARE(runAtelier({u"dataset"_s, u"export"_s, u"shapes-boxes"_s, u"--format"_s, u"coco"_s,
                             u"--out"_s, out, u"--workspace"_s, m_demo})
                     .exitCode,
                 1);
        QCOMPARE(
            runAtelier({u"dataset"_s, u"export"_s, u"shapes-boxes@9"_s, u"--format"_s, u"coco"_s,
                        u"--out"_s, m_dir.filePath(u"x9"_s), u"--workspace"_s, m_demo})
                .exitCode,
            1);
        const Outcome wrong =
            runAtelier({u"dataset"_s, u"export"_s, u"shapes-boxes"_s, u"--format"_s, u"folder"_s,
                        u"--out"_s, m_dir.filePath(u"x10"_s), u"--workspace"_s, m_demo});
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY(wrong.err.contains(u"coco"_s));
    }

    void pipelineReadsVersion()
    {
        const Outcome v = runAtelier({u"dataset"_s, u"version"_s, u"shapes"_s, u"-m"_s, u"v1"_s,
                                      u"--workspace"_s, m_demo, u"--json"_s});
        QCOMPARE(v.exitCode, 0);
        const QString file = m_dir.filePath(u"from-dataset.json"_s);
        QFile pipeline(file);
        QVERIFY(pipeline.open(QIODevice::WriteOnly));
        pipeline.write(R"({"format": 1, "name": "From dataset", "nodes": [
            {"id": "export", "template": "dataset-export@1.0",
             "params": {"dataset": "shapes@1", "format": "csv"}}], "edges": []})");
        pipeline.close();
        const Outcome run =
            runAtelier({u"pipeline"_s, u"run"_s, file, u"--workspace"_s, m_demo, u"--json"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const QString runId = run.json().value(u"run"_s).toString();
        QFile table(m_demo + u"/runs/"_s + runId + u"/export/outputs/table/table.csv"_s);
        QVERIFY2(table.open(QIODevice::ReadOnly), qPrintable(table.fileName()));
        const QList<QByteArray> lines = table.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 241); // header + 240 images
        QVERIFY(lines.at(1).contains("circle") || lines.at(1).contains("square") ||
                lines.at(1).contains("triangle"));
    }

    void editSurvivesKill()
    {
        QProcess helper;
        helper.start(QCoreApplication::applicationFilePath(), {u"--edit-and-wait"_s, m_demo});
        QVERIFY(helper.waitForStarted(10000));
        QByteArray line;
        for (int i = 0; i < 200 && !line.contains('\n'); ++i) {
            helper.waitForReadyRead(100);
            line += helper.readAllStandardOutput();
            if (helper.state() == QProcess::NotRunning)
                break;
        }
        QVERIFY2(line.startsWith("edited "), line.constData());
        const qint64 id = line.mid(7).trimmed().toLongLong();
        helper.kill(); // SIGKILL: no destructor, no close, no checkpoint
        QVERIFY(helper.waitForFinished(10000));
        QCOMPARE(helper.exitStatus(), QProcess::CrashExit);

        auto ws = Workspace::open(m_demo);
        QVERIFY(ws);
        DatasetContext context(ws->catalog(), ws->root());
        auto kept = AnnotationStore(context).annotation(id);
        QVERIFY2(kept, qPrintable(kept ? QString() : kept.error().message));
        QCOMPARE(kept->label, u"killed"_s);
        QCOMPARE(kept->author, u"crash-test"_s);
        QCOMPARE(kept->rect(), QRectF(1, 2, 3, 4));
    }
};

int main(int argc, char **argv)
{
    if (argc == 3 && std::strcmp(argv[1], "--edit-and-wait") == 0) {
        QCoreApplication app(argc, argv);
        return editAndWait(argv[2]);
    }
    QCoreApplication app(argc, argv);
    TestDatasetCli test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_datasetcli.moc"
