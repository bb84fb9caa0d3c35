#pragma once

#include <QByteArray>
#include <QString>

namespace atelier {

/// Unicode NFC, line ends as '\n', runs of blanks as one space, trimmed: the form in which
/// text items are compared.
QString normalizeText(const QString &text);
/// The de-duplication key of a text item: SHA-256 hex of the normalised text(s).
QString textDedupKey(const QString &text, const QString &textB = {});
/// The same SHA-256 as 32 raw bytes (what a bulk import keeps in memory).
QByteArray textDedupHash(const QString &text, const QString &textB = {});

} // namespace atelier
