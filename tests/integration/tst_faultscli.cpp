// Issue #15 "Trustworthy under faults", through the real `atelier` binary: private object copies
// and the store check's strays, the terminal's language, pipeline names that share a file
// name, secrets in a pool's address, templates linked from outside the workspace, and image
// decompression bombs.
#include "catalog/database.h"
#include "core/workspace.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <fcntl.h>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

Outcome
runAtelier(const QStringList &arguments,
           const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QString::fromUtf8(ATELIER_BINARY), arguments);
    Outcome outcome;
    if (!process.waitForStarted(10000) || !process.waitForFinished(240000)) {
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

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

struct stat statOf(const QString &path)
{
    struct stat st = {};
    ::stat(QFile::encodeName(path).constData(), &st);
    return st;
}

/// Sets a file's modification time \a secondsAgo in the past.
bool age(const QString &path, int secondsAgo)
{
    timespec times[2];
    clock_gettime(CLOCK_REALTIME, &times[0]);
    times[0].tv_sec -= secondsAgo;
    times[1] = times[0];
    return ::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0) == 0;
}

QByteArray pngOf(const QColor &color, int w = 16, int h = 12)
{
    QImage image(w, h, QImage::Format_RGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

quint32 crc32(const QByteArray &data)
{
    quint32 crc = 0xffffffffu;
    for (const char byte : data) {
        crc ^= quint8(byte);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

QByteArray pngChunk(const QByteArray &type, const QByteArray &data)
{
    QByteArray chunk(4, '\0');
    qToBigEndian(quint32(data.size()), chunk.data());
    chunk += type + data;
    QByteArray crc(4, '\0');
    qToBigEndian(crc32(type + data), crc.data());
    return chunk + crc;
}

/// A PNG as the specification lays it out (signature, IHDR, IDAT, IEND) whose header declares
/// \a w × \a h RGB pixels while its data holds only a few: under 100 bytes on disk.
QByteArray pngBomb(quint32 w, quint32 h)
{
    QByteArray ihdr(13, '\0');
    qToBigEndian(w, ihdr.data());
    qToBigEndian(h, ihdr.data() + 4);
    ihdr[8] = 8;                                                    // bit depth
    ihdr[9] = 2;                                                    // colour type RGB
    const QByteArray zlib = qCompress(QByteArray(64, '\0')).mid(4); // drop Qt's length prefix
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", ihdr) + pngChunk("IDAT", zlib) +
           pngChunk("IEND", {});
}

QJsonObject shellTemplate(const QString &id, const QString &script)
{
    return QJsonObject{
        {u"id"_s, id},
        {u"version"_s, u"1.0"_s},
        {u"name"_s, id},
        {u"category"_s, u"General"_s},
        {u"description"_s, u"test"_s},
        {u"inputs"_s, QJsonArray{}},
        {u"outputs"_s, QJsonArray{}},
        {u"params"_s, QJsonArray{}},
        {u"command"_s, QJsonArray{u"bash"_s, u"-c"_s, script}},
        {u"resources"_s, QJsonObject{{u"cpus"_s, 1}, {u"memory_mb"_s, 64}, {u"gpus"_s, 0}}},
        {u"requires"_s, QJsonArray{}}};
}

QByteArray pipelineJson(const QString &name, const QString &templateRef = u"shell@1.0"_s,
                        const QString &script = u"true"_s)
{
    const QJsonObject params =
        templateRef.startsWith(u"shell@"_s) ? QJsonObject{{u"script"_s, script}} : QJsonObject{};
    const QJsonObject doc{{u"format"_s, 1},
                          {u"name"_s, name},
                          {u"nodes"_s, QJsonArray{QJsonObject{{u"id"_s, u"only"_s},
                                                              {u"template"_s, templateRef},
                                                              {u"params"_s, params}}}},
                          {u"edges"_s, QJsonArray{}}};
    return QJsonDocument(doc).toJson();
}

} // namespace

class TestFaultsCli final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_next = 0;

    /// A new empty workspace.
    QString newWorkspace()
    {
        const QString ws = m_dir.filePath(u"ws%1"_s.arg(++m_next));
        const Outcome init = runAtelier({u"init"_s, ws});
        if (init.exitCode != 0)
            qWarning("init failed: %s", qPrintable(init.err));
        return ws;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // --- 1. objects are private copies; the store check finds and removes strays --------
    void objectsArePrivateCopies()
    {
        const QString images = m_dir.filePath(u"originals"_s);
        const QString original = images + u"/red/a.png"_s;
        const QByteArray content = pngOf(Qt::red);
        QVERIFY(writeAll(original, content));
        QVERIFY(writeAll(images + u"/blue/b.png"_s, pngOf(Qt::blue)));
        const QString ws1 = newWorkspace();
        const QString ws2 = newWorkspace();
        for (const QString &ws : {ws1, ws2}) {
            const Outcome imported = runAtelier(
                {u"dataset"_s, u"import"_s, images, u"--name"_s, u"colours"_s, u"--format"_s,
                 u"folder"_s, u"--task"_s, u"classification"_s, u"--workspace"_s, ws});
            QVERIFY2(imported.exitCode == 0, qPrintable(imported.err + imported.out));
        }
        const QString hash = sha256(content);
        const QString object1 = ws1 + u"/objects/"_s + hash.left(2) + u'/' + hash.mid(2);
        const QString object2 = ws2 + u"/objects/"_s + hash.left(2) + u'/' + hash.mid(2);
        QCOMPARE(readAll(object1), content);
        QVERIFY(statOf(object1).st_ino != statOf(original).st_ino);
        QCOMPARE(statOf(original).st_nlink, nlink_t(1));
        QCOMPARE(statOf(object1).st_mode & 0777, mode_t(0444));

        // The user re-saves the original in place (same file, new content)…
        {
            QFile f(original);
            QVERIFY(f.open(QIODevice::ReadWrite | QIODevice::Truncate));
            f.write(pngOf(Qt::green));
        }
        // …and the workspace still holds what was imported.
        const Outcome verify = runAtelier({u"info"_s, u"--verify"_s, u"--workspace"_s, ws1});
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.err));
        QCOMPARE(readAll(object2), content);

        // Writing into one workspace's objects/ reaches neither the original nor the other.
        QVERIFY(QFile::setPermissions(object1, QFile::ReadOwner | QFile::WriteOwner));
        QVERIFY(writeAll(object1, "scribbled"));
        QCOMPARE(readAll(original), pngOf(Qt::green));
        QCOMPARE(readAll(object2), content);
        const Outcome other = runAtelier({u"info"_s, u"--verify"_s, u"--workspace"_s, ws2});
        QVERIFY2(other.exitCode == 0, qPrintable(other.err));
        const Outcome damaged = runAtelier({u"info"_s, u"--verify"_s, u"--workspace"_s, ws1});
        QCOMPARE(damaged.exitCode, 1);
        QVERIFY2(damaged.err.contains(hash), qPrintable(damaged.err));
    }

    void verifyListsAndRepairsStrays()
    {
        const QString images = m_dir.filePath(u"strays-in"_s);
        const QByteArray kept = pngOf(Qt::yellow);
        QVERIFY(writeAll(images + u"/y/kept.png"_s, kept));
        const QString ws = newWorkspace();
        const Outcome imported =
            runAtelier({u"dataset"_s, u"import"_s, images, u"--name"_s, u"s"_s, u"--format"_s,
                        u"folder"_s, u"--task"_s, u"classification"_s, u"--workspace"_s, ws});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        const Outcome clean = runAtelier({u"info"_s, u"--verify"_s, u"--workspace"_s, ws});
        QVERIFY2(clean.exitCode == 0, qPrintable(clean.err));

        // What a killed import leaves: objects whose batch never committed, and a temporary
        // copy; one more written a moment ago, as by an import still running.
        const QByteArray orphan = pngOf(Qt::cyan);
        const QString orphanHash = sha256(orphan);
        const QString orphanPath =
            ws + u"/objects/"_s + orphanHash.left(2) + u'/' + orphanHash.mid(2);
        const QString tempPath = ws + u"/objects/"_s + orphanHash.left(2) + u"/.tmp-Ab12Cd"_s;
        const QByteArray fresh = pngOf(Qt::magenta);
        const QString freshHash = sha256(fresh);
        const QString freshPath = ws + u"/objects/"_s + freshHash.left(2) + u'/' + freshHash.mid(2);
        QVERIFY(writeAll(orphanPath, orphan));
        QVERIFY(writeAll(tempPath, "half a copy"));
        QVERIFY(writeAll(freshPath, fresh));
        QVERIFY(age(orphanPath, 7200));
        QVERIFY(age(tempPath, 7200));
        const QString keptHash = sha256(kept);
        const QString keptPath = ws + u"/objects/"_s + keptHash.left(2) + u'/' + keptHash.mid(2);
        QVERIFY(age(keptPath, 7200)); // known to the catalog: never a stray, however old

        const Outcome listed = runAtelier({u"info"_s, u"--verify"_s, u"--workspace"_s, ws});
        QCOMPARE(listed.exitCode, 1);
        for (const QString &path : {orphanPath, tempPath, freshPath})
            QVERIFY2(listed.err.contains(QDir::toNativeSeparators(path)), qPrintable(listed.err));
        QVERIFY2(!listed.err.contains(keptHash.mid(2)), qPrintable(listed.err));
        QVERIFY2(listed.err.contains(u"--repair"_s), qPrintable(listed.err));
        QVERIFY(QFileInfo::exists(orphanPath)); // --verify alone removes nothing

        const Outcome repaired = runAtelier(
            {u"info"_s, u"--verify"_s, u"--repair"_s, u"--json"_s, u"--workspace"_s, ws});
        QCOMPARE(repaired.exitCode, 1); // the recent one is kept, and said
        QCOMPARE(repaired.json().value(u"removed_objects"_s).toArray().size(), 2);
        const QJsonArray left = repaired.json().value(u"stray_objects"_s).toArray();
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.first().toObject().value(u"path"_s).toString(), freshPath);
        QCOMPARE(left.first().toObject().value(u"recent"_s).toBool(), true);
        QVERIFY(!QFileInfo::exists(orphanPath));
        QVERIFY(!QFileInfo::exists(tempPath));
        QVERIFY(QFileInfo::exists(freshPath));
        QCOMPARE(readAll(keptPath), kept);

        QVERIFY(age(freshPath, 7200));
        const Outcome again =
            runAtelier({u"info"_s, u"--verify"_s, u"--repair"_s, u"--workspace"_s, ws});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY2(again.out.contains(u"Removed 1 object file"_s), qPrintable(again.out));
        QVERIFY(!QFileInfo::exists(freshPath));
        const Outcome after = runAtelier({u"info"_s, u"--verify"_s, u"--workspace"_s, ws});
        QVERIFY2(after.exitCode == 0, qPrintable(after.err));

        const Outcome alone = runAtelier({u"info"_s, u"--repair"_s, u"--workspace"_s, ws});
        QCOMPARE(alone.exitCode, 2);
    }

    // --- 11. the command line speaks the environment's language -------------------------
    void commandLineFollowsEnvironmentLocale_data()
    {
        QTest::addColumn<QStringList>("variables");
        QTest::addColumn<bool>("chinese");
        QTest::newRow("LANG en") << QStringList{u"LANG=en_US.UTF-8"_s} << false;
        QTest::newRow("LANG C") << QStringList{u"LANG=C"_s} << false;
        QTest::newRow("none") << QStringList{} << false;
        QTest::newRow("LANG zh") << QStringList{u"LANG=zh_CN.UTF-8"_s} << true;
        QTest::newRow("LC_MESSAGES over LANG")
            << QStringList{u"LANG=en_US.UTF-8"_s, u"LC_MESSAGES=zh_CN.UTF-8"_s} << true;
        QTest::newRow("LC_MESSAGES C over LANG zh")
            << QStringList{u"LANG=zh_CN.UTF-8"_s, u"LC_MESSAGES=C"_s} << false;
        QTest::newRow("LC_ALL over both")
            << QStringList{u"LANG=zh_CN.UTF-8"_s, u"LC_MESSAGES=zh_CN.UTF-8"_s,
                           u"LC_ALL=en_US.UTF-8"_s}
            << false;
        QTest::newRow("LC_ALL zh")
            << QStringList{u"LANG=en_US.UTF-8"_s, u"LC_ALL=zh_CN.UTF-8"_s} << true;
    }

    void commandLineFollowsEnvironmentLocale()
    {
        QFETCH(QStringList, variables);
        QFETCH(bool, chinese);
        // The GUI's language was set to Chinese in this account's settings (the test's private
        // XDG_CONFIG_HOME, which the child inherits).
        {
            QSettings settings(u"Atelier"_s, u"atelier"_s);
            settings.setValue(u"language"_s, u"zh_CN"_s);
            settings.sync();
            QCOMPARE(settings.status(), QSettings::NoError);
        }
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"})
            env.remove(QString::fromLatin1(name));
        for (const QString &assignment : std::as_const(variables))
            env.insert(assignment.section(u'=', 0, 0), assignment.section(u'=', 1));
        const QString notWorkspace = m_dir.filePath(u"not-a-workspace"_s);
        QVERIFY(QDir().mkpath(notWorkspace));
        const Outcome refused = runAtelier({u"info"_s, u"--workspace"_s, notWorkspace}, env);
        QCOMPARE(refused.exitCode, 1);
        const bool saidInChinese = refused.err.contains(u"工作空间"_s);
        const bool saidInEnglish = refused.err.contains(u"is not an Atelier workspace"_s);
        QVERIFY2(saidInChinese == chinese && saidInEnglish == !chinese, qPrintable(refused.err));
    }

    void englishPluralsWithoutACatalogue()
    {
        // LANG=C has no catalogue of its own: English, with English plural forms.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"})
            env.remove(QString::fromLatin1(name));
        env.insert(u"LANG"_s, u"C"_s);
        const QString ws = newWorkspace();
        const Outcome imported = runAtelier(
            {u"dataset"_s, u"import"_s,
             QStringLiteral(ATELIER_SOURCE_DIR "/tests/data/datasets/images/coco-lossless"),
             u"--name"_s, u"c"_s, u"--format"_s, u"coco"_s, u"--workspace"_s, ws},
            env);
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(imported.out.contains(u"block is not kept (1 item)"_s), qPrintable(imported.out));
        QVERIFY2(!imported.out.contains(u"(s)"_s), qPrintable(imported.out));
    }

    // --- 8. pipeline names whose file names collide --------------------------------------
    void pipelineNameCollisionRefused()
    {
        const QString ws = newWorkspace();
        const QString first = m_dir.filePath(u"xslashy.json"_s);
        const QString second = m_dir.filePath(u"xspacey.json"_s);
        QVERIFY(writeAll(first, pipelineJson(u"x/y"_s)));
        QVERIFY(writeAll(second, pipelineJson(u"x y"_s)));
        const Outcome saved = runAtelier({u"pipeline"_s, u"save"_s, first, u"--workspace"_s, ws});
        QVERIFY2(saved.exitCode == 0, qPrintable(saved.err));

        const Outcome clash = runAtelier({u"pipeline"_s, u"save"_s, second, u"--workspace"_s, ws});
        QCOMPARE(clash.exitCode, 1);
        QVERIFY2(clash.err.contains(u"\"x/y\""_s) && clash.err.contains(u"x-y.json"_s),
                 qPrintable(clash.err));
        const Outcome history =
            runAtelier({u"pipeline"_s, u"history"_s, u"x-y"_s, u"--json"_s, u"--workspace"_s, ws});
        QCOMPARE(history.exitCode, 0);
        QCOMPARE(history.json().value(u"versions"_s).toArray().size(), 1); // not one of "x/y"
        const Outcome located =
            runAtelier({u"pipeline"_s, u"validate"_s, u"x-y"_s, u"--json"_s, u"--workspace"_s, ws});
        QVERIFY2(located.exitCode == 0, qPrintable(located.err));

        // The same pipeline saved again is a new version, as before.
        QVERIFY(writeAll(first, pipelineJson(u"x/y"_s, u"shell@1.0"_s, u"echo edited"_s)));
        const Outcome again = runAtelier({u"pipeline"_s, u"save"_s, first, u"--workspace"_s, ws});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    }

    // --- 9. no secret in a pool's address ------------------------------------------------
    void poolUrlPathRefused()
    {
        const QString ws = newWorkspace();
        const QString token = m_dir.filePath(u"slurm.token"_s);
        QVERIFY(writeAll(token, "header.payload.signature\n"));
        QVERIFY(QFile::setPermissions(token, QFile::ReadOwner | QFile::WriteOwner));
        const QString staging = m_dir.filePath(u"staging"_s);
        QVERIFY(QDir().mkpath(staging));
        const QString secret = u"s3cr3t-eyJhbGciOiJIUzI1NiJ9"_s;
        auto add = [&](const QString &name, const QString &url) {
            return runAtelier({u"pool"_s, u"add-slurm"_s, name, u"--url"_s, url, u"--token-file"_s,
                               token, u"--staging"_s, staging, u"--user"_s, u"alice"_s,
                               u"--no-check"_s, u"--workspace"_s, ws});
        };
        const Outcome refused = add(u"leaky"_s, u"http://127.0.0.1:6820/"_s + secret);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(u"--token-file"_s), qPrintable(refused.err));
        QVERIFY2(!refused.err.contains(secret), qPrintable(refused.err));
        QVERIFY(!readAll(ws + u"/atelier.db"_s).contains(secret.toUtf8()));

        // Root paths are the API base itself and stay accepted.
        for (const QString &url : {u"http://127.0.0.1:6820"_s, u"http://localhost:6820/"_s}) {
            const Outcome ok = add(u"p%1"_s.arg(url.size()), url);
            QVERIFY2(ok.exitCode == 0, qPrintable(url + u": "_s + ok.err));
        }

        // A pool stored before the refusal never shows its path.
        {
            auto workspace = Workspace::open(ws);
            QVERIFY(workspace.ok());
            Query q = workspace->catalog().query(
                "UPDATE pools SET config = json_set(config, '$.slurm.url', ?1) WHERE name = ?2;");
            q.bind(1, u"http://127.0.0.1:6820/"_s + secret).bind(2, u"p21"_s);
            QVERIFY(q.exec().ok());
        }
        const Outcome list = runAtelier({u"pool"_s, u"list"_s, u"--json"_s, u"--workspace"_s, ws});
        QCOMPARE(list.exitCode, 0);
        QVERIFY2(!list.out.contains(secret), qPrintable(list.out));
        QVERIFY2(list.out.contains(u"http://127.0.0.1:6820/…"_s), qPrintable(list.out));
        const Outcome human = runAtelier({u"pool"_s, u"list"_s, u"--workspace"_s, ws});
        QVERIFY2(!human.out.contains(secret), qPrintable(human.out));
    }

    // --- 7. templates linked from outside the workspace ----------------------------------
    void outsideTemplatesRefused_data()
    {
        QTest::addColumn<bool>("wholeFolder");
        QTest::newRow("repo/templates is a link") << true;
        QTest::newRow("one template folder is a link") << false;
    }

    void outsideTemplatesRefused()
    {
        QFETCH(bool, wholeFolder);
        const QString ws = newWorkspace();
        const QString outside = m_dir.filePath(u"outside%1"_s.arg(m_next));
        const QString marker = outside + u"/ran"_s;
        QVERIFY(writeAll(
            outside + u"/evil/template.json"_s,
            QJsonDocument(shellTemplate(u"evil"_s, u"touch '"_s + marker + u"'"_s)).toJson()));
        const QString templates = ws + u"/repo/templates"_s;
        if (wholeFolder) {
            QVERIFY(QFile::link(outside, templates));
        } else {
            QVERIFY(QDir().mkpath(templates));
            QVERIFY(QFile::link(outside + u"/evil"_s, templates + u"/evil"_s));
        }
        // A template really inside the workspace still works.
        const QString goodMarker = ws + u"/good-ran"_s;
        if (!wholeFolder)
            QVERIFY(
                writeAll(templates + u"/good/template.json"_s,
                         QJsonDocument(shellTemplate(u"good"_s, u"touch '"_s + goodMarker + u"'"_s))
                             .toJson()));

        const QString pipeline = m_dir.filePath(u"evil%1.json"_s.arg(m_next));
        QVERIFY(writeAll(pipeline, pipelineJson(u"Evil"_s, u"evil@1.0"_s)));
        const Outcome ran = runAtelier({u"pipeline"_s, u"run"_s, pipeline, u"--workspace"_s, ws});
        QVERIFY2(ran.exitCode != 0, qPrintable(ran.out + ran.err));
        QVERIFY(!QFileInfo::exists(marker));
        QVERIFY2(ran.err.contains(QDir::toNativeSeparators(outside)), qPrintable(ran.err));
        QVERIFY2(ran.err.contains(u"outside the workspace"_s), qPrintable(ran.err));
        const Outcome validated =
            runAtelier({u"pipeline"_s, u"validate"_s, pipeline, u"--workspace"_s, ws});
        QCOMPARE(validated.exitCode, 1);
        QVERIFY2(validated.err.contains(QDir::toNativeSeparators(outside)),
                 qPrintable(validated.err));

        if (!wholeFolder) {
            const QString good = m_dir.filePath(u"good%1.json"_s.arg(m_next));
            QVERIFY(writeAll(good, pipelineJson(u"Good"_s, u"good@1.0"_s)));
            const Outcome fine = runAtelier({u"pipeline"_s, u"run"_s, good, u"--workspace"_s, ws});
            QVERIFY2(fine.exitCode == 0, qPrintable(fine.out + fine.err));
            QVERIFY(QFileInfo::exists(goodMarker));
        }
    }

    // --- 6. image decompression bombs ----------------------------------------------------
    void imageBombRefused()
    {
        const QString images = m_dir.filePath(u"bombs"_s);
        const QByteArray bomb = pngBomb(60000, 60000);
        QVERIFY(bomb.size() < 200);
        QVERIFY(writeAll(images + u"/c/bomb.png"_s, bomb));
        QVERIFY(writeAll(images + u"/c/fine.png"_s, pngOf(Qt::gray)));
        // Qt reads the declared size from the header without decoding.
        QCOMPARE(QImageReader(images + u"/c/bomb.png"_s).size(), QSize(60000, 60000));

        const QString ws = newWorkspace();
        auto import = [&](const QString &name, const QStringList &extra) {
            return runAtelier(QStringList{u"dataset"_s, u"import"_s, images, u"--name"_s, name,
                                          u"--format"_s, u"folder"_s, u"--task"_s,
                                          u"classification"_s, u"--json"_s, u"--workspace"_s, ws} +
                              extra);
        };
        const Outcome refused = import(u"guarded"_s, {});
        QVERIFY2(refused.exitCode == 0, qPrintable(refused.err));
        QCOMPARE(refused.json().value(u"imported"_s).toInt(), 1);
        const QString report = refused.out;
        QVERIFY2(report.contains(u"bomb.png"_s) && report.contains(u"60000×60000"_s) &&
                     report.contains(u"--max-image-pixels"_s),
                 qPrintable(report));

        // Genuine huge images pass with a higher limit; a limit below the small one refuses it.
        const Outcome raised = import(u"raised"_s, {u"--max-image-pixels"_s, u"3600000000"_s});
        QVERIFY2(raised.exitCode == 0, qPrintable(raised.err));
        QCOMPARE(raised.json().value(u"imported"_s).toInt(), 2);
        const Outcome tight = import(u"tight"_s, {u"--max-image-pixels"_s, u"100"_s});
        QCOMPARE(tight.exitCode, 1); // nothing usable
        const Outcome bad = import(u"bad"_s, {u"--max-image-pixels"_s, u"many"_s});
        QCOMPARE(bad.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestFaultsCli)
#include "tst_faultscli.moc"
