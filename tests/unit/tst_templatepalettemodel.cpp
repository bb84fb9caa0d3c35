#include "pipeline/templatelibrary.h"
#include "pipeline/templatepalettemodel.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

QList<TemplateSpec> builtinTemplates()
{
    TemplateLibrary library;
    library.addDirectory(TemplateLibrary::builtinDirectory());
    return library.latest();
}

QStringList categories(const TemplatePaletteModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names.append(model.index(row, 0).data().toString());
    return names;
}

QStringList refs(const TemplatePaletteModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex category = model.index(row, 0);
        for (int child = 0; child < model.rowCount(category); ++child)
            result.append(model.templateRef(model.index(child, 0, category)));
    }
    return result;
}

} // namespace

class TestTemplatePaletteModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void groupsByCategory();
    void search_data();
    void search();
    void allowedTemplates();
    void dragPayload();
    void testerThroughChanges();
};

void TestTemplatePaletteModel::groupsByCategory()
{
    TemplatePaletteModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<TemplateSpec> templates = builtinTemplates();
    model.setTemplates(templates);
    QCOMPARE(model.templateCount(), int(templates.size()));
    const QStringList names = categories(model);
    QVERIFY(names.contains(u"General"_s));
    QVERIFY(names.contains(u"Machine learning"_s));
    QStringList sorted = names;
    std::sort(sorted.begin(), sorted.end(),
              [](const QString &a, const QString &b) { return a.localeAwareCompare(b) < 0; });
    QCOMPARE(names, sorted);
    QCOMPARE(QStringList(names).removeDuplicates(), 0);

    const QModelIndex general = model.index(int(names.indexOf(u"General"_s)), 0);
    QVERIFY(general.data(TemplatePaletteModel::IsCategoryRole).toBool());
    QVERIFY(model.templateRef(general).isEmpty());
    QVERIFY(!(model.flags(general) & Qt::ItemIsDragEnabled));
    QStringList inGeneral;
    for (int row = 0; row < model.rowCount(general); ++row) {
        const QModelIndex item = model.index(row, 0, general);
        QCOMPARE(item.parent(), general);
        QVERIFY(!item.data(TemplatePaletteModel::IsCategoryRole).toBool());
        QCOMPARE(item.data(TemplatePaletteModel::CategoryRole).toString(), u"General"_s);
        QVERIFY(model.flags(item) & Qt::ItemIsDragEnabled);
        inGeneral.append(item.data(TemplatePaletteModel::TemplateIdRole).toString());
    }
    QVERIFY(inGeneral.contains(u"shell"_s));
    QVERIFY(inGeneral.contains(u"python"_s));
    // Plain data: port types for the ui to colour, no icons or colours here.
    const QModelIndex shell = model.index(int(inGeneral.indexOf(u"shell"_s)), 0, general);
    QCOMPARE(shell.data(TemplatePaletteModel::InputTypesRole).toStringList(),
             QStringList{u"any"_s});
    QCOMPARE(shell.data(TemplatePaletteModel::OutputTypesRole).toStringList(),
             QStringList{u"directory"_s});
    QCOMPARE(shell.data(Qt::DisplayRole).toString(), u"Shell script"_s);
    QVERIFY(!shell.data(Qt::DecorationRole).isValid());
    QVERIFY(!shell.data(Qt::ForegroundRole).isValid());
    QVERIFY(shell.data(Qt::ToolTipRole).toString().startsWith(u"shell@1.0"_s));
}

void TestTemplatePaletteModel::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("name") << u"shell"_s << QStringList{u"shell@1.0"_s};
    QTest::newRow("case and words") << u"TRAIN scikit"_s << QStringList{u"sklearn-train@1.0"_s};
    QTest::newRow("category") << u"deep learning"_s
                              << QStringList{u"pytorch-train@1.0"_s, u"pytorch-ddp-train@1.0"_s};
    QTest::newRow("nothing") << u"zebra"_s << QStringList{};
    QTest::newRow("spaces only") << u"   "_s << QStringList{u"*"_s};
}

void TestTemplatePaletteModel::search()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    TemplatePaletteModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTemplates(builtinTemplates());
    const int all = model.templateCount();
    model.setFilterText(text);
    QCOMPARE(model.filterText(), text);
    if (expected == QStringList{u"*"_s}) {
        QCOMPARE(model.templateCount(), all);
        return;
    }
    QCOMPARE(refs(model), expected);
    // Categories left empty by the search are hidden.
    QCOMPARE(model.rowCount(), expected.isEmpty() ? 0 : 1);
    QCOMPARE(model.firstTemplate().isValid(), !expected.isEmpty());
    if (!expected.isEmpty())
        QCOMPARE(model.templateRef(model.firstTemplate()), expected.first());
}

void TestTemplatePaletteModel::allowedTemplates()
{
    TemplatePaletteModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTemplates(builtinTemplates());
    const int all = model.templateCount();
    model.setAllowedTemplates({u"evaluate@1.0"_s, u"shell"_s, u"model-register@1.0"_s});
    QCOMPARE(model.templateCount(), 3);
    model.setFilterText(u"shell"_s);
    QCOMPARE(refs(model), QStringList{u"shell@1.0"_s});
    model.setFilterText({});
    model.setAllowedTemplates({});
    QCOMPARE(model.templateCount(), 0);
    QCOMPARE(model.rowCount(), 0);
    model.clearAllowedTemplates();
    QCOMPARE(model.templateCount(), all);
}

void TestTemplatePaletteModel::dragPayload()
{
    TemplatePaletteModel model;
    model.setTemplates(builtinTemplates());
    model.setFilterText(u"evaluate"_s);
    QCOMPARE(model.mimeTypes(), QStringList{TemplatePaletteModel::mimeType()});
    QCOMPARE(TemplatePaletteModel::mimeType(), u"application/x-atelier-template"_s);
    std::unique_ptr<QMimeData> mime(model.mimeData({model.firstTemplate()}));
    QVERIFY(mime);
    QCOMPARE(mime->data(TemplatePaletteModel::mimeType()), QByteArray("evaluate@1.0"));
    // A category is not dragged.
    QVERIFY(!model.mimeData({model.index(0, 0)}));
}

void TestTemplatePaletteModel::testerThroughChanges()
{
    TemplatePaletteModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.firstTemplate().isValid());
    model.setTemplates(builtinTemplates());
    for (const QString &text : {u"t"_s, u"tr"_s, u"tra"_s, u""_s, u"table"_s})
        model.setFilterText(text);
    model.setFilterText(u"table"_s); // unchanged: no reset
    QCOMPARE(resets.count(), 6);
    // Out-of-range and foreign indexes.
    QVERIFY(!model.index(99, 0).isValid());
    QVERIFY(!model.index(0, 1).isValid());
    const QModelIndex leaf = model.index(0, 0, model.index(0, 0));
    QVERIFY(leaf.isValid());
    QVERIFY(!model.index(0, 0, leaf).isValid()); // templates have no children
    QCOMPARE(model.rowCount(leaf), 0);
    model.setTemplates({});
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestTemplatePaletteModel)
#include "tst_templatepalettemodel.moc"
