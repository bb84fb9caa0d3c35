// `cmake --install` lays out a working Atelier: the installed program, run from outside the build
// folder with no ATELIER_*_DIR in its environment, finds its templates, demo pipeline and
// translations beside itself (also after the whole prefix is moved), and the desktop files,
// icons and manual page are in place and well-formed.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeoutMs = 120000;
const QString kAppId = QStringLiteral(ATELIER_APP_ID);

struct Outcome
{
    bool finished = false;
    int exitCode = -1;
    QString out;
    QString err;
};

Outcome run(const QString &program, const QStringList &arguments,
            const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    QProcessEnvironment env = environment;
    // Nothing may point the installed program at the source tree.
    env.remove(u"ATELIER_TEMPLATES_DIR"_s);
    env.remove(u"ATELIER_SERVING_DIR"_s);
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    Outcome outcome;
    outcome.finished = process.waitForFinished(kTimeoutMs);
    outcome.exitCode = process.exitCode();
    outcome.out = QString::fromUtf8(process.readAllStandardOutput());
    outcome.err = QString::fromUtf8(process.readAllStandardError());
    return outcome;
}

QString describe(const Outcome &outcome)
{
    return u"exit %1\nstdout: %2\nstderr: %3"_s.arg(outcome.exitCode).arg(outcome.out, outcome.err);
}

/// The commands README.md's "Command line" block lists: "init", "pipeline run", "model deploy"…
QStringList readmeCommands()
{
    QFile readme(QStringLiteral(ATELIER_SOURCE_DIR "/README.md"));
    if (!readme.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(readme.readAll());
    const qsizetype section = text.indexOf(u"## Command line"_s);
    const qsizetype start = text.indexOf(u"```\n"_s, section) + 4;
    const qsizetype end = text.indexOf(u"```"_s, start);
    if (section < 0 || start < 4 || end < 0)
        return {};
    static const QRegularExpression word(u"^[a-z][a-z-]*$"_s);
    QStringList commands;
    for (const QString &line : text.mid(start, end - start).split(u'\n')) {
        const QStringList tokens = line.split(u' ', Qt::SkipEmptyParts);
        if (tokens.size() < 2 || tokens.first() != u"atelier"_s ||
            !word.match(tokens[1]).hasMatch())
            continue;
        const QString group = tokens[1];
        // "atelier runs list | show RUN | logs RUN TASK": each alternative names a subcommand.
        const QStringList alternatives = line.section(u' ', 2).split(u" | "_s);
        bool any = false;
        for (const QString &alternative : alternatives) {
            const QString first = alternative.trimmed().section(u' ', 0, 0);
            if (word.match(first).hasMatch()) {
                commands.append(group + u' ' + first);
                any = true;
            }
        }
        if (!any)
            commands.append(group);
    }
    commands.removeDuplicates();
    return commands;
}

} // namespace

class TestInstall : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void layoutIsComplete();
    void iconsHaveTheirSizes();
    void installedProgramFindsItsFiles();
    void relocatedInstallWorks();
    void desktopEntryAndMetainfo();
    void manPageDescribesEveryCommand();

private:
    QString prefix() const { return m_root.filePath(u"usr"_s); }
    QTemporaryDir m_root; // outside the build folder, where no source-tree fallback applies
};

void TestInstall::initTestCase()
{
    QVERIFY(m_root.isValid());
    const Outcome install =
        run(QStringLiteral(CMAKE_COMMAND),
            {u"--install"_s, QStringLiteral(ATELIER_BUILD_DIR), u"--prefix"_s, prefix()});
    QVERIFY2(install.finished && install.exitCode == 0, qPrintable(describe(install)));
}

void TestInstall::layoutIsComplete()
{
    const QDir usr(prefix());
    const QStringList expected{
        u"bin/atelier"_s,
        u"share/atelier/templates/sklearn-train/template.json"_s,
        u"share/atelier/templates/atelier_io.py"_s,
        u"share/atelier/serving/serve.py"_s,
        u"share/atelier/serving/validate.py"_s,
        u"share/atelier/sweeps/sweep_driver.py"_s,
        u"share/atelier/demo/shapes-classifier.json"_s,
        u"share/atelier/translations/atelier_zh_CN.qm"_s,
        u"share/atelier/translations/atelier_en.qm"_s,
        u"share/applications/"_s + kAppId + u".desktop"_s,
        u"share/metainfo/"_s + kAppId + u".metainfo.xml"_s,
        u"share/icons/hicolor/scalable/apps/"_s + kAppId + u".svg"_s,
        u"share/man/man1/atelier.1.gz"_s,
        u"share/doc/atelier/copyright"_s,
        u"share/doc/atelier/changelog.gz"_s,
    };
    for (const QString &path : expected)
        QVERIFY2(QFileInfo(usr.filePath(path)).isFile(), qPrintable(path + u" is missing"_s));
    QVERIFY(QFileInfo(usr.filePath(u"bin/atelier"_s)).isExecutable());
    // Every built-in template folder is installed.
    const QDir source(QStringLiteral(ATELIER_SOURCE_DIR "/resources/templates"));
    for (const QString &name : source.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (name == u"__pycache__"_s)
            continue;
        QVERIFY2(QFileInfo(usr.filePath(u"share/atelier/templates/"_s + name + u"/template.json"_s))
                     .isFile(),
                 qPrintable(name));
    }
    // Nothing but Atelier's own files: no Python caches from runs in the source tree.
    QDirIterator it(prefix(), QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QVERIFY2(!path.contains(u"__pycache__"_s) && !path.endsWith(u".pyc"_s), qPrintable(path));
    }
}

void TestInstall::iconsHaveTheirSizes()
{
    for (int size : {16, 24, 32, 48, 64, 128, 256}) {
        const QString path =
            u"%1/share/icons/hicolor/%2x%2/apps/%3.png"_s.arg(prefix()).arg(size).arg(kAppId);
        const QImage icon(path);
        QVERIFY2(!icon.isNull(), qPrintable(path));
        QCOMPARE(icon.size(), QSize(size, size));
        QVERIFY(icon.hasAlphaChannel());
    }
}

void TestInstall::installedProgramFindsItsFiles()
{
    const QString atelier = prefix() + u"/bin/atelier"_s;
    const QString workspace = m_root.filePath(u"demo"_s);
    const Outcome init = run(atelier, {u"init"_s, workspace, u"--demo"_s});
    QVERIFY2(init.finished && init.exitCode == 0, qPrintable(describe(init)));
    // The demo pipeline's templates come from the installed share/atelier/templates.
    const Outcome validate = run(atelier, {u"pipeline"_s, u"validate"_s, u"shapes-classifier"_s,
                                           u"--workspace"_s, workspace});
    QVERIFY2(validate.finished && validate.exitCode == 0, qPrintable(describe(validate)));

    // Chinese from the installed atelier_zh_CN.qm: a refusal in the terminal's language.
    QProcessEnvironment chinese = QProcessEnvironment::systemEnvironment();
    chinese.insert(u"LC_ALL"_s, u"zh_CN.UTF-8"_s);
    chinese.insert(u"LANG"_s, u"zh_CN.UTF-8"_s);
    const Outcome refused = run(
        atelier, {u"pipeline"_s, u"validate"_s, u"no-such-pipeline"_s, u"--workspace"_s, workspace},
        chinese);
    QVERIFY2(refused.finished && refused.exitCode == 1, qPrintable(describe(refused)));
    static const QRegularExpression han(u"[\\x{4e00}-\\x{9fff}]"_s);
    QVERIFY2(han.match(refused.err).hasMatch(), qPrintable(describe(refused)));
}

void TestInstall::relocatedInstallWorks()
{
    // The whole prefix moved elsewhere: still found relative to the executable.
    const QString moved = m_root.filePath(u"elsewhere/opt-atelier"_s);
    QVERIFY(QDir().mkpath(QFileInfo(moved).path()));
    QVERIFY(QDir().rename(prefix(), moved));
    auto restore = qScopeGuard([&] { QDir().rename(moved, prefix()); });
    const QString atelier = moved + u"/bin/atelier"_s;
    const QString workspace = m_root.filePath(u"demo"_s);
    if (!QFileInfo::exists(workspace + u"/atelier.db"_s)) {
        const Outcome init = run(atelier, {u"init"_s, workspace, u"--demo"_s});
        QVERIFY2(init.exitCode == 0, qPrintable(describe(init)));
    }
    const QStringList validate{u"pipeline"_s, u"validate"_s, u"shapes-classifier"_s,
                               u"--workspace"_s, workspace};
    const Outcome found = run(atelier, validate);
    QVERIFY2(found.finished && found.exitCode == 0, qPrintable(describe(found)));

    // Without its installed templates it does not quietly use the source tree's.
    const QString templates = moved + u"/share/atelier/templates"_s;
    QVERIFY(QDir().rename(templates, templates + u".away"_s));
    const Outcome missing = run(atelier, validate);
    QDir().rename(templates + u".away"_s, templates);
    QVERIFY2(missing.finished && missing.exitCode != 0, qPrintable(describe(missing)));
}

void TestInstall::desktopEntryAndMetainfo()
{
    QFile desktop(prefix() + u"/share/applications/"_s + kAppId + u".desktop"_s);
    QVERIFY(desktop.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(desktop.readAll()).split(u'\n');
    for (const QString &expected :
         {u"Exec=atelier"_s, u"Icon="_s + kAppId, u"Type=Application"_s, u"Terminal=false"_s})
        QVERIFY2(lines.contains(expected), qPrintable(expected));
    for (const QString &key : {u"Name[zh_CN]="_s, u"Comment[zh_CN]="_s, u"Comment="_s}) {
        const bool present = std::any_of(lines.cbegin(), lines.cend(), [&](const QString &line) {
            return line.startsWith(key) && line.size() > key.size();
        });
        QVERIFY2(present, qPrintable(key));
    }
    const QString metainfo = prefix() + u"/share/metainfo/"_s + kAppId + u".metainfo.xml"_s;
    // The validators, where this machine has them (appstream and desktop-file-utils).
    if (const QString appstreamcli = QStandardPaths::findExecutable(u"appstreamcli"_s);
        !appstreamcli.isEmpty()) {
        const Outcome valid = run(appstreamcli, {u"validate"_s, u"--no-net"_s, metainfo});
        QVERIFY2(valid.finished && valid.exitCode == 0, qPrintable(describe(valid)));
    } else {
        qInfo("appstreamcli is not installed: the metainfo is not validated here");
    }
    if (const QString validator = QStandardPaths::findExecutable(u"desktop-file-validate"_s);
        !validator.isEmpty()) {
        const Outcome valid = run(validator, {desktop.fileName()});
        QVERIFY2(valid.finished && valid.exitCode == 0 && valid.out.isEmpty(),
                 qPrintable(describe(valid)));
    } else {
        qInfo("desktop-file-validate is not installed: the desktop entry is checked by hand only");
    }
}

void TestInstall::manPageDescribesEveryCommand()
{
    const QStringList commands = readmeCommands();
    QVERIFY2(commands.size() > 30, qPrintable(commands.join(u", "_s)));
    QVERIFY(commands.contains(u"model deploy"_s) && commands.contains(u"init"_s));
    QFile page(QStringLiteral(ATELIER_SOURCE_DIR "/packaging/atelier.1"));
    QVERIFY(page.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(page.readAll()).replace(u"\\-"_s, u"-"_s);
    QStringList missing;
    for (const QString &command : commands) {
        // An entry of COMMANDS: `.B dataset list`, `.BI "model deploy " …`, `.BR info " [" …`.
        const QRegularExpression entry(u"^\\.B[IR]? \"?"_s + QRegularExpression::escape(command) +
                                           u"(\\s|\"|$)"_s,
                                       QRegularExpression::MultilineOption);
        if (!entry.match(text).hasMatch())
            missing.append(command);
    }
    QVERIFY2(missing.isEmpty(), qPrintable(u"not in atelier.1: "_s + missing.join(u", "_s)));
}

QTEST_GUILESS_MAIN(TestInstall)
#include "tst_install.moc"
