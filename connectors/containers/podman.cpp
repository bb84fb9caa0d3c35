#include "containers/podman.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

/// What to do when podman itself fails: its own words are shown first.
QString podmanHint()
{
    return Podman::tr("Check podman with 'podman info'; podman reads its settings (runtime, "
                      "cgroup manager, ulimits) from containers.conf or $CONTAINERS_CONF.");
}

/// The last few lines of podman's stderr: its own explanation, without pages of progress.
QString tailOf(const QByteArray &stderrBytes)
{
    QStringList lines = QString::fromUtf8(stderrBytes).trimmed().split(u'\n', Qt::SkipEmptyParts);
    if (lines.size() > 4)
        lines = lines.mid(lines.size() - 4);
    return lines.join(u"; "_s);
}

bool notFound(const QString &message)
{
    return message.contains(u"image not known"_s) || message.contains(u"no such image"_s) ||
           message.contains(u"not found"_s) || message.contains(u"unable to find"_s);
}

QDateTime timeOf(const QJsonValue &value)
{
    if (value.isDouble())
        return QDateTime::fromSecsSinceEpoch(qint64(value.toDouble()), Qt::UTC);
    return QDateTime::fromString(value.toString().left(19), Qt::ISODate);
}

ImageInfo imageFrom(const QJsonObject &object)
{
    ImageInfo image;
    image.id = object.value(u"Id"_s).toString();
    // `podman images` fills Names (RepoTags is null there); `podman image inspect` RepoTags.
    QJsonArray names = object.value(u"RepoTags"_s).toArray();
    if (names.isEmpty())
        names = object.value(u"Names"_s).toArray();
    for (const QJsonValue &name : names)
        image.names.append(name.toString());
    image.sizeBytes = qint64(object.value(u"Size"_s).toDouble());
    image.created = timeOf(object.value(u"Created"_s));
    image.os = object.value(u"Os"_s).toString();
    image.architecture = object.value(u"Architecture"_s).toString();
    return image;
}

Status checkName(const QString &name)
{
    if (!EnvironmentSpec::isValidReference(name))
        return makeError(ErrorCode::Invalid,
                         Podman::tr("\"%1\" is not an image name; write NAME[:TAG] in lower case, "
                                    "for example localhost/base:1")
                             .arg(name));
    return {};
}

/// Whether \a tarPath was made by `podman save` / `docker save` (image layers and a manifest)
/// rather than being a root file system: the first goes to `podman load`, the second to
/// `podman import`.
bool isSavedImage(const QString &tarPath)
{
    QProcess tar;
    tar.start(u"tar"_s, {u"-tf"_s, tarPath});
    if (!tar.waitForFinished(60000))
        tar.kill();
    for (const QByteArray &entry : tar.readAllStandardOutput().split('\n')) {
        const QByteArray name = entry.startsWith("./") ? entry.mid(2) : entry;
        if (name == "manifest.json" || name == "oci-layout" || name == "index.json")
            return true;
    }
    return false;
}

} // namespace

QString Podman::program()
{
    const QString configured = qEnvironmentVariable("ATELIER_PODMAN");
    return configured.isEmpty() ? u"podman"_s : configured;
}

Status Podman::available()
{
    const QString name = program();
    const QString found =
        QFileInfo(name).isAbsolute() ? name : QStandardPaths::findExecutable(name);
    if (found.isEmpty() || !QFileInfo(found).isExecutable())
        return makeError(ErrorCode::Unsupported,
                         tr("podman is not installed here (looked for '%1'), so tasks cannot run "
                            "in images. Install it (apt-get install podman) or run the node on "
                            "the host (\"environment\": {\"image\": \"host\"}).")
                             .arg(name));
    return {};
}

Result<QByteArray> Podman::run(const QStringList &arguments, int timeoutMs)
{
    if (Status there = available(); !there)
        return there.error();
    QProcess process;
    process.setProgram(program());
    process.setArguments(arguments);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start();
    if (!process.waitForStarted(10000))
        return makeError(
            ErrorCode::Unsupported,
            tr("podman could not start: %1. %2").arg(process.errorString(), podmanHint()));
    if (!process.waitForFinished(timeoutMs > 0 ? timeoutMs : -1)) {
        process.kill();
        process.waitForFinished(2000);
        return makeError(ErrorCode::Io, tr("podman %1 did not answer within %2 s. %3")
                                            .arg(arguments.value(0))
                                            .arg(timeoutMs / 1000)
                                            .arg(podmanHint()));
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString said = tailOf(process.readAllStandardError());
        return makeError(
            notFound(said) ? ErrorCode::NotFound : ErrorCode::Io,
            tr("podman %1 failed: %2. %3")
                .arg(arguments.value(0), said.isEmpty() ? tr("no message") : said, podmanHint()));
    }
    return process.readAllStandardOutput();
}

Result<QList<ImageInfo>> Podman::listImages()
{
    auto out = run({u"images"_s, u"--format"_s, u"json"_s});
    if (!out)
        return out.error();
    QList<ImageInfo> images;
    for (const QJsonValue &value : QJsonDocument::fromJson(out.value()).array())
        images.append(imageFrom(value.toObject()));
    return images;
}

Result<ImageInfo> Podman::inspect(const QString &reference)
{
    if (Status ok = checkName(reference); !ok)
        return ok.error();
    auto out = run({u"image"_s, u"inspect"_s, u"--format"_s, u"json"_s, reference});
    if (!out && out.error().code == ErrorCode::NotFound)
        return makeError(ErrorCode::NotFound,
                         tr("There is no image \"%1\" here. 'atelier image list' shows the images; "
                            "'atelier image import' or 'atelier image build' makes one.")
                             .arg(reference));
    if (!out)
        return out.error();
    const QJsonArray array = QJsonDocument::fromJson(out.value()).array();
    if (array.isEmpty())
        return makeError(ErrorCode::NotFound, tr("There is no image \"%1\" here.").arg(reference));
    return imageFrom(array.first().toObject());
}

Result<ImageInfo> Podman::importArchive(const QString &tarPath, const QString &name)
{
    if (Status ok = checkName(name); !ok)
        return ok.error();
    if (!QFileInfo(tarPath).isFile())
        return makeError(ErrorCode::NotFound, tr("There is no file %1 to import.").arg(tarPath));
    if (isSavedImage(tarPath))
        return loadArchive(tarPath, name);
    auto out = run({u"import"_s, u"--quiet"_s, QFileInfo(tarPath).absoluteFilePath(), name}, 0);
    if (!out)
        return out.error();
    return inspect(name);
}

Result<ImageInfo> Podman::loadArchive(const QString &tarPath, const QString &name)
{
    if (Status ok = checkName(name); !ok)
        return ok.error();
    if (!QFileInfo(tarPath).isFile())
        return makeError(ErrorCode::NotFound, tr("There is no file %1 to load.").arg(tarPath));
    auto out =
        run({u"load"_s, u"--quiet"_s, u"--input"_s, QFileInfo(tarPath).absoluteFilePath()}, 0);
    if (!out)
        return out.error();
    // "Loaded image: NAME" or "Loaded image(s): ID"; tag what was loaded with the given name.
    const QString loaded = QString::fromUtf8(out.value()).trimmed().section(u'\n', -1);
    const QString what = loaded.section(u':', 1).trimmed().section(u',', 0, 0);
    if (auto tagged = run({u"tag"_s, what, name}); !tagged)
        return tagged.error();
    return inspect(name);
}

Result<ImageInfo> Podman::build(const QString &context, const QString &name)
{
    if (Status ok = checkName(name); !ok)
        return ok.error();
    const QDir dir(context);
    if (!dir.exists() || (!dir.exists(u"Containerfile"_s) && !dir.exists(u"Dockerfile"_s)))
        return makeError(
            ErrorCode::NotFound,
            tr("%1 is not a folder holding a Containerfile or Dockerfile.").arg(context));
    // No network while building, so a build never reaches out; its base must be here.
    auto out = run({u"build"_s, u"--quiet"_s, u"--network"_s, u"none"_s, u"--pull=never"_s,
                    u"--tag"_s, name, dir.absolutePath()},
                   0);
    if (!out)
        return out.error();
    return inspect(name);
}

Status Podman::remove(const QString &reference)
{
    if (Status ok = checkName(reference); !ok)
        return ok;
    if (auto image = inspect(reference); !image)
        return image.error();
    if (auto out = run({u"rmi"_s, reference}); !out)
        return out.error();
    return {};
}

Result<ImageInfo> Podman::pull(const QString &reference)
{
    if (Status ok = checkName(reference); !ok)
        return ok.error();
    auto out = run({u"pull"_s, u"--quiet"_s, reference}, 0);
    if (!out)
        return Error{out.error().code,
                     out.error().message + u' ' +
                         tr("Pulling needs a registry this machine can reach; without one, use "
                            "'atelier image import' or 'atelier image load'.")};
    return inspect(reference);
}

Status Podman::checkModules(const QString &imageId, const QStringList &modules)
{
    if (modules.isEmpty())
        return {};
    // Module names are argv elements, never code: the fixed snippet imports each by name.
    QStringList arguments{
        u"run"_s,
        u"--rm"_s,
        u"--network"_s,
        u"none"_s,
        imageId,
        u"python3"_s,
        u"-c"_s,
        u"import importlib, sys\nfor m in sys.argv[1:]: importlib.import_module(m)"_s};
    arguments += modules;
    auto out = run(arguments);
    if (!out)
        return makeError(ErrorCode::Unsupported,
                         tr("python3 in image %1 cannot import %2: %3. Build an image that has "
                            "them (atelier image build).")
                             .arg(imageId.left(12), modules.join(u", "_s), out.error().message));
    return {};
}

Result<QString> Podman::resolve(const QString &reference, const QStringList &modules)
{
    auto image = inspect(reference);
    if (!image)
        return image.error();
    if (Status imports = checkModules(image.value().id, modules); !imports)
        return imports.error();
    return image.value().id;
}

} // namespace atelier
