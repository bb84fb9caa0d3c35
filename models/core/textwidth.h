#pragma once

#include <QString>
#include <QStringView>

namespace atelier {

/// How many terminal columns \a text takes: East Asian wide and fullwidth characters (CJK,
/// Hangul, fullwidth forms, most emoji) take two, combining marks and zero-width characters
/// none, everything else one. What a terminal does, so that command-line tables line up
/// with Chinese labels and translated headers.
int terminalWidth(QStringView text);

/// \a text padded with spaces after it (or before it, \a alignRight) to \a columns terminal
/// columns; longer text is returned whole, as QString::leftJustified does.
QString padToWidth(const QString &text, int columns, bool alignRight = false);

} // namespace atelier
