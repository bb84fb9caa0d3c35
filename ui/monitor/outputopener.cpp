#include "monitor/outputopener.h"

#include <QCryptographicHash>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPointer>
#include <QProcess>
#include <QStandardPaths>
#include <QUrl>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

void showError(QWidget *parent, const QString &path, const QString &reason)
{
    if (!parent)
        return;
    QMessageBox::warning(parent, OutputOpener::tr("Cannot show the notebook"),
                         OutputOpener::tr("%1 could not be rendered as HTML: %2")
                             .arg(QDir::toNativeSeparators(path), reason));
}

} // namespace

QString OutputOpener::renderedPath(const QString &notebookPath)
{
    // One cache file per notebook path and version (size and time): a rerun's new notebook
    // renders again, an unchanged one opens at once.
    const QFileInfo info(notebookPath);
    const QByteArray identity = info.absoluteFilePath().toUtf8() + '\n' +
                                QByteArray::number(info.size()) + '\n' +
                                QByteArray::number(info.lastModified().toMSecsSinceEpoch());
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(identity, QCryptographicHash::Sha1).toHex().left(16));
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    return QDir(cache).filePath(u"notebooks/"_s + info.completeBaseName() + u'-' + hash +
                                u".html"_s);
}

void OutputOpener::open(QWidget *parent, const QString &path)
{
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().compare(u"ipynb"_s, Qt::CaseInsensitive) != 0) {
        QDesktopServices::openUrl(QUrl::fromLocalFile(path));
        return;
    }
    const QString html = renderedPath(path);
    if (QFileInfo::exists(html)) {
        QDesktopServices::openUrl(QUrl::fromLocalFile(html));
        return;
    }
    const QFileInfo target(html);
    if (!QDir().mkpath(target.absolutePath())) {
        showError(parent, path, tr("cannot create %1").arg(target.absolutePath()));
        return;
    }
    // Rendering takes a second or two (nbconvert's start-up): never on the GUI thread.
    auto *process = new QProcess(parent);
    process->setProcessChannelMode(QProcess::MergedChannels);
    const QPointer<QWidget> guard(parent);
    QObject::connect(process, &QProcess::errorOccurred, process,
                     [process, guard, path](QProcess::ProcessError error) {
                         if (error != QProcess::FailedToStart)
                             return;
                         showError(guard, path,
                                   tr("the jupyter command was not found (Debian package: "
                                      "jupyter-nbconvert)."));
                         process->deleteLater();
                     });
    QObject::connect(process, &QProcess::finished, process,
                     [process, guard, path, html](int code, QProcess::ExitStatus status) {
                         process->deleteLater();
                         if (status == QProcess::NormalExit && code == 0 &&
                             QFileInfo::exists(html)) {
                             QDesktopServices::openUrl(QUrl::fromLocalFile(html));
                             return;
                         }
                         const QStringList lines =
                             QString::fromUtf8(process->readAll()).trimmed().split(u'\n');
                         showError(guard, path,
                                   lines.isEmpty() || lines.last().isEmpty()
                                       ? tr("jupyter nbconvert exited with code %1").arg(code)
                                       : lines.last());
                     });
    process->start(u"jupyter"_s, {u"nbconvert"_s, u"--to"_s, u"html"_s, u"--output-dir"_s,
                                  target.absolutePath(), u"--output"_s, target.completeBaseName(),
                                  path});
}

} // namespace atelier
