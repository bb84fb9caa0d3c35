#include "datasets/imageprobe.h"

#include <QFile>
#include <QFileInfo>
#include <QImageReader>

using namespace Qt::StringLiterals;

namespace atelier {

Result<ImageProbe> ImageProbe::read(const QString &file)
{
    QImageReader reader(file);
    reader.setDecideFormatFromContent(true);
    const QSize size = reader.size();
    if (!reader.canRead() || !size.isValid() || size.isEmpty()) {
        QString why = tr("the file does not exist");
        if (QFileInfo(file).isFile()) {
            why = reader.error() == QImageReader::UnknownError
                      ? tr("damaged, or not in a supported image format")
                      : reader.errorString();
        }
        return makeError(ErrorCode::Invalid, tr("not a readable image (%1)").arg(why));
    }
    ImageProbe probe{size.width(), size.height(), QString::fromLatin1(reader.format())};
    // The header alone does not show a cut-off file: PNG ends with IEND, JPEG with EOI.
    if (probe.format == u"png"_s || probe.format == u"jpeg"_s || probe.format == u"jpg"_s) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Io, tr("cannot read the file: %1").arg(f.errorString()));
        const qint64 tail = qMin<qint64>(f.size(), 64);
        f.seek(f.size() - tail);
        const QByteArray end = f.read(tail);
        const bool complete =
            probe.format == u"png"_s ? end.contains("IEND") : end.contains("\xff\xd9");
        if (!complete)
            return makeError(ErrorCode::Invalid,
                             tr("the image is truncated (its end marker is missing)"));
    }
    return probe;
}

} // namespace atelier
