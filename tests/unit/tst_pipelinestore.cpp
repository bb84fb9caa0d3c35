#include "pipeline/pipelinediff.h"
#include "pipeline/pipelinestore.h"
#include "versioning/gitrepository.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

const GitSignature kAuthor{u"Test"_s, u"test@example.org"_s};
const QString kSlug = u"shapes-classifier"_s;

PipelineDocument shapes(int trees)
{
    PipelineDocument doc;
    doc.name = u"Shapes classifier"_s;
    doc.variables.insert(u"seed"_s, u"42"_s);
    NodeSpec split;
    split.id = u"split"_s;
    split.templateRef = u"table-split@1.0"_s;
    NodeSpec train;
    train.id = u"train"_s;
    train.templateRef = u"sklearn-train@1.0"_s;
    train.params.insert(u"target"_s, u"label"_s);
    train.params.insert(u"n_estimators"_s, trees);
    doc.nodes = {split, train};
    doc.edges = {{u"split"_s, u"train"_s, u"train"_s, u"table"_s}};
    doc.layout.insert(u"train"_s, QPointF(240, 80));
    return doc;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(bytes) == bytes.size();
}

template <typename T> QString messageOf(const Result<T> &result)
{
    return result.ok() ? QString() : result.error().message;
}

} // namespace

class TestPipelineStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void saveHistoryLoad();
    void diffBetweenCommits();
    void restoreMakesANewCommit();
    void restoreRefusesAnotherName();
    void locateByName();
    void locateByPathInRepo();
    void locateLooseFile();
    void locateUnknown();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;
    QString m_first;
    QString m_second;
};

// Every test starts with a repository holding two versions of the pipeline: 100 then 200 trees.
void TestPipelineStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_root = m_dir->path();
    auto repo = GitRepository::init(QDir(m_root).filePath(u"repo"_s));
    QVERIFY2(repo.ok(), qPrintable(messageOf(repo)));

    PipelineStore store(m_root);
    auto first = store.save(shapes(100), u"First"_s, kAuthor);
    QVERIFY2(first.ok(), qPrintable(messageOf(first)));
    auto second = store.save(shapes(200), u"More trees"_s, kAuthor);
    QVERIFY2(second.ok(), qPrintable(messageOf(second)));
    m_first = first.value();
    m_second = second.value();
    QVERIFY(m_first != m_second);
}

void TestPipelineStore::saveHistoryLoad()
{
    PipelineStore store(m_root);
    QCOMPARE(store.list(), QStringList{kSlug});
    QVERIFY(QFileInfo(store.fileFor(kSlug)).isFile());
    QCOMPARE(store.fileFor(kSlug),
             QDir(m_root).filePath(u"repo/pipelines/shapes-classifier.json"_s));

    auto history = store.history(kSlug);
    QVERIFY2(history.ok(), qPrintable(messageOf(history)));
    QCOMPARE(history->size(), 2);
    QCOMPARE(history->at(0).id, m_second);
    QCOMPARE(history->at(0).summary, u"More trees"_s);
    QCOMPARE(history->at(1).id, m_first);
    QCOMPARE(history->at(1).authorName, kAuthor.name);

    auto old = store.load(kSlug, m_first);
    QVERIFY2(old.ok(), qPrintable(messageOf(old)));
    QVERIFY2(old.value() == shapes(100), old->toJson().constData());
    auto abbreviated = store.load(kSlug, m_first.left(10));
    QVERIFY2(abbreviated.ok(), qPrintable(messageOf(abbreviated)));
    QVERIFY(abbreviated.value() == shapes(100));

    auto current = store.load(kSlug);
    QVERIFY2(current.ok(), qPrintable(messageOf(current)));
    QVERIFY(current.value() == shapes(200));
    auto atSecond = store.load(kSlug, m_second);
    QVERIFY(atSecond.ok());
    QVERIFY(atSecond.value() == shapes(200));

    auto missing = store.load(u"nothing-here"_s);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
}

void TestPipelineStore::diffBetweenCommits()
{
    PipelineStore store(m_root);
    auto before = store.load(kSlug, m_first);
    auto after = store.load(kSlug, m_second);
    QVERIFY(before.ok() && after.ok());
    const auto changes = PipelineDiff::compare(before.value(), after.value());
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes[0].kind, PipelineChange::Kind::Changed);
    QCOMPARE(changes[0].subject, PipelineChange::Subject::Node);
    QCOMPARE(changes[0].id, u"train"_s);
    QCOMPARE(changes[0].details, QStringList{u"params.n_estimators: 100 → 200"_s});
}

void TestPipelineStore::restoreMakesANewCommit()
{
    PipelineStore store(m_root);
    auto restored = store.restore(kSlug, m_first, kAuthor);
    QVERIFY2(restored.ok(), qPrintable(messageOf(restored)));
    QVERIFY(restored.value() != m_first && restored.value() != m_second);

    auto history = store.history(kSlug);
    QVERIFY(history.ok());
    QCOMPARE(history->size(), 3);
    QCOMPARE(history->at(0).id, restored.value());

    auto atRestored = store.load(kSlug, restored.value());
    QVERIFY(atRestored.ok());
    QVERIFY2(atRestored.value() == shapes(100), atRestored->toJson().constData());
    auto onDisk = store.load(kSlug);
    QVERIFY(onDisk.ok());
    QVERIFY(onDisk.value() == shapes(100));

    auto located = store.locate(kSlug);
    QVERIFY(located.ok());
    QCOMPARE(located->commitId, restored.value());
    QVERIFY(!located->uncommitted);

    auto unknownCommit =
        store.restore(kSlug, u"0123456789abcdef0123456789abcdef01234567"_s, kAuthor);
    QVERIFY(!unknownCommit.ok());
    QCOMPARE(store.history(kSlug)->size(), 3);
}

void TestPipelineStore::restoreRefusesAnotherName()
{
    // A version of shapes-classifier.json whose pipeline is called something else.
    auto repo = GitRepository::open(QDir(m_root).filePath(u"repo"_s));
    QVERIFY(repo.ok());
    PipelineDocument renamed = shapes(300);
    renamed.name = u"Circles"_s;
    auto odd = repo->commit({{u"pipelines/shapes-classifier.json"_s, renamed.toJson()}},
                            u"Rename inside"_s, kAuthor);
    QVERIFY2(odd.ok(), qPrintable(messageOf(odd)));
    auto fixed = repo->commit({{u"pipelines/shapes-classifier.json"_s, shapes(200).toJson()}},
                              u"Back"_s, kAuthor);
    QVERIFY(fixed.ok());

    PipelineStore store(m_root);
    auto restored = store.restore(kSlug, odd.value(), kAuthor);
    QVERIFY(!restored.ok());
    QCOMPARE(restored.error().code, ErrorCode::Conflict);
    QVERIFY2(restored.error().message.contains(u"Circles"_s), qPrintable(restored.error().message));
    QCOMPARE(store.history(kSlug)->size(), 4);
    QVERIFY(!QFileInfo::exists(store.fileFor(u"circles"_s)));
}

void TestPipelineStore::locateByName()
{
    PipelineStore store(m_root);
    auto located = store.locate(kSlug);
    QVERIFY2(located.ok(), qPrintable(messageOf(located)));
    QCOMPARE(located->key, kSlug);
    QCOMPARE(located->commitId, m_second);
    QCOMPARE(located->uncommitted, false);
    QVERIFY(located->document == shapes(200));

    // An edit on disk that is not committed yet.
    QVERIFY(writeFile(store.fileFor(kSlug), shapes(300).toJson()));
    located = store.locate(kSlug);
    QVERIFY2(located.ok(), qPrintable(messageOf(located)));
    QCOMPARE(located->key, kSlug);
    QCOMPARE(located->commitId, m_second);
    QCOMPARE(located->uncommitted, true);
    QVERIFY(located->document == shapes(300));
}

void TestPipelineStore::locateByPathInRepo()
{
    PipelineStore store(m_root);
    auto located = store.locate(store.fileFor(kSlug));
    QVERIFY2(located.ok(), qPrintable(messageOf(located)));
    QCOMPARE(located->key, kSlug);
    QCOMPARE(located->commitId, m_second);
    QCOMPARE(located->uncommitted, false);
}

void TestPipelineStore::locateLooseFile()
{
    QTemporaryDir elsewhere;
    QVERIFY(elsewhere.isValid());
    const QString path = QDir(elsewhere.path()).filePath(u"loose.json"_s);
    QVERIFY(writeFile(path, shapes(7).toJson()));

    PipelineStore store(m_root);
    auto located = store.locate(path);
    QVERIFY2(located.ok(), qPrintable(messageOf(located)));
    QCOMPARE(located->key, QFileInfo(path).absoluteFilePath());
    QVERIFY(located->commitId.isEmpty());
    QVERIFY(located->document == shapes(7));

    // A loose file that does not parse is refused with its path.
    QVERIFY(writeFile(path, "{ not json"));
    located = store.locate(path);
    QVERIFY(!located.ok());
    QCOMPARE(located.error().code, ErrorCode::Invalid);
    QVERIFY2(located.error().message.contains(path), qPrintable(located.error().message));
}

void TestPipelineStore::locateUnknown()
{
    PipelineStore store(m_root);
    auto located = store.locate(u"no-such-pipeline"_s);
    QVERIFY(!located.ok());
    QCOMPARE(located.error().code, ErrorCode::NotFound);
    const QString message = located.error().message;
    QVERIFY2(message.contains(u"no-such-pipeline"_s), qPrintable(message));
    QVERIFY2(message.contains(kSlug), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestPipelineStore)
#include "tst_pipelinestore.moc"
