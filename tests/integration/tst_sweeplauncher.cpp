// Starting a sweep through SweepLauncher, as `atelier sweep run` and `resume` do: what is
// refused before any trial (an unknown pipeline, a pool that does not exist), and a start the
// runner refuses is recorded as the sweep's failed status, with why. No trial runs here.
#include "core/workspace.h"
#include "launch/sweeplauncher.h"
#include "pipeline/pipelinestore.h"
#include "sweeps/sweeprunner.h"
#include "sweeps/sweepstore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace atelier;

class TestSweepLauncher : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;

    /// A sweep of the saved pipeline "shell-one" whose space names a node it lacks.
    SweepConfig config() const
    {
        SweepConfig config;
        config.name = u"s1"_s;
        config.pipeline = u"shell-one"_s;
        config.params = {SweepConfig::parseParam(u"ghost.x=float(0,1)"_s).value()};
        config.objectiveNode = u"a"_s;
        config.objectiveMetric = u"loss"_s;
        config.direction = u"minimize"_s;
        config.trials = 2;
        return config;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto created = Workspace::create(
            m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction())), {});
        QVERIFY2(created, created ? "" : qPrintable(created.error().message));
        m_workspace = std::make_unique<Workspace>(std::move(created).value());
        PipelineDocument doc;
        doc.name = u"Shell one"_s;
        doc.nodes.append(
            NodeSpec{u"a"_s, {}, u"shell"_s, {{u"script"_s, u"true"_s}}, {}, 0, 0, false, {}, {}});
        QVERIFY(
            PipelineStore(m_workspace->root()).save(doc, u"Add"_s, {u"t"_s, u"t@example.com"_s}));
    }
    void cleanup() { m_workspace.reset(); }

    void refusesAnUnknownPipeline()
    {
        SweepConfig c = config();
        c.pipeline = u"no-such-pipeline"_s;
        SweepLauncher launcher(*m_workspace, u"/bin/true"_s);
        QVERIFY(!launcher.prepare(c));
        QVERIFY(!launcher.runner());
        QVERIFY(!launcher.start());
    }

    void refusesAPoolThatDoesNotExist()
    {
        SweepConfig c = config();
        c.pool = u"nowhere"_s;
        SweepLauncher launcher(*m_workspace, u"/bin/true"_s);
        const Status prepared = launcher.prepare(c);
        QVERIFY(!prepared);
        QVERIFY2(prepared.error().message.contains(u"nowhere"_s),
                 qPrintable(prepared.error().message));
        QVERIFY(!launcher.runner());
    }

    void recordsARefusedStart()
    {
        const SweepConfig c = config();
        SweepStore store(m_workspace->root());
        QVERIFY(store.create(c));
        SweepLauncher launcher(*m_workspace, u"/bin/true"_s);
        QVERIFY(launcher.prepare(c));
        QVERIFY(launcher.runner());
        QCOMPARE(launcher.pipeline().key, u"shell-one"_s);
        const Status started = launcher.start(); // the space names node "ghost"
        QVERIFY(!started);
        const SweepStatus status = store.status(c.name);
        QCOMPARE(status.state, u"failed"_s);
        QCOMPARE(status.message, started.error().message);
    }
};

QTEST_GUILESS_MAIN(TestSweepLauncher)
#include "tst_sweeplauncher.moc"
