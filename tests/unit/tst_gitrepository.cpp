#include "versioning/gitrepository.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace atelier;
using namespace Qt::StringLiterals;

namespace {

const GitSignature Ada{u"Ada Lovelace"_s, u"ada@example.org"_s};
const GitSignature Grace{u"Grace Hopper"_s, u"grace@example.org"_s};

QByteArray readDisk(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return "<missing>";
    return file.readAll();
}

/// Runs the real git CLI in \a dir; returns its trimmed stdout, or a marker on failure.
QString runGit(const QString &dir, const QStringList &arguments)
{
    QProcess git;
    git.start(u"git"_s, QStringList{u"-C"_s, dir} + arguments);
    if (!git.waitForFinished(30000) || git.exitStatus() != QProcess::NormalExit ||
        git.exitCode() != 0) {
        qWarning() << "git" << arguments << "failed:" << git.readAllStandardError();
        return u"<git failed>"_s;
    }
    return QString::fromUtf8(git.readAllStandardOutput()).trimmed();
}

} // namespace

class TestGitRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initCreatesRepoOnMainThatGitReads();
    void initRefusesExistingRepository();
    void emptyRepository();
    void commitAndReadBack();
    void secondCommitAndHistory();
    void multiLineMessage();
    void diffListsChanges();
    void renameDetected();
    void badPathRefused_data();
    void badPathRefused();
    void emptyMessageRefused();
    void nothingToCommitRefused();
    void unknownCommitOrPathNotFound();
    void openPlainFolderFails();
    void openAfterInitSeesHistory();
    void movedFromIsHarmless();
};

void TestGitRepository::initCreatesRepoOnMainThatGitReads()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(u"new/nested/repo"_s);
    auto repo = GitRepository::init(dir);
    QVERIFY2(repo.ok(), qPrintable(repo.ok() ? QString() : repo.error().message));
    QVERIFY(QDir(dir + u"/.git"_s).exists());
    QCOMPARE(repo->workdir(), QDir::cleanPath(dir));

    auto first = repo->commit({{u"a.txt"_s, "one\n"}}, u"First commit"_s, Ada);
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
    auto second = repo->commit({{u"b.txt"_s, "two\n"}}, u"Second commit"_s, Grace);
    QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().message));

    if (QStandardPaths::findExecutable(u"git"_s).isEmpty())
        QSKIP("the git command-line tool is not installed");
    QCOMPARE(runGit(dir, {u"rev-parse"_s, u"--abbrev-ref"_s, u"HEAD"_s}), u"main"_s);
    QCOMPARE(runGit(dir, {u"rev-parse"_s, u"HEAD"_s}), second.value());
    QCOMPARE(runGit(dir, {u"log"_s, u"--format=%s"_s}), u"Second commit\nFirst commit"_s);
    QCOMPARE(runGit(dir, {u"log"_s, u"-1"_s, u"--format=%an <%ae>"_s}),
             u"Grace Hopper <grace@example.org>"_s);
    // Our index matches what we committed: the CLI sees a clean tree.
    QCOMPARE(runGit(dir, {u"status"_s, u"--porcelain"_s}), QString());
    QCOMPARE(runGit(dir, {u"fsck"_s, u"--no-progress"_s}), QString());
}

void TestGitRepository::initRefusesExistingRepository()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QVERIFY(GitRepository::init(tmp.path()).ok());
    auto again = GitRepository::init(tmp.path());
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, ErrorCode::Conflict);
}

void TestGitRepository::emptyRepository()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    auto repo = GitRepository::init(tmp.path());
    QVERIFY(repo.ok());
    auto head = repo->head();
    QVERIFY(!head.ok());
    QCOMPARE(head.error().code, ErrorCode::NotFound);
    QVERIFY(!head.error().message.isEmpty());
    auto history = repo->history();
    QVERIFY(history.ok());
    QVERIFY(history->isEmpty());
}

void TestGitRepository::commitAndReadBack()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    auto repo = GitRepository::init(tmp.path());
    QVERIFY(repo.ok());

    const QByteArray binary("\x00\x01\x02\xff\x00 png?\r\n\x00", 13);
    const QByteArray chinese = u"数据集：猫和狗\n第二行\n"_s.toUtf8();
    auto id =
        repo->commit({{u"data/blob.bin"_s, binary}, {u"说明.txt"_s, chinese}}, u"Add files"_s, Ada);
    QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().message));
    QCOMPARE(id->size(), 40);
    QVERIFY(QRegularExpression(u"^[0-9a-f]{40}$"_s).match(id.value()).hasMatch());

    auto head = repo->head();
    QVERIFY(head.ok());
    QCOMPARE(head.value(), id.value());

    QCOMPARE(readDisk(tmp.filePath(u"data/blob.bin"_s)), binary);
    QCOMPARE(readDisk(tmp.filePath(u"说明.txt"_s)), chinese);

    auto bin = repo->readFile(id.value(), u"data/blob.bin"_s);
    QVERIFY(bin.ok());
    QCOMPARE(bin->size(), 13);
    QCOMPARE(bin.value(), binary);
    auto text = repo->readFile(id.value(), u"说明.txt"_s);
    QVERIFY(text.ok());
    QCOMPARE(QString::fromUtf8(text.value()), u"数据集：猫和狗\n第二行\n"_s);

    // Abbreviated ids and the branch name resolve too.
    auto shortId = repo->readFile(id->left(8), u"说明.txt"_s);
    QVERIFY(shortId.ok());
    QCOMPARE(shortId.value(), chinese);
    auto byBranch = repo->readFile(u"main"_s, u"data/blob.bin"_s);
    QVERIFY(byBranch.ok());
    QCOMPARE(byBranch.value(), binary);

    // A folder is not a file.
    auto folder = repo->readFile(id.value(), u"data"_s);
    QVERIFY(!folder.ok());
    QCOMPARE(folder.error().code, ErrorCode::Invalid);
}

void TestGitRepository::secondCommitAndHistory()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    auto repo = GitRepository::init(tmp.path());
    QVERIFY(repo.ok());

    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-2);
    auto first =
        repo->commit({{u"a.txt"_s, "alpha\n"}, {u"dir/b.txt"_s, "beta\n"}}, u"First"_s, Ada);
    QVERIFY(first.ok());
    auto second = repo->commit({{u"a.txt"_s, "alpha 2\n"}, {u"c.txt"_s, "gamma\n"}}, u"Second"_s,
                               Grace, {u"dir/b.txt"_s});
    QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().message));
    QVERIFY(first.value() != second.value());

    QVERIFY(!QFile::exists(tmp.filePath(u"dir/b.txt"_s)));
    QVERIFY(!QFile::exists(tmp.filePath(u"dir"_s))); // emptied folder removed
    QCOMPARE(readDisk(tmp.filePath(u"a.txt"_s)), QByteArray("alpha 2\n"));

    auto history = repo->history();
    QVERIFY(history.ok());
    QCOMPARE(history->size(), 2);
    const CommitInfo &newest = history->at(0);
    const CommitInfo &oldest = history->at(1);
    QCOMPARE(newest.id, second.value());
    QCOMPARE(newest.summary, u"Second"_s);
    QCOMPARE(newest.message, u"Second"_s);
    QCOMPARE(newest.authorName, Grace.name);
    QCOMPARE(newest.authorEmail, Grace.email);
    QCOMPARE(newest.parents, QStringList{first.value()});
    QCOMPARE(newest.time.timeSpec(), Qt::UTC);
    QVERIFY(newest.time >= before);
    QVERIFY(newest.time <= QDateTime::currentDateTimeUtc().addSecs(2));
    QCOMPARE(oldest.id, first.value());
    QCOMPARE(oldest.summary, u"First"_s);
    QCOMPARE(oldest.authorName, Ada.name);
    QCOMPARE(oldest.authorEmail, Ada.email);
    QVERIFY(oldest.parents.isEmpty());

    auto limited = repo->history({}, 1);
    QVERIFY(limited.ok());
    QCOMPARE(limited->size(), 1);
    QCOMPARE(limited->at(0).id, second.value());

    // Added in the first, modified in the second.
    auto aHistory = repo->history(u"a.txt"_s);
    QVERIFY(aHistory.ok());
    QCOMPARE(aHistory->size(), 2);
    // Added in the second only.
    auto cHistory = repo->history(u"c.txt"_s);
    QVERIFY(cHistory.ok());
    QCOMPARE(cHistory->size(), 1);
    QCOMPARE(cHistory->at(0).id, second.value());
    // Added in the first, removed in the second.
    auto bHistory = repo->history(u"dir/b.txt"_s);
    QVERIFY(bHistory.ok());
    QCOMPARE(bHistory->size(), 2);

    auto third = repo->commit({{u"c.txt"_s, "gamma 2\n"}}, u"Third"_s, Ada);
    QVERIFY(third.ok());
    aHistory = repo->history(u"a.txt"_s);
    QVERIFY(aHistory.ok());
    QCOMPARE(aHistory->size(), 2); // the third commit does not touch a.txt
    QCOMPARE(aHistory->at(0).id, second.value());
    QCOMPARE(aHistory->at(1).id, first.value());
    auto never = repo->history(u"never.txt"_s);
    QVERIFY(never.ok());
    QVERIFY(never->isEmpty());

    auto old = repo->readFile(first.value(), u"a.txt"_s);
    QVERIFY(old.ok());
    QCOMPARE(old.value(), QByteArray("alpha\n"));
    auto oldB = repo->readFile(first.value(), u"dir/b.txt"_s);
    QVERIFY(oldB.ok());
    QCOMPARE(oldB.value(), QByteArray("beta\n"));
    auto gone = repo->readFile(second.value(), u"dir/b.txt"_s);
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().code, ErrorCode::NotFound);
    auto current = repo->readFile(second.value(), u"a.txt"_s);
    QVERIFY(current.ok());
    QCOMPARE(current.value(), QByteArray("alpha 2\n"));
}

void TestGitRepository::multiLineMessage()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    auto repo = GitRepository::init(tmp.path());
    QVERIFY(repo.ok());
    const QString message = u"Tune the learning rate\n\nLowered it to 1e-4 after divergence."_s;
    QVERIFY(repo->commit({{u"x"_s, "1"}}, message, Ada).ok());
    auto history = repo->history();
    QVERIFY(history.ok());
    QCOMPARE(history->size(), 1);
    QCOMPARE(history->at(0).summary, u"Tune the learning rate"_s);
    QCOMPARE(history->at(0).message, message);
}

void TestGitRepository::diffListsChanges()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    auto repo = GitRepository::init(tmp.path());
    QVERIFY(repo.ok());
    auto first = repo->commit({{u"keep.txt"_s, "1\n2\n3\n"},
                               {u"gone.txt"_s, "bye\nbye\n"},
                               {u"same.txt"_s, "unchanged\n"}},
                              u"First"_s, Ada);
    QVERIFY(first.ok());
    auto second = repo->commit({{u"keep.txt"_s, "1\ntwo\n3\n"}, {u"new.txt"_s, "hello\n"}},
                               u"Second"_s, Ada, {u"gone.txt"_s});
    QVERIFY(second.ok());

    auto changes = repo->diff(first.value(), second.value());
    QVERIFY2(changes.ok(), qPrintable(changes.ok() ? QString() : changes.error().message));
    QCOMPARE(changes->size(), 3);

    const FileChange &gone = changes->at(0);
    QCOMPARE(gone.path, u"gone.txt"_s);
    QCOMPARE(gone.kind, FileChange::Kind::Removed);
    QCOMPARE(gone.additions, 0);
    QCOMPARE(gone.deletions, 2);
    QVERIFY(gone.patch.contains(u"-bye"_s));

    const FileChange &keep = changes->at(1);
    QCOMPARE(keep.path, u"keep.txt"_s);
    QCOMPARE(keep.oldPath, u"keep.txt"_s);
    QCOMPARE(keep.kind, FileChange::Kind::Modified);
    QCOMPARE(keep.additions, 1);
    QCOMPARE(keep.deletions, 1);
    QVERIFY2(keep.patch.contains(u"\n+two\n"_s), qPrintable(keep.patch));
    QVERIFY2(keep.patch.contains(u"\n-2\n"_s), qPrintable(keep.patch));
    QVERIFY(!keep.patch.contains(u"gone.txt"_s));

    const FileChange &added = changes->at(2);
    QCOMPARE(added.path, u"new.txt"_s);
    QCOMPARE(added.kind, FileChange::Kind::Added);
    QCOMPARE(added.additions, 1);
    QCOMPARE(added.deletions, 0);
    QVERIFY(added.patch.contains(u"+hello"_s));

    // Reversed, the same files change the other way.
    auto back = repo->diff(second.value(), first.value());
    QVERIFY(back.ok());
    QCOMPARE(back->size(), 3);
    QCOMPARE(back->at(0).kind, FileChange::Kind::Added);
    QCOMPARE(back->at(2).kind, FileChange::Kind::Removed);

    auto none = repo->diff(second.value(), second.value());
    QVERIFY(none.ok());
    QVERIFY(none->isEmpty());
}

void TestGitRepository::renameDetected()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    auto repo = GitRepository::init(tmp.path());
    QVERIFY(repo.ok());
    QByteArray content;
    for (int i = 0; i < 20; ++i)
        content += "line " + QByteArray::number(i) + '\n';
    auto first = repo->commit({{u"old/name.txt"_s, content}}, u"Add"_s, Ada);
    QVERIFY(first.ok());
    auto second = repo->commit({{u"new/name.txt"_s, content}}, u"Move"_s, Ada, {u"old/name.txt"_s});
    QVERIFY(second.ok());

    auto changes = repo->diff(first.value(), second.value());
    QVERIFY(changes.ok());
    QCOMPARE(changes->size(), 1);
    const FileChange &moved = changes->at(0);
    QCOMPARE(moved.kind, FileChange::Kind::Renamed);
    QCOMPARE(moved.path, u"new/name.txt"_s);
    QCOMPARE(moved.oldPath, u"old/name.txt"_s);
    QCOMPARE(moved.additions, 0);
    QCOMPARE(moved.deletions, 0);

    // A rename with a small edit is still a rename, with its line counts.
    QByteArray edited = content;
    edited.replace("line 3\n", "line three\n");
    auto third =
        repo->commit({{u"final.txt"_s, edited}}, u"Move and edit"_s, Ada, {u"new/name.txt"_s});
    QVERIFY(third.ok());
    changes = repo->diff(second.value(), third.value());
    QVERIFY(changes.ok());
    QCOMPARE(changes->size(), 1);
    QCOMPARE(changes->at(0).kind, FileChange::Kind::Renamed);
    QCOMPARE(changes->at(0).oldPath, u"new/name.txt"_s);
    QCOMPARE(changes->at(0).path, u"final.txt"_s);
    QCOMPARE(changes->at(0).additions, 1);
    QCOMPARE(changes->at(0).deletions, 1);
    QVERIFY(changes->at(0).patch.contains(u"+line three"_s));
}

void TestGitRepository::badPathRefused_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("parent") << u"../x"_s;
    QTest::newRow("absolute") << u"/abs"_s;
    QTest::newRow("dot-dot inside") << u"a/../b"_s;
    QTest::newRow("git config") << u".git/config"_s;
    QTest::newRow("git upper case") << u".GIT/hooks/pre-commit"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("empty segment") << u"a//b"_s;
    QTest::newRow("trailing slash") << u"a/"_s;
    QTest::newRow("backslash") << u"a\\b"_s;
    QTest::newRow("dot") << u"./a"_s;
}

void TestGitRepository::badPathRefused()
{
    QFETCH(QString, path);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString root = tmp.filePath(u"repo"_s);
    auto repo = GitRepository::init(root);
    QVERIFY(repo.ok());
    const QStringList before =
        QDir(root).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    const QByteArray configBefore = readDisk(root + u"/.git/config"_s);

    // The good path must not be written either: validation comes first.
    auto written = repo->commit({{u"ok.txt"_s, "fine"}, {path, "evil"}}, u"Bad"_s, Ada);
    QVERIFY(!written.ok());
    QCOMPARE(written.error().code, ErrorCode::Invalid);
    QVERIFY(!written.error().message.isEmpty());

    auto removed = repo->commit({{u"ok.txt"_s, "fine"}}, u"Bad"_s, Ada, {path});
    QVERIFY(!removed.ok());
    QCOMPARE(removed.error().code, ErrorCode::Invalid);

    QCOMPARE(QDir(root).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), before);
    QVERIFY(!QFile::exists(tmp.filePath(u"x"_s)));
    QCOMPARE(readDisk(root + u"/.git/config"_s), configBefore);
    QCOMPARE(repo->head().error().code, ErrorCode::NotFound);

    auto read = repo->readFile(u"main"_s, path);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, ErrorCode::Invalid);
}

void TestGitRepository::emptyMessageRefused()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    auto repo = GitRepository::init(tmp.path());
    QVERIFY(repo.ok());
    for (const QString &message : {QString(), u" \n\t"_s}) {
        auto id = repo->commit({{u"a.txt"_s, "a"}}, message, Ada);
        QVERIFY(!id.ok());
        QCOMPARE(id.error().code, ErrorCode::Invalid);
    }
    QVERIFY(!QFile::exists(tmp.filePath(u"a.txt"_s)));
    QCOMPARE(repo->head().error().code, ErrorCode::NotFound);

    auto noAuthor = repo->commit({{u"a.txt"_s, "a"}}, u"Fine"_s, GitSignature{});
    QVERIFY(!noAuthor.ok());
    QCOMPARE(noAuthor.error().code, ErrorCode::Invalid);
}

void TestGitRepository::nothingToCommitRefused()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    auto repo = GitRepository::init(tmp.path());
    QVERIFY(repo.ok());

    auto empty = repo->commit({}, u"Nothing"_s, Ada);
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error().code, ErrorCode::Conflict);

    auto first = repo->commit({{u"a.txt"_s, "same"}}, u"First"_s, Ada);
    QVERIFY(first.ok());
    auto again = repo->commit({{u"a.txt"_s, "same"}}, u"Again"_s, Ada);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    QVERIFY2(again.error().message.contains(u"nothing to commit"_s, Qt::CaseInsensitive),
             qPrintable(again.error().message));
    auto removeMissing = repo->commit({}, u"Remove"_s, Ada, {u"missing.txt"_s});
    QVERIFY(!removeMissing.ok());
    QCOMPARE(removeMissing.error().code, ErrorCode::Conflict);

    QCOMPARE(repo->head().value(), first.value());
    auto history = repo->history();
    QVERIFY(history.ok());
    QCOMPARE(history->size(), 1);
}

void TestGitRepository::unknownCommitOrPathNotFound()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    auto repo = GitRepository::init(tmp.path());
    QVERIFY(repo.ok());
    auto id = repo->commit({{u"a.txt"_s, "a"}}, u"First"_s, Ada);
    QVERIFY(id.ok());

    const QString unknown = u"0123456789abcdef0123456789abcdef01234567"_s;
    auto read = repo->readFile(unknown, u"a.txt"_s);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, ErrorCode::NotFound);
    QVERIFY(read.error().message.contains(unknown));

    auto changes = repo->diff(id.value(), unknown);
    QVERIFY(!changes.ok());
    QCOMPARE(changes.error().code, ErrorCode::NotFound);
    changes = repo->diff(u"no-such-branch"_s, id.value());
    QVERIFY(!changes.ok());
    QCOMPARE(changes.error().code, ErrorCode::NotFound);

    auto missing = repo->readFile(id.value(), u"b/missing.txt"_s);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QVERIFY(missing.error().message.contains(u"b/missing.txt"_s));
    QVERIFY(missing.error().message.contains(id.value()));
}

void TestGitRepository::openPlainFolderFails()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    auto plain = GitRepository::open(tmp.path());
    QVERIFY(!plain.ok());
    QCOMPARE(plain.error().code, ErrorCode::NotFound);
    QVERIFY(!plain.error().message.isEmpty());

    auto missing = GitRepository::open(tmp.filePath(u"does-not-exist"_s));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, ErrorCode::NotFound);

    // No discovery upwards: a folder inside a repository is not the repository.
    QVERIFY(GitRepository::init(tmp.path()).ok());
    QVERIFY(QDir(tmp.path()).mkpath(u"sub"_s));
    auto sub = GitRepository::open(tmp.filePath(u"sub"_s));
    QVERIFY(!sub.ok());
    QCOMPARE(sub.error().code, ErrorCode::NotFound);
    auto gitDir = GitRepository::open(tmp.filePath(u".git"_s));
    QVERIFY(!gitDir.ok());
    QCOMPARE(gitDir.error().code, ErrorCode::NotFound);
}

void TestGitRepository::openAfterInitSeesHistory()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QString first;
    {
        auto repo = GitRepository::init(tmp.path());
        QVERIFY(repo.ok());
        auto id = repo->commit({{u"a.txt"_s, "a"}}, u"Made before reopening"_s, Ada);
        QVERIFY(id.ok());
        first = id.value();
    }
    auto repo = GitRepository::open(tmp.path() + u'/');
    QVERIFY2(repo.ok(), qPrintable(repo.ok() ? QString() : repo.error().message));
    QCOMPARE(repo->workdir(), QDir::cleanPath(tmp.path()));
    QCOMPARE(repo->head().value(), first);
    auto history = repo->history();
    QVERIFY(history.ok());
    QCOMPARE(history->size(), 1);
    QCOMPARE(history->at(0).summary, u"Made before reopening"_s);

    auto second = repo->commit({{u"b.txt"_s, "b"}}, u"After reopening"_s, Grace);
    QVERIFY(second.ok());
    QCOMPARE(repo->history()->size(), 2);
    QCOMPARE(repo->readFile(second.value(), u"a.txt"_s).value(), QByteArray("a"));
}

void TestGitRepository::movedFromIsHarmless()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    auto made = GitRepository::init(tmp.path());
    QVERIFY(made.ok());
    GitRepository repo = std::move(made).value();
    GitRepository other = std::move(repo);
    QCOMPARE(other.workdir(), QDir::cleanPath(tmp.path()));
    QVERIFY(other.commit({{u"a"_s, "a"}}, u"Moved"_s, Ada).ok());
    // NOLINTNEXTLINE(bugprone-use-after-move): checking the moved-from state on purpose
    QCOMPARE(repo.head().error().code, ErrorCode::Internal);
    QVERIFY(repo.workdir().isEmpty());
}

QTEST_GUILESS_MAIN(TestGitRepository)
#include "tst_gitrepository.moc"
