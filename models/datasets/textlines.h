#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace atelier::textlines {

// Byte-level helpers shared by the text readers (TextCodec, ConllCodec); not public API.

/// True when [data, data + size) is well-formed UTF-8 (no overlongs, no surrogates).
inline bool validUtf8(const char *data, qsizetype size)
{
    const auto *p = reinterpret_cast<const unsigned char *>(data);
    const auto *end = p + size;
    while (p < end) {
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int extra = 0;
        char32_t cp = 0;
        if ((c & 0xe0) == 0xc0) {
            extra = 1;
            cp = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            extra = 2;
            cp = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (end - p <= extra)
            return false;
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xc0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3f);
        }
        static constexpr char32_t minimum[] = {0, 0x80, 0x800, 0x10000};
        if (cp < minimum[extra] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        p += extra + 1;
    }
    return true;
}

/// Calls \a line(bytes, lineNumber) for every line of \a data (without '\n' or '\r\n', a
/// leading BOM skipped); stops when it returns false.
template <typename F> bool forEachLine(const QByteArray &data, F &&line)
{
    qsizetype pos = 0;
    qint64 number = 0;
    if (data.startsWith("\xef\xbb\xbf"))
        pos = 3;
    while (pos < data.size()) {
        qsizetype nl = data.indexOf('\n', pos);
        if (nl < 0)
            nl = data.size();
        qsizetype len = nl - pos;
        if (len > 0 && data.at(pos + len - 1) == '\r')
            --len;
        ++number;
        if (!line(QByteArrayView(data.constData() + pos, len), number))
            return false;
        pos = nl + 1;
    }
    return true;
}

/// Han, kana and hangul: written without blanks between words.
inline bool isCjk(char32_t c)
{
    return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) ||
           (c >= 0x20000 && c <= 0x2ebef) || (c >= 0xf900 && c <= 0xfaff) ||
           (c >= 0x3040 && c <= 0x30ff) || // kana
           (c >= 0xac00 && c <= 0xd7af);   // hangul syllables
}

} // namespace atelier::textlines
