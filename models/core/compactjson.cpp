#include "core/compactjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <charconv>
#include <cmath>

namespace atelier {

namespace {

char hexDigit(uint u)
{
    return char(u < 10 ? '0' + u : 'a' + u - 10);
}

/// \a s quoted and escaped as QJsonDocument does (", \, control characters; the rest as
/// UTF-8). False for a string with a lone surrogate, which QJsonDocument writes its own way.
bool appendString(QByteArray &out, const QString &s)
{
    out += '"';
    const char16_t *p = reinterpret_cast<const char16_t *>(s.utf16());
    const char16_t *const end = p + s.size();
    while (p != end) {
        // The plain ASCII run up to the next character that needs care, in one append.
        const char16_t *run = p;
        while (p != end && *p >= 0x20 && *p < 0x80 && *p != u'"' && *p != u'\\')
            ++p;
        if (p != run) {
            const qsizetype at = out.size();
            out.resize(at + (p - run));
            char *d = out.data() + at;
            for (const char16_t *c = run; c != p; ++c)
                *d++ = char(*c);
        }
        if (p == end)
            break;
        const char16_t u = *p;
        if (u < 0x80) {
            out += '\\';
            switch (u) {
            case u'"':
                out += '"';
                break;
            case u'\\':
                out += '\\';
                break;
            case 0x08:
                out += 'b';
                break;
            case 0x0c:
                out += 'f';
                break;
            case 0x0a:
                out += 'n';
                break;
            case 0x0d:
                out += 'r';
                break;
            case 0x09:
                out += 't';
                break;
            default:
                out += "u00";
                out += hexDigit(u >> 4);
                out += hexDigit(u & 0xf);
            }
            ++p;
            continue;
        }
        // Non-ASCII: the run up to the next ASCII character, as UTF-8.
        const char16_t *wide = p;
        while (p != end && *p >= 0x80)
            ++p;
        const QStringView part(wide, p - wide);
        for (const QChar c : part) {
            if (c.isSurrogate()) {
                // Well-formed pairs are fine, lone ones are QJsonDocument's to write.
                const qsizetype i = &c - part.data();
                const bool paired = c.isHighSurrogate()
                                        ? i + 1 < part.size() && part[i + 1].isLowSurrogate()
                                        : i > 0 && part[i - 1].isHighSurrogate();
                if (!paired)
                    return false;
            }
        }
        out += part.toUtf8();
    }
    out += '"';
    return true;
}

bool appendValue(QByteArray &out, const QJsonValue &v);

bool appendArray(QByteArray &out, const QJsonArray &array)
{
    out += '[';
    bool first = true;
    for (const QJsonValueConstRef v : array) {
        if (!first)
            out += ',';
        first = false;
        if (!appendValue(out, v))
            return false;
    }
    out += ']';
    return true;
}

bool appendObject(QByteArray &out, const QJsonObject &object)
{
    out += '{';
    bool first = true;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!first)
            out += ',';
        first = false;
        if (!appendString(out, it.key()))
            return false;
        out += ':';
        if (!appendValue(out, it.value()))
            return false;
    }
    out += '}';
    return true;
}

bool appendValue(QByteArray &out, const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        out += "null";
        return true;
    case QJsonValue::Bool:
        out += v.toBool() ? "true" : "false";
        return true;
    case QJsonValue::Double:
        return appendJsonNumber(out, v.toDouble());
    case QJsonValue::String:
        return appendString(out, v.toString());
    case QJsonValue::Array:
        return appendArray(out, v.toArray());
    case QJsonValue::Object:
        return appendObject(out, v.toObject());
    case QJsonValue::Undefined:
        return false;
    }
    return false;
}

} // namespace

bool appendJsonNumber(QByteArray &out, double v)
{
    constexpr double kExactInteger = 4503599627370496.0; // 2^52
    if (!(std::abs(v) < kExactInteger))
        return false;
    const double whole = std::trunc(v);
    if (whole == v) {
        // std::to_chars writes what QByteArray::number does, without a QByteArray between.
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, qint64(whole));
        out.append(digits, end.ptr - digits);
    } else if (const double size = std::abs(v); size >= 1e-4 && size < 1e15) {
        // Here std::to_chars's shortest form is Qt's, byte for byte (checked on millions of
        // values by tst_compactjson), and it skips Qt's QString detour.
        char digits[32];
        const auto end = std::to_chars(digits, digits + sizeof digits, v);
        out.append(digits, end.ptr - digits);
    } else {
        out += QByteArray::number(v, 'g', QLocale::FloatingPointShortest);
    }
    return true;
}

QByteArray compactJson(const QJsonValue &value)
{
    QByteArray out;
    out.reserve(128);
    if (appendValue(out, value))
        return out;
    // What the fast path leaves to Qt: huge or non-finite numbers, lone surrogates.
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return json.mid(1, json.size() - 2);
}

QByteArray compactJson(const QJsonObject &object)
{
    if (object.isEmpty())
        return QByteArrayLiteral("{}");
    return compactJson(QJsonValue(object));
}

} // namespace atelier
