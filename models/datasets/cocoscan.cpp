#include "datasets/cocoscan.h"

#include <cstring>

namespace atelier {

namespace {

/// A cursor over JSON text that skips values by their structure (strings with their escapes,
/// nested brackets) without building them.
class Cursor
{
public:
    explicit Cursor(QByteArrayView text) : m_text(text) {}

    qsizetype at() const { return m_at; }
    bool atEnd() const { return m_at >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_at]; }

    void skipSpace()
    {
        while (!atEnd()) {
            const char c = m_text[m_at];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
                return;
            ++m_at;
        }
    }
    bool take(char c)
    {
        skipSpace();
        if (peek() != c)
            return false;
        ++m_at;
        return true;
    }
    /// A string at the cursor: its raw bytes between the quotes.
    std::optional<QByteArrayView> string()
    {
        skipSpace();
        if (peek() != '"')
            return std::nullopt;
        const qsizetype begin = ++m_at;
        if (!skipStringRest())
            return std::nullopt;
        return m_text.sliced(begin, m_at - 1 - begin);
    }
    /// Skips one value; its slice, or nullopt when the text ends inside it.
    std::optional<JsonSlice> value()
    {
        skipSpace();
        const qsizetype begin = m_at;
        const char c = peek();
        if (c == '"') {
            ++m_at;
            if (!skipStringRest())
                return std::nullopt;
        } else if (c == '{' || c == '[') {
            if (!skipContainer())
                return std::nullopt;
        } else {
            // A number, true, false or null: up to the next delimiter.
            while (!atEnd()) {
                const char d = m_text[m_at];
                if (d == ',' || d == '}' || d == ']' || d == ' ' || d == '\n' || d == '\r' ||
                    d == '\t')
                    break;
                ++m_at;
            }
            if (m_at == begin)
                return std::nullopt;
        }
        return JsonSlice{begin, m_at - begin};
    }

private:
    // After the opening quote: up to and past the closing one.
    bool skipStringRest()
    {
        const char *data = m_text.data();
        while (m_at < m_text.size()) {
            const void *hit = std::memchr(data + m_at, '"', size_t(m_text.size() - m_at));
            if (!hit)
                return false;
            const qsizetype quote = static_cast<const char *>(hit) - data;
            // Escaped when preceded by an odd number of backslashes.
            qsizetype slashes = 0;
            while (quote - 1 - slashes >= m_at && data[quote - 1 - slashes] == '\\')
                ++slashes;
            m_at = quote + 1;
            if (slashes % 2 == 0)
                return true;
        }
        return false;
    }
    bool skipContainer()
    {
        int depth = 0;
        while (m_at < m_text.size()) {
            const char c = m_text[m_at++];
            if (c == '"') {
                if (!skipStringRest())
                    return false;
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0)
                    return true;
            }
        }
        return false;
    }

    QByteArrayView m_text;
    qsizetype m_at = 0;
};

/// The elements of the array at the cursor, or nullopt when it is not a complete array.
std::optional<QList<JsonSlice>> elements(Cursor &cursor)
{
    QList<JsonSlice> list;
    if (!cursor.take('['))
        return std::nullopt;
    if (cursor.take(']'))
        return list;
    do {
        auto v = cursor.value();
        if (!v)
            return std::nullopt;
        list.append(*v);
    } while (cursor.take(','));
    if (!cursor.take(']'))
        return std::nullopt;
    return list;
}

} // namespace

std::optional<CocoScan> CocoScan::scan(QByteArrayView text)
{
    CocoScan scan;
    Cursor cursor(text);
    if (!cursor.take('{'))
        return std::nullopt;
    if (!cursor.take('}')) {
        do {
            const auto key = cursor.string();
            if (!key || !cursor.take(':'))
                return std::nullopt;
            cursor.skipSpace();
            const qsizetype begin = cursor.at();
            QList<JsonSlice> *list = nullptr;
            if (*key == "images")
                list = &scan.images;
            else if (*key == "annotations")
                list = &scan.annotations;
            else if (*key == "categories")
                list = &scan.categories;
            if (list && cursor.peek() == '[') {
                auto items = elements(cursor);
                if (!items)
                    return std::nullopt;
                *list = std::move(*items);
                scan.values.insert(key->toByteArray(), {begin, cursor.at() - begin});
            } else {
                const auto v = cursor.value();
                if (!v)
                    return std::nullopt;
                scan.values.insert(key->toByteArray(), *v);
            }
        } while (cursor.take(','));
        if (!cursor.take('}'))
            return std::nullopt;
    }
    cursor.skipSpace();
    if (!cursor.atEnd())
        return std::nullopt;
    return scan;
}

QVarLengthArray<QByteArrayView, 4> CocoScan::fields(QByteArrayView object,
                                                    const QList<QByteArrayView> &keys)
{
    QVarLengthArray<QByteArrayView, 4> found(keys.size());
    Cursor cursor(object);
    if (!cursor.take('{') || cursor.take('}'))
        return found;
    do {
        const auto key = cursor.string();
        if (!key || !cursor.take(':'))
            return found;
        const auto v = cursor.value();
        if (!v)
            return found;
        for (qsizetype i = 0; i < keys.size(); ++i) {
            if (*key == keys[i])
                found[i] = v->in(object);
        }
    } while (cursor.take(','));
    return found;
}

std::optional<QList<CocoScan::Member>> CocoScan::members(QByteArrayView object)
{
    QList<Member> members;
    members.reserve(16); // an annotation has a handful
    Cursor cursor(object);
    if (!cursor.take('{'))
        return std::nullopt;
    if (!cursor.take('}')) {
        do {
            cursor.skipSpace();
            const qsizetype begin = cursor.at();
            const auto key = cursor.string();
            if (!key || !cursor.take(':'))
                return std::nullopt;
            const auto v = cursor.value();
            if (!v)
                return std::nullopt;
            members.append({*key, {begin, v->begin + v->size - begin}, *v});
        } while (cursor.take(','));
        if (!cursor.take('}'))
            return std::nullopt;
    }
    cursor.skipSpace();
    if (!cursor.atEnd())
        return std::nullopt;
    return members;
}

} // namespace atelier
