// Templates carry their own translations ("translations": {"zh_CN": {…}}): a Chinese user sees
// the built-in templates' names, categories, help and parameter labels in Chinese, and a
// translation that names a port or parameter the template lacks is refused with its field.
#include "pipeline/templatelibrary.h"
#include "pipeline/templatespec.h"

#include <QDir>
#include <QLocale>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

bool hasChinese(const QString &text)
{
    static const QRegularExpression han(u"\\p{Han}"_s);
    return han.match(text).hasMatch();
}

QByteArray withTranslations(const QByteArray &translations)
{
    return R"({"id": "t", "version": "1.0", "name": "Tool", "category": "General",
               "inputs": [{"name": "in", "type": "any"}],
               "params": [{"name": "n", "type": "int", "label": "Count", "help": "How many."}],
               "command": ["true", "{params.n}"], "translations": )" +
           translations + "}";
}

} // namespace

class TestTemplateTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtinTemplatesAreCompleteInChinese()
    {
        const QLocale before;
        QLocale::setDefault(QLocale(u"zh_CN"_s));
        const auto restore = qScopeGuard([before] { QLocale::setDefault(before); });
        TemplateLibrary library;
        library.addDirectory(TemplateLibrary::builtinDirectory());
        QVERIFY(library.loadErrors().isEmpty());
        const QList<TemplateSpec> templates = library.all();
        QVERIFY(templates.size() >= 10);
        for (const TemplateSpec &spec : templates) {
            const QString where = spec.id + u": "_s;
            QVERIFY2(hasChinese(spec.name), qPrintable(where + spec.name));
            QVERIFY2(hasChinese(spec.category), qPrintable(where + spec.category));
            QVERIFY2(hasChinese(spec.description), qPrintable(where + spec.description));
            for (const PortSpec &port : spec.inputs + spec.outputs)
                QVERIFY2(hasChinese(port.description), qPrintable(where + port.name));
            for (const ParamSpec &param : spec.params) {
                QVERIFY2(hasChinese(param.label), qPrintable(where + param.name));
                QVERIFY2(hasChinese(param.help), qPrintable(where + param.name));
            }
        }
    }

    void englishStaysEnglish()
    {
        const QLocale before;
        QLocale::setDefault(QLocale(u"en_US"_s));
        const auto restore = qScopeGuard([before] { QLocale::setDefault(before); });
        TemplateLibrary library;
        library.addDirectory(TemplateLibrary::builtinDirectory());
        const auto split = library.resolve(u"table-split"_s);
        QVERIFY(split);
        QCOMPARE(split->name, u"Split table"_s);
        QCOMPARE(split->param(u"seed"_s)->label, u"Random seed"_s);
    }

    void languageAloneMatches()
    {
        auto spec = TemplateSpec::parse(
            withTranslations(R"({"zh": {"name": "工具", "params": {"n": {"label": "数量"}}}})"),
            u"t/template.json"_s);
        QVERIFY2(spec, spec ? "" : qPrintable(spec.error().message));
        spec->translate(u"zh_TW"_s);
        QCOMPARE(spec->name, u"工具"_s);
        QCOMPARE(spec->param(u"n"_s)->label, u"数量"_s);
        QCOMPARE(spec->param(u"n"_s)->help, u"How many."_s); // not translated: kept
        QCOMPARE(spec->category, u"General"_s);
    }

    void badTranslationsAreLocated_data()
    {
        QTest::addColumn<QByteArray>("translations");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown param") << QByteArray(R"({"zh_CN": {"params": {"m": {}}}})")
                                       << u"translations.zh_CN.params.m"_s;
        QTest::newRow("unknown port") << QByteArray(R"({"zh_CN": {"inputs": {"out": "x"}}})")
                                      << u"translations.zh_CN.inputs.out"_s;
        QTest::newRow("unknown field")
            << QByteArray(R"({"zh_CN": {"title": "x"}})") << u"translations.zh_CN.title"_s;
        QTest::newRow("not a string")
            << QByteArray(R"({"zh_CN": {"name": 3}})") << u"translations.zh_CN.name"_s;
        QTest::newRow("not an object") << QByteArray(R"([])") << u"translations"_s;
    }

    void badTranslationsAreLocated()
    {
        QFETCH(QByteArray, translations);
        QFETCH(QString, field);
        const auto spec = TemplateSpec::parse(withTranslations(translations), u"t/template.json"_s);
        QVERIFY(!spec);
        QVERIFY2(spec.error().message.contains(field), qPrintable(spec.error().message));
    }
};

QTEST_GUILESS_MAIN(TestTemplateTranslations)
#include "tst_templatetranslations.moc"
