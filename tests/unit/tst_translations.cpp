// The Chinese translation is complete: lupdate, run here over the sources, finds no string
// that translations/atelier_zh_CN.ts lacks or leaves unfinished.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

struct Entry
{
    QString context;
    QString source;
    QStringList translations; ///< the translation, or each numerus form
    bool unfinished = false;
};

QList<Entry> readTs(const QString &path)
{
    QList<Entry> entries;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return entries;
    QXmlStreamReader xml(&file);
    QString context;
    Entry entry;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"name"_s) {
            context = xml.readElementText();
        } else if (name == u"message"_s) {
            entry = Entry{context, {}, {}, false};
        } else if (name == u"source"_s) {
            entry.source = xml.readElementText();
        } else if (name == u"translation"_s) {
            const auto type = xml.attributes().value(u"type"_s);
            entry.unfinished =
                type == u"unfinished"_s || type == u"vanished"_s || type == u"obsolete"_s;
            // Plain text, or numerusform children.
            QStringList forms;
            QString text;
            while (!(xml.isEndElement() && xml.name() == u"translation"_s) && !xml.atEnd()) {
                xml.readNext();
                if (xml.isStartElement() && xml.name() == u"numerusform"_s)
                    forms.append(xml.readElementText());
                else if (xml.isCharacters())
                    text += xml.text();
            }
            entry.translations = forms.isEmpty() ? QStringList{text} : forms;
            entries.append(entry);
        }
    }
    return entries;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%(\\d+|n)"_s);
    QSet<QString> found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured(0));
    return found;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everySourceStringIsTranslated()
    {
        const QString sourceDir = QStringLiteral(ATELIER_SOURCE_DIR);
        const QString committed = sourceDir + u"/translations/atelier_zh_CN.ts"_s;
        QVERIFY2(QFile::exists(committed), qPrintable(committed));

        QTemporaryDir tmp;
        const QString fresh = tmp.filePath(u"fresh.ts"_s);
        QFile::copy(committed, fresh);
        QFile::setPermissions(fresh, QFile::ReadOwner | QFile::WriteOwner);
        QProcess lupdate;
        lupdate.setWorkingDirectory(sourceDir);
        lupdate.start(QStringLiteral(LUPDATE_EXECUTABLE),
                      {u"-locations"_s, u"none"_s, u"-no-obsolete"_s, u"app"_s, u"ui"_s,
                       u"models"_s, u"connectors"_s, u"-ts"_s, fresh});
        QVERIFY(lupdate.waitForFinished(120000));
        QCOMPARE(lupdate.exitCode(), 0);

        QHash<QPair<QString, QString>, Entry> known;
        for (const Entry &entry : readTs(committed))
            known.insert({entry.context, entry.source}, entry);

        const QList<Entry> current = readTs(fresh);
        QVERIFY(current.size() > 50);
        QStringList problems;
        for (const Entry &entry : current) {
            const auto key = qMakePair(entry.context, entry.source);
            if (!known.contains(key)) {
                problems.append(u"missing: "_s + entry.context + u" / "_s + entry.source);
                continue;
            }
            const Entry &translated = known.value(key);
            if (translated.unfinished)
                problems.append(u"unfinished: "_s + entry.source);
            for (const QString &form : translated.translations) {
                if (form.trimmed().isEmpty())
                    problems.append(u"empty: "_s + entry.source);
                else if (placeholders(form) != placeholders(entry.source))
                    problems.append(u"placeholders differ: "_s + entry.source);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
