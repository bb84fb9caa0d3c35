#include "sweeps/sweepdriver.h"

#include "core/installpaths.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

constexpr int kAnswerTimeoutMs = 120000; // the first request imports Optuna and makes the tables

} // namespace

SweepDriver::~SweepDriver()
{
    close();
}

QString SweepDriver::scriptPath()
{
    return QDir(InstallPaths::sweepsDir()).filePath(u"sweep_driver.py"_s);
}

Status SweepDriver::start()
{
    const QString script = scriptPath();
    if (!QFileInfo(script).isFile())
        return makeError(ErrorCode::NotFound,
                         tr("The sweep helper %1 is missing; reinstall Atelier or set "
                            "ATELIER_SWEEPS_DIR to its folder.")
                             .arg(script));
    // Debian's python3-optuna serves /usr/bin/python3, so it is asked first: each probe
    // imports Optuna (most of a second), and the helper itself is the probe.
    QStringList tried;
    for (const QString &python : {u"/usr/bin/python3"_s, u"python3"_s}) {
        m_process.setProgram(python);
        m_process.setArguments({u"-u"_s, script});
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start();
        if (m_process.waitForStarted(30000)) {
            auto hello = request({{u"op"_s, u"hello"_s}});
            if (hello)
                return {};
            tried.append(python + u" ("_s + hello.error().message + u')');
        } else {
            tried.append(python + u" ("_s + m_process.errorString() + u')');
        }
        close();
        m_buffer.clear();
    }
    return makeError(ErrorCode::NotFound,
                     tr("Sweeps need Optuna, and no Python here has it: %1. Install the Debian "
                        "package python3-optuna (or 'pip install optuna').")
                         .arg(tried.join(u"; "_s)));
}

Result<QByteArray> SweepDriver::readAnswer(const QString &op)
{
    qsizetype end = -1;
    // What the event loop already took in first (a posted request's answer arrives while
    // Atelier waits for a trial), then wait for more.
    m_buffer += m_process.readAllStandardOutput();
    while ((end = m_buffer.indexOf('\n')) < 0) {
        if (!m_process.waitForReadyRead(kAnswerTimeoutMs) && m_process.bytesAvailable() == 0) {
            const QString why = QString::fromUtf8(m_process.readAllStandardError()).trimmed();
            return makeError(ErrorCode::Internal,
                             tr("The sweep helper gave no answer to \"%1\"%2")
                                 .arg(op, why.isEmpty() ? u"."_s : u": "_s + why.right(800)));
        }
        m_buffer += m_process.readAllStandardOutput();
    }
    const QByteArray line = m_buffer.left(end);
    m_buffer.remove(0, end + 1);
    return line;
}

void SweepDriver::post(const QJsonObject &request)
{
    if (m_process.state() != QProcess::Running)
        return;
    m_process.write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
    m_process.waitForBytesWritten(1000); // to the helper now, not when the event loop runs
    ++m_unanswered;
}

Result<QJsonObject> SweepDriver::request(const QJsonObject &request)
{
    if (m_process.state() != QProcess::Running)
        return makeError(ErrorCode::Internal, tr("The sweep helper is not running."));
    const QString op = request.value(u"op"_s).toString();
    // Answers to posted requests come first, in order; they are not waited for elsewhere.
    for (; m_unanswered > 0; --m_unanswered) {
        if (auto skipped = readAnswer(op); !skipped) {
            m_unanswered = 0;
            return skipped.error();
        }
    }
    m_process.write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
    auto line = readAnswer(op);
    if (!line)
        return line.error();
    QJsonObject answer = QJsonDocument::fromJson(line.value()).object();
    if (!answer.value(u"ok"_s).toBool())
        return makeError(
            ErrorCode::Internal,
            tr("Optuna refused \"%1\": %2")
                .arg(op, answer.value(u"error"_s).toString(QString::fromUtf8(line.value()))));
    answer.remove(u"ok"_s);
    return answer;
}

void SweepDriver::close()
{
    m_unanswered = 0;
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.closeWriteChannel();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

} // namespace atelier
