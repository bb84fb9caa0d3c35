#include "storage/contenthash.h"

#include "storage/objectstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>

namespace atelier {

Result<QString> hashDirectory(const QString &dir)
{
    const QDir root(dir);
    if (!root.exists())
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("atelier::ContentHash", "%1 does not exist.")
                             .arg(QDir::toNativeSeparators(dir)));
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(root.relativeFilePath(it.next()));
    files.sort();
    QCryptographicHash tree(QCryptographicHash::Sha256);
    for (const QString &file : std::as_const(files)) {
        auto content = ObjectStore::hashFile(root.filePath(file));
        if (!content)
            return content.error();
        tree.addData(file.toUtf8());
        tree.addData(QByteArrayView("\0", 1));
        tree.addData(content.value().toLatin1());
        tree.addData(QByteArrayView("\n", 1));
    }
    return QString::fromLatin1(tree.result().toHex());
}

} // namespace atelier
