#include "local/localmachine.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace atelier;

/// Puts a script called nvidia-smi first on PATH for the length of a test: a real process.
class FakeSmi
{
public:
    explicit FakeSmi(const QByteArray &body) : m_oldPath(qgetenv("PATH"))
    {
        const QString script = m_dir.filePath(u"nvidia-smi"_s);
        QFile file(script);
        if (file.open(QIODevice::WriteOnly))
            file.write("#!/bin/sh\n" + body + "\n");
        file.close();
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        qputenv("PATH", QFile::encodeName(m_dir.path()) + ":" + m_oldPath);
    }
    ~FakeSmi() { qputenv("PATH", m_oldPath); }

private:
    QTemporaryDir m_dir;
    QByteArray m_oldPath;
};

class TestLocalMachine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesGpuList()
    {
        const auto gpus = LocalMachine::parseGpuList("0, NVIDIA H100 80GB HBM3, 81559\n"
                                                     "1, NVIDIA RTX A4000, 16376\n"
                                                     "garbage line\n");
        QCOMPARE(gpus.size(), 2);
        QCOMPARE(gpus[0].name, u"NVIDIA H100 80GB HBM3"_s);
        QCOMPARE(gpus[0].memoryMiB, qint64(81559));
        QCOMPARE(gpus[1].index, 1);
    }

    void parsesMemTotal()
    {
        QCOMPARE(LocalMachine::parseMemTotal("MemFree: 5 kB\nMemTotal:       16384 kB\n"),
                 qint64(16384) * 1024);
        QCOMPARE(LocalMachine::parseMemTotal("nothing here"), qint64(0));
    }

    void probesThisMachine()
    {
        const MachineResources machine = LocalMachine::probe();
        QVERIFY(machine.cpus > 0);
        QFile meminfo(u"/proc/meminfo"_s);
        QVERIFY(meminfo.open(QIODevice::ReadOnly));
        QCOMPARE(machine.memoryBytes, LocalMachine::parseMemTotal(meminfo.readAll()));
    }

    void listsGpusFromTheDriverTool()
    {
        FakeSmi smi("echo '0, Test GPU, 24576'");
        const MachineResources machine = LocalMachine::probe();
        QCOMPARE(machine.gpus.size(), 1);
        QCOMPARE(machine.gpus[0].name, u"Test GPU"_s);
        QVERIFY(machine.gpuError.isEmpty());
    }

    void reportsAFailingDriverTool()
    {
        FakeSmi smi("echo 'NVIDIA-SMI has failed because it could not communicate' >&2; exit 9");
        const MachineResources machine = LocalMachine::probe();
        QVERIFY(machine.gpus.isEmpty());
        QVERIFY(machine.gpuError.contains(u"exit 9"_s));
        QVERIFY(machine.gpuError.contains(u"could not communicate"_s));
    }

    void stopsWaitingForAHungDriverTool()
    {
        FakeSmi smi("sleep 20");
        QElapsedTimer timer;
        timer.start();
        const MachineResources machine = LocalMachine::probe(500);
        QVERIFY(timer.elapsed() < 5000);
        QVERIFY(machine.gpus.isEmpty());
        QVERIFY(!machine.gpuError.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLocalMachine)
#include "tst_localmachine.moc"
