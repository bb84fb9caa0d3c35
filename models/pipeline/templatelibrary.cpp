#include "pipeline/templatelibrary.h"

#include "core/installpaths.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>
#include <optional>
#include <utility>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

// The newest version of one template.
const TemplateSpec &newest(const QMap<QString, TemplateSpec> &versions)
{
    auto best = versions.cbegin();
    for (auto it = versions.cbegin(); it != versions.cend(); ++it) {
        if (TemplateSpec::compareVersions(it.key(), best.key()) > 0)
            best = it;
    }
    return best.value();
}

QStringList sortedVersions(const QMap<QString, TemplateSpec> &versions)
{
    QStringList result = versions.keys();
    std::sort(result.begin(), result.end(), [](const QString &a, const QString &b) {
        return TemplateSpec::compareVersions(a, b) < 0;
    });
    return result;
}

bool isInside(const QString &path, const QStringList &roots)
{
    if (path.isEmpty()) // a dangling link: it may point anywhere later
        return false;
    return std::any_of(roots.cbegin(), roots.cend(), [&](const QString &root) {
        return !root.isEmpty() &&
               (path == root || path.startsWith(root.endsWith(u'/') ? root : root + u'/'));
    });
}

/// The first entry of \a folder (itself included) whose real path lies outside \a roots, with
/// that real path ("" when it leads nowhere); nullopt when everything is inside.
std::optional<std::pair<QString, QString>> outsideEntry(const QString &folder,
                                                        const QStringList &roots)
{
    const QString real = QFileInfo(folder).canonicalFilePath();
    if (!isInside(real, roots))
        return std::pair{folder, real};
    // Links are not followed here, but each one's target is checked.
    QDirIterator it(folder, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo entry = it.nextFileInfo();
        const QString target = entry.canonicalFilePath();
        if (!isInside(target, roots))
            return std::pair{entry.absoluteFilePath(), target};
    }
    return std::nullopt;
}

} // namespace

void TemplateLibrary::addDirectory(const QString &dir, const QStringList &trustedRoots)
{
    const QDir root(dir);
    if (!root.exists()) {
        m_errors.append(makeError(ErrorCode::NotFound,
                                  tr("template folder %1 does not exist")
                                      .arg(QDir::toNativeSeparators(root.absolutePath()))));
        return;
    }
    auto refuseOutside = [&](const QString &folder, const std::pair<QString, QString> &outside) {
        const QString where = outside.second.isEmpty() ? tr("a link that leads nowhere")
                                                       : QDir::toNativeSeparators(outside.second);
        m_errors.append(makeError(
            ErrorCode::Invalid,
            tr("template folder %1 is not used: %2 is %3, outside the workspace and the "
               "installed templates (%4). Copy the templates into the workspace instead of "
               "linking to them.")
                .arg(QDir::toNativeSeparators(folder), QDir::toNativeSeparators(outside.first),
                     where, trustedRoots.join(u", "_s))));
    };
    if (!trustedRoots.isEmpty()) {
        const QString real = QFileInfo(root.absolutePath()).canonicalFilePath();
        if (!isInside(real, trustedRoots)) {
            refuseOutside(root.absolutePath(), {root.absolutePath(), real});
            return;
        }
    }
    const QStringList folders = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &folder : folders) {
        const QString path = root.filePath(folder + u"/template.json"_s);
        if (!QFileInfo::exists(path))
            continue;
        if (!trustedRoots.isEmpty()) {
            if (auto outside = outsideEntry(root.filePath(folder), trustedRoots)) {
                refuseOutside(root.filePath(folder), *outside);
                continue;
            }
        }
        Result<TemplateSpec> spec = TemplateSpec::load(path);
        if (!spec) {
            m_errors.append(spec.error());
            continue;
        }
        QMap<QString, TemplateSpec> &versions = m_templates[spec->id];
        const auto existing = versions.constFind(spec->version);
        if (existing != versions.cend()) {
            // The first one wins; the second is reported, not silently dropped.
            m_errors.append(makeError(
                ErrorCode::Conflict,
                tr("%1/template.json: template %2 is already defined in %3")
                    .arg(folder, spec->ref(), QDir::toNativeSeparators(existing->directory))));
            continue;
        }
        versions.insert(spec->version, std::move(spec).value());
    }
}

Result<TemplateSpec> TemplateLibrary::resolve(const QString &ref) const
{
    const qsizetype at = ref.indexOf(u'@');
    const QString id = at < 0 ? ref : ref.left(at);
    const QString version = at < 0 ? QString() : ref.mid(at + 1);
    const auto found = m_templates.constFind(id);
    if (found == m_templates.cend() || found->isEmpty())
        return makeError(ErrorCode::NotFound, tr("unknown template '%1'").arg(id));
    if (at < 0)
        return newest(*found);
    const auto exact = found->constFind(version);
    if (exact == found->cend()) {
        return makeError(ErrorCode::NotFound,
                         tr("template %1 has no version %2 (available: %3)")
                             .arg(id, version, sortedVersions(*found).join(u", "_s)));
    }
    return exact.value();
}

QList<TemplateSpec> TemplateLibrary::latest() const
{
    QList<TemplateSpec> result;
    for (const auto &versions : m_templates) {
        if (!versions.isEmpty())
            result.append(newest(versions));
    }
    std::sort(result.begin(), result.end(), [](const TemplateSpec &a, const TemplateSpec &b) {
        const int byCategory = QString::localeAwareCompare(a.category, b.category);
        if (byCategory != 0)
            return byCategory < 0;
        const int byName = QString::localeAwareCompare(a.name, b.name);
        if (byName != 0)
            return byName < 0;
        return a.id < b.id;
    });
    return result;
}

QList<TemplateSpec> TemplateLibrary::all() const
{
    QList<TemplateSpec> result;
    for (const auto &versions : m_templates) {
        for (const QString &version : sortedVersions(versions))
            result.append(versions.value(version));
    }
    return result;
}

QString TemplateLibrary::builtinDirectory()
{
    return InstallPaths::templatesDir();
}

TemplateLibrary TemplateLibrary::forWorkspace(const QString &workspaceRoot)
{
    TemplateLibrary library;
    const QString builtin = builtinDirectory();
    library.addDirectory(builtin);
    if (!workspaceRoot.isEmpty()) {
        const QString own = QDir(workspaceRoot).filePath(u"repo/templates"_s);
        // Real paths: the workspace itself may be reached through a link.
        const QStringList trusted{QFileInfo(workspaceRoot).canonicalFilePath(),
                                  QFileInfo(builtin).canonicalFilePath()};
        if (QFileInfo(own).isDir())
            library.addDirectory(own, trusted);
    }
    return library;
}

} // namespace atelier
