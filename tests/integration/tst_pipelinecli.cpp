#include <QTest>
class TestPipelineCli : public QObject
{
    Q_OBJECT
};
QTEST_GUILESS_MAIN(TestPipelineCli)
#include "tst_pipelinecli.moc"
