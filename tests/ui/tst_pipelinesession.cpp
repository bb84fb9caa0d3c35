// The Pipelines view's session without its widgets: listing, saving (and the refusals that
// drop a pending run), the run asked for before a save, restoring, and answers of a
// workspace left meanwhile, over a real git repository in a temporary folder.
#include "canvas/pipelinesession.h"
#include "pipeline/graphmodel.h"
#include "pipeline/pipelinestore.h"
#include "versioning/gitrepository.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

PipelineDocument named(const QString &name)
{
    PipelineDocument doc;
    doc.name = name;
    NodeSpec split;
    split.id = u"split"_s;
    split.templateRef = u"table-split@1.0"_s;
    doc.nodes = {split};
    return doc;
}

} // namespace

class TestPipelineSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void savesAndLists();
    void refusalsDropThePendingRun();
    void runsOnceSaved();
    void restoresAndReopens();
    void dropsAnswersOfALeftWorkspace();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<GraphModel> m_model;
    std::unique_ptr<PipelineSession> m_session;
    QString m_root;

    QString saveAs(const QString &message);
};

void TestPipelineSession::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_root = m_dir->path();
    QVERIFY(GitRepository::init(QDir(m_root).filePath(u"repo"_s)).ok());
    m_model = std::make_unique<GraphModel>();
    m_session = std::make_unique<PipelineSession>(m_model.get());
    QVERIFY(m_session->setWorkspace(m_root));
    QVERIFY(!m_session->setWorkspace(m_root)); // the same one again: nothing changes
}

QString TestPipelineSession::saveAs(const QString &message)
{
    QSignalSpy saved(m_session.get(), &PipelineSession::saved);
    QSignalSpy failed(m_session.get(), &PipelineSession::failed);
    m_session->save(message);
    if (!saved.wait(20000) || !failed.isEmpty())
        return {};
    return saved.constFirst().at(0).toString();
}

void TestPipelineSession::savesAndLists()
{
    m_model->setDocument(named(u"Shapes"_s));
    QVERIFY(m_session->slug().isEmpty());
    QVERIFY(m_session->isModified()); // new, never saved

    QSignalSpy busy(m_session.get(), &PipelineSession::busyChanged);
    QSignalSpy saved(m_session.get(), &PipelineSession::saved);
    m_session->save(u"First"_s);
    QVERIFY(m_session->isBusy());
    QVERIFY(saved.wait(20000));
    QVERIFY(!m_session->isBusy());
    QCOMPARE(busy.size(), 2);
    QCOMPARE(busy.at(0).at(0).toBool(), true);
    QCOMPARE(busy.at(1).at(0).toBool(), false);
    QCOMPARE(saved.constFirst().at(1).toBool(), true); // a slug not saved before
    QCOMPARE(m_session->slug(), u"shapes"_s);
    QCOMPARE(m_session->slugs(), QStringList{u"shapes"_s});
    QVERIFY(!m_session->isModified());
    QCOMPARE(PipelineStore(m_root).list(), QStringList{u"shapes"_s});

    // Saved again under the same name: not added twice.
    QVERIFY(m_model->setValue(QString(), u"description"_s, u"Splits"_s).ok());
    QVERIFY(m_session->isModified());
    saved.clear();
    m_session->save(u"Second"_s);
    QVERIFY(saved.wait(20000));
    QCOMPARE(saved.constFirst().at(1).toBool(), false);
    QCOMPARE(m_session->slugs(), QStringList{u"shapes"_s});

    // A fresh session lists what is on disk and remembers the pipeline last used.
    GraphModel other;
    PipelineSession listing(&other);
    listing.setWorkspace(m_root);
    QCOMPARE(listing.rememberedSlug(), u"shapes"_s);
    QSignalSpy listed(&listing, &PipelineSession::listed);
    listing.list();
    QTRY_VERIFY_WITH_TIMEOUT(!listing.isBusy(), 20000);
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listing.slugs(), QStringList{u"shapes"_s});
}

void TestPipelineSession::refusalsDropThePendingRun()
{
    m_model->setDocument(named(u"Shapes"_s));
    QSignalSpy failed(m_session.get(), &PipelineSession::failed);
    QSignalSpy ready(m_session.get(), &PipelineSession::runReady);

    m_session->setPendingRun({RunController::Mode::All, {}});
    m_session->save(u"   "_s);
    QCOMPARE(failed.size(), 1);
    QVERIFY(!m_session->pendingRun());

    // A name taken by another saved pipeline.
    QVERIFY(!saveAs(u"First"_s).isEmpty());
    GraphModel otherModel;
    otherModel.setDocument(named(u"Other"_s));
    PipelineSession other(&otherModel);
    other.setWorkspace(m_root);
    QSignalSpy otherSaved(&other, &PipelineSession::saved);
    other.save(u"Other's first"_s);
    QVERIFY(otherSaved.wait(20000));
    QSignalSpy listed(m_session.get(), &PipelineSession::listed);
    m_session->list();
    QVERIFY(listed.wait(20000));
    QVERIFY(m_session->isTaken(u"other"_s));
    QVERIFY(m_model->setValue(QString(), u"name"_s, u"Other"_s).ok());
    m_session->setPendingRun({RunController::Mode::All, {}});
    failed.clear();
    m_session->save(u"Rename"_s);
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.constFirst().at(0).toString().contains(u"other"_s));
    QVERIFY(!m_session->pendingRun());
    QTest::qWait(50);
    QVERIFY(ready.isEmpty());
}

void TestPipelineSession::runsOnceSaved()
{
    m_model->setDocument(named(u"Shapes"_s));
    QSignalSpy ready(m_session.get(), &PipelineSession::runReady);
    m_session->setPendingRun({RunController::Mode::Only, u"split"_s});
    QVERIFY(!saveAs(u"Before a run"_s).isEmpty());
    QCOMPARE(ready.size(), 1);
    QCOMPARE(ready.constFirst().at(0).toString(), u"shapes"_s);
    const auto run = ready.constFirst().at(1).value<PipelineSession::PendingRun>();
    QCOMPARE(run.node, u"split"_s);
    QVERIFY(run.mode == RunController::Mode::Only);
    QVERIFY(!m_session->pendingRun());
}

void TestPipelineSession::restoresAndReopens()
{
    m_model->setDocument(named(u"Shapes"_s));
    const QString first = saveAs(u"First"_s);
    QVERIFY(!first.isEmpty());
    QVERIFY(m_model->setValue(QString(), u"description"_s, u"Splits"_s).ok());
    const QString second = saveAs(u"Second"_s);
    QVERIFY(!second.isEmpty() && second != first);

    QSignalSpy restored(m_session.get(), &PipelineSession::restored);
    QSignalSpy opened(m_session.get(), &PipelineSession::opened);
    m_session->restore(first);
    QVERIFY(restored.wait(20000));
    QCOMPARE(restored.constFirst().at(1).toString(), first);
    QVERIFY(m_session->isBusy()); // reopening the restored version
    QVERIFY(opened.wait(20000));
    QCOMPARE(opened.constFirst().at(0).toString(), u"shapes"_s);
    const auto doc = opened.constFirst().at(1).value<PipelineSession::Opened>().doc;
    QVERIFY(doc.description.isEmpty()); // as first saved
    QVERIFY(!m_session->isBusy());
}

void TestPipelineSession::dropsAnswersOfALeftWorkspace()
{
    m_model->setDocument(named(u"Shapes"_s));
    QSignalSpy saved(m_session.get(), &PipelineSession::saved);
    m_session->save(u"First"_s);
    QTemporaryDir elsewhere;
    QVERIFY(m_session->setWorkspace(elsewhere.path()));
    QTRY_VERIFY_WITH_TIMEOUT(!m_session->isBusy(), 20000);
    QVERIFY(saved.isEmpty());
    QVERIFY(m_session->slugs().isEmpty());
    QVERIFY(m_session->slug().isEmpty());
}

QTEST_GUILESS_MAIN(TestPipelineSession)
#include "tst_pipelinesession.moc"
