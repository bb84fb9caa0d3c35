#include "datasets/yoloyaml.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

struct Line
{
    int number = 0; // 1-based, for messages
    int indent = 0;
    QString text; // without indentation and comment
};

/// Drops a comment: '#' at the start or after a blank, outside quotes.
QString withoutComment(const QString &line)
{
    QChar quote;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == u'\'' || c == u'"') {
            quote = c;
        } else if (c == u'#' && (i == 0 || line[i - 1].isSpace())) {
            return line.left(i);
        }
    }
    return line;
}

QList<Line> meaningfulLines(const QString &text)
{
    QList<Line> lines;
    int number = 0;
    for (QString raw : text.split(u'\n')) {
        ++number;
        raw.remove(u'\r');
        const QString stripped = withoutComment(raw);
        if (stripped.trimmed().isEmpty() || stripped.trimmed() == u"---"_s)
            continue;
        int indent = 0;
        while (indent < stripped.size() && (stripped[indent] == u' ' || stripped[indent] == u'\t'))
            ++indent;
        lines.append({number, indent, stripped.mid(indent).trimmed()});
    }
    return lines;
}

/// A scalar: 'single' ('' is a quote), "double" (\" \\ \n escapes) or plain.
QString scalar(const QString &raw)
{
    const QString s = raw.trimmed();
    if (s.size() >= 2 && s.startsWith(u'\'') && s.endsWith(u'\''))
        return s.mid(1, s.size() - 2).replace(u"''"_s, u"'"_s);
    if (s.size() >= 2 && s.startsWith(u'"') && s.endsWith(u'"')) {
        QString out;
        const QString body = s.mid(1, s.size() - 2);
        for (qsizetype i = 0; i < body.size(); ++i) {
            if (body[i] == u'\\' && i + 1 < body.size()) {
                const QChar next = body[++i];
                out += next == u'n' ? QChar(u'\n') : next == u't' ? QChar(u'\t') : next;
            } else {
                out += body[i];
            }
        }
        return out;
    }
    return s;
}

/// The items of a flow collection's inside ("a, 'b, c', d"), split at commas outside quotes.
QStringList flowItems(const QString &inside)
{
    QStringList items;
    QString current;
    QChar quote;
    for (const QChar c : inside) {
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == u'\'' || c == u'"') {
            quote = c;
        } else if (c == u',') {
            items.append(current.trimmed());
            current.clear();
            continue;
        }
        current += c;
    }
    if (!current.trimmed().isEmpty())
        items.append(current.trimmed());
    return items;
}

/// "key: value" outside quotes → (key, value); nullopt when there is no such colon.
std::optional<std::pair<QString, QString>> keyValue(const QString &text)
{
    QChar quote;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == u'\'' || c == u'"') {
            quote = c;
        } else if (c == u':' && (i + 1 == text.size() || text[i + 1].isSpace())) {
            return std::pair(scalar(text.left(i)), text.mid(i + 1).trimmed());
        }
    }
    return std::nullopt;
}

/// One top-level value: inline text (a flow collection joined over its lines) or a block.
struct Value
{
    int line = 0;
    QString inlineText;
    QList<Line> block;
    bool blockScalar = false; ///< "|" or ">" and lines, or a value with stray lines: not read
};

} // namespace

QString YoloYaml::quoted(const QString &value)
{
    QString s = value;
    s.replace(u"'"_s, u"''"_s);
    return u'\'' + s + u'\'';
}

YoloYaml YoloYaml::parse(const QString &text)
{
    YoloYaml yaml;
    const QList<Line> lines = meaningfulLines(text);
    QMap<QString, Value> values;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const Line &line = lines[i];
        const auto kv = line.indent == 0 ? keyValue(line.text) : std::nullopt;
        if (!kv) {
            yaml.problems.append(tr("line %1 is not \"key: value\"; ignored").arg(line.number));
            continue;
        }
        Value value;
        value.line = line.number;
        value.inlineText = kv->second;
        // A flow collection may continue on the next lines until it closes.
        const QChar open = value.inlineText.isEmpty() ? QChar() : value.inlineText.front();
        if (open == u'[' || open == u'{') {
            const QChar close = open == u'[' ? u']' : u'}';
            while (!value.inlineText.endsWith(close) && i + 1 < lines.size() &&
                   lines[i + 1].indent > 0)
                value.inlineText += u' ' + lines[++i].text;
        }
        // A block: deeper lines, or "- item" lines at the key's own indentation. Deeper lines
        // after an inline value belong to it (a "|" script of download:) and are kept aside.
        while (i + 1 < lines.size() &&
               (lines[i + 1].indent > 0 ||
                (value.inlineText.isEmpty() && lines[i + 1].text.startsWith(u"- "_s))))
            value.block.append(lines[++i]);
        value.blockScalar = !value.inlineText.isEmpty() && !value.block.isEmpty();
        values.insert(kv->first, value);
    }

    auto listOf = [&yaml](const QString &key, const Value &v) -> std::optional<QStringList> {
        QStringList items;
        if (v.inlineText.startsWith(u'[') && v.inlineText.endsWith(u']')) {
            for (const QString &item : flowItems(v.inlineText.mid(1, v.inlineText.size() - 2)))
                items.append(scalar(item));
            return items;
        }
        if (!v.inlineText.isEmpty())
            return QStringList{scalar(v.inlineText)};
        for (const Line &l : v.block) {
            if (!l.text.startsWith(u'-')) {
                yaml.problems.append(tr("%1: line %2 is not a \"- item\"; the list was not read")
                                         .arg(key)
                                         .arg(l.number));
                return std::nullopt;
            }
            items.append(scalar(l.text.mid(1)));
        }
        return items;
    };

    // Keys this reader takes, written in a form it does not: said, and left out.
    for (const QString &key : {u"path"_s, u"train"_s, u"val"_s, u"test"_s, u"nc"_s, u"names"_s}) {
        if (values.contains(key) && values[key].blockScalar) {
            yaml.problems.append(tr("%1: (line %2) a value followed by indented lines is not "
                                    "read; write a list or an index map")
                                     .arg(key)
                                     .arg(values[key].line));
            values.remove(key);
        }
    }
    if (values.contains(u"path"_s))
        yaml.path = scalar(values[u"path"_s].inlineText);
    for (const QString &key : {u"train"_s, u"val"_s, u"test"_s}) {
        if (!values.contains(key))
            continue;
        if (auto list = listOf(key, values[key])) {
            list->removeAll(QString());
            if (!list->isEmpty())
                yaml.splits.insert(key, *list);
        }
    }
    if (values.contains(u"nc"_s)) {
        bool ok = false;
        const int nc = scalar(values[u"nc"_s].inlineText).toInt(&ok);
        if (ok && nc >= 0)
            yaml.nc = nc;
        else
            yaml.problems.append(
                tr("nc: \"%1\" is not a class count; ignored").arg(values[u"nc"_s].inlineText));
    }
    if (!values.contains(u"names"_s))
        return yaml;

    const Value names = values[u"names"_s];
    // An index map: "0: a" lines in a block, or {0: a, 1: b} inline.
    QStringList mapEntries;
    bool isMap = false;
    if (names.inlineText.startsWith(u'{') && names.inlineText.endsWith(u'}')) {
        isMap = true;
        mapEntries = flowItems(names.inlineText.mid(1, names.inlineText.size() - 2));
    } else if (!names.block.isEmpty() && !names.block.first().text.startsWith(u'-')) {
        isMap = true;
        for (const Line &l : names.block)
            mapEntries.append(l.text);
    }
    if (isMap) {
        for (const QString &entry : mapEntries) {
            const auto kv = keyValue(entry);
            bool ok = false;
            const int index = kv ? kv->first.toInt(&ok) : -1;
            const QString name = kv ? scalar(kv->second) : QString();
            if (!ok || index < 0 || name.isEmpty()) {
                yaml.problems.append(tr("names: \"%1\" is not \"index: name\"; the names were not "
                                        "read (write a list or an index map)")
                                         .arg(entry));
                yaml.names.clear();
                return yaml;
            }
            if (yaml.names.contains(index)) {
                yaml.problems.append(
                    tr("names: the index %1 is given twice; the first name is kept").arg(index));
                continue;
            }
            yaml.names.insert(index, name);
        }
    } else if (auto list = listOf(u"names"_s, names)) {
        if (names.block.isEmpty() && !names.inlineText.startsWith(u'[')) {
            yaml.problems.append(tr("names: \"%1\" is neither a list nor an index map; the names "
                                    "were not read")
                                     .arg(names.inlineText));
            return yaml;
        }
        for (qsizetype i = 0; i < list->size(); ++i) {
            if (list->at(i).isEmpty()) {
                yaml.problems.append(
                    tr("names: entry %1 is empty; the names were not read").arg(i));
                yaml.names.clear();
                return yaml;
            }
            yaml.names.insert(int(i), list->at(i));
        }
    } else {
        return yaml;
    }
    yaml.hasNames = !yaml.names.isEmpty();
    if (yaml.hasNames && yaml.nc && *yaml.nc != yaml.names.size())
        yaml.problems.append(tr("nc: %1 but names: lists %2 classes; the names are used")
                                 .arg(*yaml.nc)
                                 .arg(yaml.names.size()));
    return yaml;
}

} // namespace atelier
