// Runs the real `atelier` executable the way a script would and checks exit codes, output and
// that refused input leaves the disk exactly as it was (DESIGN.md, "Command line").
#include "catalog/database.h"
#include "catalog/migrations.h"
#include "core/workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <unistd.h>

using namespace atelier;
using namespace Qt::StringLiterals;

namespace {

constexpr int kProcessTimeoutMs = 120000;
constexpr qint64 kDemoTimeLimitMs = 10000;
const QString kSetpriv = u"/usr/bin/setpriv"_s;

/// What one run of `atelier` did.
struct Outcome
{
    bool finished = false;
    int exitCode = -1;
    QString out;
    QString err;
    qint64 elapsedMs = 0;

    QStringList errLines() const { return err.split(u'\n', Qt::SkipEmptyParts); }
};

/// Every entry under \a root (folders too), relative to it, with a hash of each file's content
/// and its size: two equal snapshots mean nothing was added, removed or rewritten.
QMap<QString, QByteArray> snapshot(const QString &root)
{
    QMap<QString, QByteArray> entries;
    QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info(path);
        const QString relative = QDir(root).relativeFilePath(path);
        if (info.isDir() && !info.isSymLink()) {
            entries.insert(relative, "dir");
            continue;
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            entries.insert(relative, "unreadable");
            continue;
        }
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(&file);
        entries.insert(relative, hash.result().toHex() + ' ' + QByteArray::number(info.size()));
    }
    return entries;
}

/// A readable list of the differences between two snapshots, for failure messages.
QString describeChanges(const QMap<QString, QByteArray> &before,
                        const QMap<QString, QByteArray> &after)
{
    QStringList changes;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!after.contains(it.key()))
            changes.append(u"removed "_s + it.key());
        else if (after.value(it.key()) != it.value())
            changes.append(u"changed "_s + it.key());
    }
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (!before.contains(it.key()))
            changes.append(u"added "_s + it.key());
    }
    return changes.join(u"; "_s);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(bytes) == bytes.size();
}

int countFiles(const QString &root, const QString &suffix)
{
    int count = 0;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        if (it.next().endsWith(suffix))
            ++count;
    }
    return count;
}

QJsonObject parseObject(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return {};
    return document.object();
}

bool runningAsRoot()
{
    return ::geteuid() == 0;
}

/// Lets user nobody reach \a path: every folder from it up to the root gets o+rx.
bool makeReachable(const QString &path)
{
    QDir dir(path);
    for (;;) {
        const QFileInfo info(dir.absolutePath());
        if (!info.permission(QFileDevice::ExeOther) || !info.permission(QFileDevice::ReadOther)) {
            if (!QFile::setPermissions(dir.absolutePath(),
                                       info.permissions() | QFileDevice::ExeOther |
                                           QFileDevice::ReadOther | QFileDevice::ExeGroup |
                                           QFileDevice::ReadGroup))
                return false;
        }
        if (dir.isRoot() || !dir.cdUp())
            return true;
    }
}

} // namespace

/// checkRefusedUnchanged(), stopping the test function when it failed.
#define CHECK_REFUSED(...)                                                                         \
    do {                                                                                           \
        checkRefusedUnchanged(__VA_ARGS__);                                                        \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

class TestCommandLine : public QObject
{
    Q_OBJECT

private:
    /// Runs `atelier args` with a clean environment; as user nobody when \a asNobody.
    Outcome run(const QStringList &args, const QString &workingDirectory = {},
                bool asNobody = false);
    /// A fresh temporary folder under /tmp that user nobody can reach.
    std::unique_ptr<QTemporaryDir> newTempDir();
    /// Runs `atelier init DIR` and checks that it worked.
    bool initWorkspace(const QString &dir, bool demo = false);
    /// Checks a refusal: exit 1, one line on stderr starting "atelier: ", nothing on disk moved.
    void checkRefusedUnchanged(const Outcome &outcome, const QString &root,
                               const QMap<QString, QByteArray> &before,
                               const QString &expectedFragment);

    std::unique_ptr<QTemporaryDir> m_home;

private Q_SLOTS:
    void initTestCase();

    void version();
    void help();
    void usageErrors_data();
    void usageErrors();

    void initAndInfo();
    void infoInWorkingDirectory();
    void initDemo();

    void initRefusesNonEmptyFolder();
    void initRefusesExistingWorkspace();
    void infoRefusesNonWorkspace();
    void infoRefusesGarbageCatalog();
    void infoRefusesForeignDatabase();
    void infoRefusesNewerSchema();
    void infoRefusesReadOnlyWorkspace();
    void initRefusesReadOnlyParent();

    void verifyFindsDamagedObjects();

    void screenshot();
    void screenshotIntoMissingFolder();
};

std::unique_ptr<QTemporaryDir> TestCommandLine::newTempDir()
{
    auto dir = std::make_unique<QTemporaryDir>(u"/tmp/tst_commandline-XXXXXX"_s);
    if (!dir->isValid())
        return dir;
    // QTemporaryDir makes 0700 folders; nobody must be able to look inside (not write).
    QFile::setPermissions(dir->path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                           QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                           QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                           QFileDevice::ExeOther);
    return dir;
}

void TestCommandLine::initTestCase()
{
    QVERIFY2(QFileInfo(QStringLiteral(ATELIER_BINARY)).isExecutable(), ATELIER_BINARY);
    m_home = newTempDir();
    QVERIFY(m_home->isValid());
    // Settings folders every user may write, so runs as nobody find them usable too.
    for (const QString &sub : {u"config"_s, u"data"_s, u"cache"_s}) {
        const QString path = m_home->filePath(sub);
        QVERIFY(QDir().mkpath(path));
        QVERIFY(QFile::setPermissions(path, QFileDevice::Permissions::fromInt(0x7777)));
    }
    const QString runtime = m_home->filePath(u"runtime"_s);
    QVERIFY(QDir().mkpath(runtime));
    QVERIFY(QFile::setPermissions(runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                               QFileDevice::ExeOwner));
}

Outcome TestCommandLine::run(const QStringList &args, const QString &workingDirectory,
                             bool asNobody)
{
    QProcessEnvironment env;
    env.insert(u"PATH"_s, u"/usr/local/bin:/usr/bin:/bin"_s);
    env.insert(u"HOME"_s, m_home->path());
    env.insert(u"LANG"_s, u"C.UTF-8"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, m_home->filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, m_home->filePath(u"data"_s));
    env.insert(u"XDG_CACHE_HOME"_s, m_home->filePath(u"cache"_s));
    if (!asNobody) // the runtime folder must belong to the user running
        env.insert(u"XDG_RUNTIME_DIR"_s, m_home->filePath(u"runtime"_s));
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);

    QProcess process;
    process.setProcessEnvironment(env);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    else
        process.setWorkingDirectory(m_home->path());
    QString program = QStringLiteral(ATELIER_BINARY);
    QStringList arguments = args;
    if (asNobody) {
        arguments.prepend(program);
        arguments =
            QStringList{u"--reuid=65534"_s, u"--regid=65534"_s, u"--clear-groups"_s} + arguments;
        program = kSetpriv;
    }
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    Outcome outcome;
    if (!process.waitForStarted(kProcessTimeoutMs))
        return outcome;
    outcome.finished =
        process.waitForFinished(kProcessTimeoutMs) && process.exitStatus() == QProcess::NormalExit;
    if (!outcome.finished)
        process.kill();
    outcome.elapsedMs = timer.elapsed();
    outcome.exitCode = process.exitCode();
    outcome.out = QString::fromUtf8(process.readAllStandardOutput());
    outcome.err = QString::fromUtf8(process.readAllStandardError());
    return outcome;
}

bool TestCommandLine::initWorkspace(const QString &dir, bool demo)
{
    QStringList args{u"init"_s, dir};
    if (demo)
        args.append(u"--demo"_s);
    const Outcome outcome = run(args);
    if (!outcome.finished || outcome.exitCode != 0) {
        qWarning("init failed (%d): %s", outcome.exitCode, qUtf8Printable(outcome.err));
        return false;
    }
    return Workspace::looksLikeWorkspace(dir);
}

void TestCommandLine::checkRefusedUnchanged(const Outcome &outcome, const QString &root,
                                            const QMap<QString, QByteArray> &before,
                                            const QString &expectedFragment)
{
    QVERIFY(outcome.finished);
    QVERIFY2(outcome.exitCode == 1,
             qPrintable(u"exit code %1, stderr: %2"_s.arg(outcome.exitCode).arg(outcome.err)));
    QVERIFY2(outcome.err.endsWith(u'\n'), qPrintable(outcome.err));
    QVERIFY2(outcome.err.count(u'\n') == 1,
             qPrintable(u"expected one line on stderr, got: "_s + outcome.err));
    QVERIFY2(outcome.err.startsWith(u"atelier: "_s), qPrintable(outcome.err));
    if (!expectedFragment.isEmpty())
        QVERIFY2(outcome.err.contains(expectedFragment, Qt::CaseInsensitive),
                 qPrintable(outcome.err));
    QCOMPARE(outcome.out, QString());
    const auto after = snapshot(root);
    QVERIFY2(after == before, qPrintable(u"disk changed: "_s + describeChanges(before, after)));
}

void TestCommandLine::version()
{
    const Outcome outcome = run({u"--version"_s});
    QVERIFY(outcome.finished);
    QCOMPARE(outcome.exitCode, 0);
    QVERIFY2(outcome.out.startsWith(u"atelier 0.1.0"_s), qPrintable(outcome.out));
    QCOMPARE(outcome.out.count(u'\n'), 1);
    QCOMPARE(outcome.err, QString());
}

void TestCommandLine::help()
{
    const Outcome outcome = run({u"--help"_s});
    QVERIFY(outcome.finished);
    QCOMPARE(outcome.exitCode, 0);
    QVERIFY2(outcome.out.contains(u"atelier init"_s), qPrintable(outcome.out));
    QVERIFY2(outcome.out.contains(u"atelier info"_s), qPrintable(outcome.out));
    QVERIFY2(outcome.out.contains(u"--screenshot"_s), qPrintable(outcome.out));
    QCOMPARE(outcome.err, QString());
}

void TestCommandLine::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("fragment"); // what stderr must mention

    QTest::newRow("unknown command") << QStringList{u"frobnicate"_s} << u"frobnicate"_s;
    QTest::newRow("unknown option on info") << QStringList{u"info"_s, u"--bogus"_s} << u"bogus"_s;
    QTest::newRow("unknown option on init")
        << QStringList{u"init"_s, u"ws"_s, u"--bogus"_s} << u"bogus"_s;
    QTest::newRow("init without folder") << QStringList{u"init"_s} << u"init"_s;
    QTest::newRow("init with two folders")
        << QStringList{u"init"_s, u"one"_s, u"two"_s} << u"two"_s;
    QTest::newRow("info with an argument") << QStringList{u"info"_s, u"extra"_s} << u"extra"_s;
    QTest::newRow("--workspace without value")
        << QStringList{u"info"_s, u"--workspace"_s} << u"workspace"_s;
    QTest::newRow("unknown view") << QStringList{u"--view"_s, u"nosuch"_s, u"--screenshot"_s,
                                                 u"x.png"_s}
                                  << u"nosuch"_s;
    QTest::newRow("view without workspace")
        << QStringList{u"--view"_s, u"pools"_s, u"--screenshot"_s, u"x.png"_s} << u"workspace"_s;
}

void TestCommandLine::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, fragment);

    const auto cwd = newTempDir();
    QVERIFY(cwd->isValid());
    const Outcome outcome = run(args, cwd->path());
    QVERIFY(outcome.finished);
    QVERIFY2(outcome.exitCode == 2,
             qPrintable(u"exit code %1, stderr: %2"_s.arg(outcome.exitCode).arg(outcome.err)));
    QVERIFY2(outcome.err.startsWith(u"atelier: "_s), qPrintable(outcome.err));
    QVERIFY2(outcome.errLines().constFirst().contains(fragment), qPrintable(outcome.err));
    QCOMPARE(outcome.out, QString());
    // A usage error makes nothing: no workspace, no screenshot.
    QCOMPARE(snapshot(cwd->path()), (QMap<QString, QByteArray>{}));
}

void TestCommandLine::initAndInfo()
{
    const auto temp = newTempDir();
    QVERIFY(temp->isValid());
    const QString dir = temp->filePath(u"ws"_s);

    const Outcome init = run({u"init"_s, dir});
    QVERIFY(init.finished);
    QVERIFY2(init.exitCode == 0, qPrintable(init.err));
    QCOMPARE(init.err, QString());
    QVERIFY2(init.out.contains(dir), qPrintable(init.out));

    QVERIFY(QFileInfo(dir + u"/atelier.db"_s).isFile());
    QVERIFY(QFileInfo(dir + u"/objects"_s).isDir());
    QVERIFY(QFileInfo(dir + u"/repo/.git"_s).isDir());
    QVERIFY(QFileInfo(dir + u"/runs"_s).isDir());
    QVERIFY(!QFileInfo(dir + u"/demo"_s).exists());

    const Outcome info = run({u"info"_s, u"--workspace"_s, dir, u"--json"_s});
    QVERIFY(info.finished);
    QVERIFY2(info.exitCode == 0, qPrintable(info.err));
    QCOMPARE(info.err, QString());
    const QJsonObject json = parseObject(info.out);
    QVERIFY2(!json.isEmpty(), qPrintable(info.out));
    QCOMPARE(json.value(u"program_schema_version"_s).toInt(-1), Migrations::latestVersion());
    QCOMPARE(json.value(u"schema_version"_s).toInt(-1), Migrations::latestVersion());
    QCOMPARE(json.value(u"workspace"_s).toString(), dir);
    QCOMPARE(json.value(u"name"_s).toString(), u"ws"_s);
    const QJsonObject counts = json.value(u"counts"_s).toObject();
    QCOMPARE(counts.value(u"pools"_s).toInt(-1), 1);
    QCOMPARE(counts.value(u"commits"_s).toInt(-1), 1);
    QCOMPARE(counts.value(u"objects"_s).toInt(-1), 0);
    QCOMPARE(counts.value(u"run_folders"_s).toInt(-1), 0);
    QVERIFY2(!counts.contains(u"workspace_meta"_s), qPrintable(info.out));
    const QJsonObject paths = json.value(u"paths"_s).toObject();
    QCOMPARE(paths.value(u"catalog"_s).toString(), dir + u"/atelier.db"_s);
    QCOMPARE(paths.value(u"repo"_s).toString(), dir + u"/repo"_s);
}

void TestCommandLine::infoInWorkingDirectory()
{
    const auto temp = newTempDir();
    QVERIFY(temp->isValid());
    const QString dir = temp->filePath(u"ws"_s);
    QVERIFY(initWorkspace(dir));

    const Outcome table = run({u"info"_s}, dir);
    QVERIFY(table.finished);
    QVERIFY2(table.exitCode == 0, qPrintable(table.err));
    QVERIFY2(table.out.contains(dir), qPrintable(table.out));
    QVERIFY2(table.out.contains(u"pools"_s), qPrintable(table.out));

    const Outcome json = run({u"info"_s, u"--json"_s}, dir);
    QVERIFY(json.finished);
    QVERIFY2(json.exitCode == 0, qPrintable(json.err));
    const QJsonObject object = parseObject(json.out);
    QCOMPARE(object.value(u"workspace"_s).toString(), dir);
    QCOMPARE(object.value(u"counts"_s).toObject().value(u"pools"_s).toInt(-1), 1);
}

void TestCommandLine::initDemo()
{
    const auto temp = newTempDir();
    QVERIFY(temp->isValid());
    QMap<QString, QByteArray> demoFiles[2];
    for (int i = 0; i < 2; ++i) {
        const QString dir = temp->filePath(u"ws%1"_s.arg(i));
        const Outcome init = run({u"init"_s, dir, u"--demo"_s, u"--json"_s});
        QVERIFY(init.finished);
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        QCOMPARE(init.err, QString());
        QVERIFY2(init.elapsedMs < kDemoTimeLimitMs,
                 qPrintable(u"init --demo took %1 ms"_s.arg(init.elapsedMs)));

        const QJsonObject json = parseObject(init.out);
        QVERIFY2(!json.isEmpty(), qPrintable(init.out));
        QCOMPARE(json.value(u"workspace"_s).toString(), dir);
        QCOMPARE(json.value(u"schema_version"_s).toInt(-1), Migrations::latestVersion());
        const QJsonObject demo = json.value(u"demo"_s).toObject();
        const QString demoDir = dir + u"/demo"_s;
        QCOMPARE(demo.value(u"path"_s).toString(), demoDir);

        const int classification = countFiles(demoDir + u"/images/classification"_s, u".png"_s);
        const int detection = countFiles(demoDir + u"/images/detection"_s, u".png"_s);
        QVERIFY(classification > 0);
        QVERIFY(detection > 0);
        QCOMPARE(demo.value(u"classification_images"_s).toInt(-1), classification);
        QCOMPARE(demo.value(u"detection_images"_s).toInt(-1), detection);

        const QJsonObject instances =
            QJsonDocument::fromJson(readAll(demoDir + u"/images/detection/instances.json"_s))
                .object();
        const int boxes = int(instances.value(u"annotations"_s).toArray().size());
        QVERIFY(boxes > 0);
        QCOMPARE(demo.value(u"boxes"_s).toInt(-1), boxes);

        const QList<QByteArray> lines =
            readAll(demoDir + u"/text/sentences.jsonl"_s).trimmed().split('\n');
        int spans = 0;
        for (const QByteArray &line : lines)
            spans += int(QJsonDocument::fromJson(line).object().value(u"spans"_s).toArray().size());
        QVERIFY(lines.size() > 1);
        QVERIFY(spans > 0);
        QCOMPARE(demo.value(u"sentences"_s).toInt(-1), int(lines.size()));
        QCOMPARE(demo.value(u"spans"_s).toInt(-1), spans);

        demoFiles[i] = snapshot(demoDir);
    }
    QVERIFY(demoFiles[0].size() > 3);
    QVERIFY2(demoFiles[0] == demoFiles[1],
             qPrintable(u"demo differs: "_s + describeChanges(demoFiles[0], demoFiles[1])));
}

void TestCommandLine::initRefusesNonEmptyFolder()
{
    const auto temp = newTempDir();
    QVERIFY(temp->isValid());
    const QString dir = temp->filePath(u"mine"_s);
    QVERIFY(QDir().mkpath(dir + u"/notes"_s));
    QVERIFY(writeAll(dir + u"/thesis.txt"_s, "chapter one\n"));
    QVERIFY(writeAll(dir + u"/notes/.hidden"_s, "secret"));
    const auto before = snapshot(temp->path());

    const Outcome outcome = run({u"init"_s, dir});
    CHECK_REFUSED(outcome, temp->path(), before, u"not empty"_s);
    QCOMPARE(readAll(dir + u"/thesis.txt"_s), QByteArray("chapter one\n"));

    // A folder whose only entry is hidden is not empty either.
    const QString hiddenOnly = temp->filePath(u"hidden-only"_s);
    QVERIFY(QDir().mkpath(hiddenOnly));
    QVERIFY(writeAll(hiddenOnly + u"/.keep"_s, "x"));
    const auto beforeHidden = snapshot(temp->path());
    CHECK_REFUSED(run({u"init"_s, hiddenOnly}), temp->path(), beforeHidden, u"not empty"_s);
}

void TestCommandLine::initRefusesExistingWorkspace()
{
    const auto temp = newTempDir();
    QVERIFY(temp->isValid());
    const QString dir = temp->filePath(u"ws"_s);
    QVERIFY(initWorkspace(dir));
    const auto before = snapshot(temp->path());

    CHECK_REFUSED(run({u"init"_s, dir}), temp->path(), before, u"already"_s);
    CHECK_REFUSED(run({u"init"_s, dir, u"--demo"_s}), temp->path(), before, u"already"_s);
}

void TestCommandLine::infoRefusesNonWorkspace()
{
    const auto temp = newTempDir();
    QVERIFY(temp->isValid());
    const QString dir = temp->filePath(u"plain"_s);
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(writeAll(dir + u"/readme.md"_s, "# hello\n"));
    const auto before = snapshot(temp->path());

    CHECK_REFUSED(run({u"info"_s, u"--workspace"_s, dir}), temp->path(), before,
                  u"not an Atelier workspace"_s);
    CHECK_REFUSED(run({u"info"_s}, dir), temp->path(), before, u"not an Atelier workspace"_s);
    // A folder that does not exist is refused and not created.
    CHECK_REFUSED(run({u"info"_s, u"--workspace"_s, temp->filePath(u"nosuch"_s)}), temp->path(),
                  before, u"does not exist"_s);
}

void TestCommandLine::infoRefusesGarbageCatalog()
{
    const auto temp = newTempDir();
    QVERIFY(temp->isValid());
    const QString dir = temp->filePath(u"ws"_s);
    QVERIFY(initWorkspace(dir));
    QByteArray garbage;
    for (int i = 0; i < 4096; ++i)
        garbage.append(char((i * 37 + 11) & 0xff));
    QVERIFY(writeAll(dir + u"/atelier.db"_s, garbage));
    QFile::remove(dir + u"/atelier.db-wal"_s);
    QFile::remove(dir + u"/atelier.db-shm"_s);
    const auto before = snapshot(temp->path());

    CHECK_REFUSED(run({u"info"_s, u"--workspace"_s, dir}), temp->path(), before, u"atelier.db"_s);
    QCOMPARE(readAll(dir + u"/atelier.db"_s), garbage);
    QVERIFY(!QFile::exists(dir + u"/atelier.db-wal"_s));
    QVERIFY(!QFile::exists(dir + u"/atelier.db-shm"_s));
}

void TestCommandLine::infoRefusesForeignDatabase()
{
    const auto temp = newTempDir();
    QVERIFY(temp->isValid());
    const QString dir = temp->filePath(u"ws"_s);
    QVERIFY(initWorkspace(dir));
    const QString catalog = dir + u"/atelier.db"_s;
    QVERIFY(QFile::remove(catalog));
    {
        // Some other application's database, in SQLite's default (rollback journal) mode.
        auto db = Database::open(catalog, Database::Mode::ReadWriteCreate);
        QVERIFY(db);
        QVERIFY(db.value()->execScript("PRAGMA journal_mode = DELETE;"));
        QVERIFY(db.value()->execScript(
            "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);"
            "INSERT INTO notes (body) VALUES ('keep me');"));
        QCOMPARE(db.value()->userVersion(), 0);
    }
    QVERIFY(!QFile::exists(catalog + u"-wal"_s));
    const QByteArray original = readAll(catalog);
    QVERIFY(original.startsWith("SQLite format 3"));
    const auto before = snapshot(temp->path());

    CHECK_REFUSED(run({u"info"_s, u"--workspace"_s, dir}), temp->path(), before,
                  u"not an Atelier catalog"_s);
    QCOMPARE(readAll(catalog), original);
}

void TestCommandLine::infoRefusesNewerSchema()
{
    const auto temp = newTempDir();
    QVERIFY(temp->isValid());
    const QString dir = temp->filePath(u"ws"_s);
    QVERIFY(initWorkspace(dir));
    const QString catalog = dir + u"/atelier.db"_s;
    {
        auto db = Database::open(catalog, Database::Mode::ReadWrite);
        QVERIFY(db);
        QVERIFY(db.value()->setUserVersion(99));
    }
    QFile::remove(catalog + u"-wal"_s);
    QFile::remove(catalog + u"-shm"_s);
    const QByteArray original = readAll(catalog);
    const auto before = snapshot(temp->path());

    const Outcome outcome = run({u"info"_s, u"--workspace"_s, dir, u"--json"_s});
    CHECK_REFUSED(outcome, temp->path(), before, u"newer"_s);
    QVERIFY2(outcome.err.contains(u"99"_s), qPrintable(outcome.err));
    QCOMPARE(readAll(catalog), original);
}

void TestCommandLine::infoRefusesReadOnlyWorkspace()
{
    const bool root = runningAsRoot();
    if (root && !QFileInfo(kSetpriv).isExecutable())
        QSKIP("running as root without setpriv: cannot run atelier as an unprivileged user");
    if (root)
        QVERIFY(makeReachable(QFileInfo(QStringLiteral(ATELIER_BINARY)).absolutePath()));

    const auto temp = newTempDir();
    QVERIFY(temp->isValid());
    const QString dir = temp->filePath(u"ws"_s);
    QVERIFY(initWorkspace(dir));
    // As root the workspace belongs to root, so it is read-only for nobody; otherwise chmod it.
    const auto permissions = QFileInfo(dir).permissions();
    if (!root)
        QVERIFY(QFile::setPermissions(dir, QFileDevice::Permissions::fromInt(0x5555)));
    QVERIFY(makeReachable(dir));
    const auto before = snapshot(temp->path());

    const Outcome outcome = run({u"info"_s, u"--workspace"_s, dir}, {}, root);
    if (!root)
        QFile::setPermissions(dir, permissions);
    CHECK_REFUSED(outcome, temp->path(), before, u"read-only"_s);
}

void TestCommandLine::initRefusesReadOnlyParent()
{
    const bool root = runningAsRoot();
    if (root && !QFileInfo(kSetpriv).isExecutable())
        QSKIP("running as root without setpriv: cannot run atelier as an unprivileged user");
    if (root)
        QVERIFY(makeReachable(QFileInfo(QStringLiteral(ATELIER_BINARY)).absolutePath()));

    const auto temp = newTempDir();
    QVERIFY(temp->isValid());
    const QString parent = temp->filePath(u"locked"_s);
    QVERIFY(QDir().mkpath(parent));
    const auto permissions = QFileInfo(parent).permissions();
    QVERIFY(QFile::setPermissions(parent, QFileDevice::Permissions::fromInt(0x5555)));
    const auto before = snapshot(temp->path());

    const QString dir = parent + u"/ws"_s;
    const Outcome outcome = run({u"init"_s, dir}, {}, root);
    QFile::setPermissions(parent, permissions);
    CHECK_REFUSED(outcome, temp->path(), before, dir);
    QVERIFY(!QFileInfo::exists(dir));
}

void TestCommandLine::verifyFindsDamagedObjects()
{
    const auto temp = newTempDir();
    QVERIFY(temp->isValid());
    const QString dir = temp->filePath(u"ws"_s);
    QVERIFY(initWorkspace(dir));

    // Sources outside the workspace; copies so damaging an object cannot touch them.
    const QString sources = temp->filePath(u"sources"_s);
    QVERIFY(QDir().mkpath(sources));
    QVERIFY(writeAll(sources + u"/a.txt"_s, "the first stored file\n"));
    QVERIFY(writeAll(sources + u"/b.txt"_s, "the second stored file, a little longer\n"));
    QString missing;
    QString damaged;
    {
        auto workspace = Workspace::open(dir);
        QVERIFY2(workspace, qPrintable(workspace ? QString() : workspace.error().message));
        auto first = workspace->storeFile(sources + u"/a.txt"_s);
        QVERIFY(first);
        auto second = workspace->storeFile(sources + u"/b.txt"_s);
        QVERIFY(second);
        missing = first->hash;
        damaged = second->hash;
        const ObjectStore store = workspace->objects();
        const QString missingPath = store.pathFor(missing);
        const QString damagedPath = store.pathFor(damaged);
        QVERIFY(QFile::exists(missingPath));
        QVERIFY(QFile::remove(missingPath));
        // The store may link or write-protect objects: replace the file rather than edit it.
        QVERIFY(QFile::remove(damagedPath));
        QVERIFY(writeAll(damagedPath, "not what was stored\n"));
    }
    QVERIFY(missing != damaged);

    const Outcome plain = run({u"info"_s, u"--workspace"_s, dir});
    QVERIFY(plain.finished);
    QVERIFY2(plain.exitCode == 0, qPrintable(plain.err));
    QCOMPARE(plain.err, QString());

    const Outcome verify = run({u"info"_s, u"--workspace"_s, dir, u"--verify"_s});
    QVERIFY(verify.finished);
    QCOMPARE(verify.exitCode, 1);
    QVERIFY2(verify.err.contains(missing), qPrintable(verify.err));
    QVERIFY2(verify.err.contains(damaged), qPrintable(verify.err));
    for (const QString &line : verify.errLines())
        QVERIFY2(line.startsWith(u"atelier: "_s), qPrintable(verify.err));

    const Outcome json = run({u"info"_s, u"--workspace"_s, dir, u"--verify"_s, u"--json"_s});
    QVERIFY(json.finished);
    QCOMPARE(json.exitCode, 1);
    const QJsonObject object = parseObject(json.out);
    QVERIFY2(!object.isEmpty(), qPrintable(json.out));
    QCOMPARE(object.value(u"counts"_s).toObject().value(u"objects"_s).toInt(-1), 2);
    const QJsonArray problems = object.value(u"object_problems"_s).toArray();
    QCOMPARE(problems.size(), 2);
    QStringList hashes;
    for (const QJsonValue &problem : problems) {
        hashes.append(problem.toObject().value(u"hash"_s).toString());
        QVERIFY(!problem.toObject().value(u"error"_s).toString().isEmpty());
    }
    hashes.sort();
    QStringList expected{missing, damaged};
    expected.sort();
    QCOMPARE(hashes, expected);
}

void TestCommandLine::screenshot()
{
    const auto temp = newTempDir();
    QVERIFY(temp->isValid());
    const QString dir = temp->filePath(u"ws"_s);
    QVERIFY(initWorkspace(dir, true));
    const QString file = temp->filePath(u"datasets.png"_s);

    const Outcome outcome =
        run({u"--screenshot"_s, file, u"--workspace"_s, dir, u"--view"_s, u"datasets"_s});
    QVERIFY(outcome.finished);
    QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
    QVERIFY(readAll(file).startsWith("\x89PNG\r\n\x1a\n"));
    const QImage image(file, "PNG");
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 0);
    QVERIFY(image.height() > 0);
}

void TestCommandLine::screenshotIntoMissingFolder()
{
    const auto temp = newTempDir();
    QVERIFY(temp->isValid());
    const QString file = temp->filePath(u"nosuch/shot.png"_s);
    const auto before = snapshot(temp->path());

    const Outcome outcome = run({u"--screenshot"_s, file});
    QVERIFY(outcome.finished);
    QVERIFY2(outcome.exitCode == 1,
             qPrintable(u"exit code %1, stderr: %2"_s.arg(outcome.exitCode).arg(outcome.err)));
    QVERIFY(!outcome.errLines().isEmpty());
    QVERIFY2(outcome.errLines().constLast().startsWith(u"atelier: "_s), qPrintable(outcome.err));
    QVERIFY2(outcome.errLines().constLast().contains(file), qPrintable(outcome.err));
    QCOMPARE(snapshot(temp->path()), before);
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
