#include "datasets/textnormalize.h"

#include <QCryptographicHash>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace atelier {

QString normalizeText(const QString &text)
{
    QString n = text.normalized(QString::NormalizationForm_C);
    // Most texts have single spaces and no blank at either end: no regular expression then
    // (it dominates a large import).
    bool previousBlank = true;
    bool simple = !n.isEmpty();
    for (const QChar c : std::as_const(n)) {
        const bool blank = c.isSpace() || c.unicode() == 0x180e;
        if (blank && (c.unicode() != u' ' || previousBlank)) {
            simple = false;
            break;
        }
        previousBlank = blank;
    }
    if (simple && !previousBlank)
        return n;
    static const QRegularExpression blanks(u"\\s+"_s);
    n.replace(blanks, u" "_s);
    return n.trimmed();
}

QByteArray textDedupHash(const QString &text, const QString &textB)
{
    QByteArray data = normalizeText(text).toUtf8();
    if (!textB.isEmpty())
        data += '\x1f' + normalizeText(textB).toUtf8();
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

QString textDedupKey(const QString &text, const QString &textB)
{
    return QString::fromLatin1(textDedupHash(text, textB).toHex());
}

} // namespace atelier
