// Runs the real built-in template scripts with Debian's /usr/bin/python3 (python3-numpy,
// python3-sklearn, python3-xgboost, python3-pil; see scripts/install-deps), the way the
// scheduler does: argv without a shell, started in the task folder, with the ATELIER_*
// environment of DESIGN.md "A task's environment" and one folder per port.

#include "pipeline/templatelibrary.h"
#include "pipeline/templatespec.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

const QString kPython = u"/usr/bin/python3"_s;
const QString kRunId = u"run-1"_s;

using Ports = QMap<QString, QString>;  // port name → folder
using Params = QMap<QString, QString>; // param name → value as the command receives it

struct Outcome
{
    int exitCode = -1;
    QString stdErr;
    QString stdOut;
    Ports outputs;
    QString metricsFile;
};

struct Table
{
    QStringList header;
    QList<QStringList> rows;
    int column(const QString &name) const { return int(header.indexOf(name)); }
};

// Enough CSV for the tables the scripts write: no quoted commas in our data.
Table readTable(const QString &path)
{
    Table table;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return table;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QStringList cells = lines.at(i).split(u',');
        if (i == 0)
            table.header = cells;
        else
            table.rows.append(cells);
    }
    return table;
}

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// The value a {params.X} placeholder receives when the node sets nothing.
QString defaultText(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    return value.toString();
}

} // namespace

class TestBuiltinTemplates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void datasetExportFeatures();
    void datasetExportOtherFormats();
    void tableSplit();
    void sklearnTrainEvaluatePredict_data();
    void sklearnTrainEvaluatePredict();
    void xgboostTrainEvaluatePredict();
    void missingTargetColumn();
    void emptyImageFolder();
    void shellAndPythonTemplates();
    void pytorchWithoutTorch();

private:
    Outcome run(const QString &templateId, const QString &task, const Params &params,
                const Ports &inputs = {});
    // Keys of the metric lines in a task's metrics file, each line checked against the format.
    QStringList metricKeys(const Outcome &outcome);
    bool canImport(const QString &module);
    void makeImages(const QString &root);
    // Runs dataset-export and table-split once, whichever test needs their tables first.
    void ensureTables();

    QTemporaryDir m_dir;
    TemplateLibrary m_library;
    QString m_images;
    QString m_table; // dataset-export output (features-csv)
    QString m_train;
    QString m_test;
    Outcome m_export;
    Outcome m_split;
};

void TestBuiltinTemplates::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo(kPython).isExecutable(), "needs Debian's /usr/bin/python3");
    for (const QString &module : {u"numpy"_s, u"sklearn"_s, u"xgboost"_s, u"PIL"_s}) {
        QVERIFY2(canImport(module), qPrintable(u"/usr/bin/python3 cannot import %1: run "
                                               "scripts/install-deps"_s.arg(module)));
    }
    m_library.addDirectory(QStringLiteral(ATELIER_SOURCE_DIR) + u"/resources/templates"_s);
    QVERIFY(m_library.loadErrors().isEmpty());
    m_images = m_dir.filePath(u"images"_s);
    makeImages(m_images);
}

bool TestBuiltinTemplates::canImport(const QString &module)
{
    QProcess process;
    process.start(kPython, {u"-c"_s, u"import "_s + module});
    return process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit &&
           process.exitCode() == 0;
}

// Three labels of clearly different colours, 12 images each, a little noise in every pixel.
void TestBuiltinTemplates::makeImages(const QString &root)
{
    const QList<std::pair<QString, QColor>> classes = {
        {u"red"_s, QColor(200, 40, 40)},
        {u"green"_s, QColor(40, 200, 40)},
        {u"blue"_s, QColor(40, 40, 200)},
    };
    QRandomGenerator random(7);
    for (const auto &[label, colour] : classes) {
        QVERIFY(QDir().mkpath(root + u'/' + label));
        for (int i = 0; i < 12; ++i) {
            QImage image(16, 16, QImage::Format_RGB32);
            for (int y = 0; y < image.height(); ++y) {
                for (int x = 0; x < image.width(); ++x) {
                    const auto jitter = [&](int v) {
                        return std::clamp(v + random.bounded(-10, 11), 0, 255);
                    };
                    image.setPixel(
                        x, y,
                        qRgb(jitter(colour.red()), jitter(colour.green()), jitter(colour.blue())));
                }
            }
            const QString path = u"%1/%2/%2-%3.png"_s.arg(root, label).arg(i, 2, 10, QChar(u'0'));
            QVERIFY(image.save(path, "PNG"));
        }
    }
}

Outcome TestBuiltinTemplates::run(const QString &templateId, const QString &task,
                                  const Params &params, const Ports &inputs)
{
    Outcome outcome;
    const Result<TemplateSpec> found = m_library.resolve(templateId);
    if (!found) {
        outcome.stdErr = found.error().message;
        return outcome;
    }
    const TemplateSpec &spec = found.value();
    const QString taskDir = m_dir.filePath(u"runs/%1/%2"_s.arg(kRunId, task));
    QDir().mkpath(taskDir);
    outcome.metricsFile = taskDir + u"/metrics.jsonl"_s;

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"ATELIER_RUN_ID"_s, kRunId);
    env.insert(u"ATELIER_TASK_ID"_s, task);
    env.insert(u"ATELIER_TASK_DIR"_s, taskDir);
    env.insert(u"ATELIER_METRICS_FILE"_s, outcome.metricsFile);
    env.insert(u"CUDA_VISIBLE_DEVICES"_s, QString());
    for (const PortSpec &port : spec.inputs)
        env.insert(u"ATELIER_INPUT_"_s + port.name.toUpper(), inputs.value(port.name));
    // An output port is a folder that exists, empty, before the task starts.
    for (const PortSpec &port : spec.outputs) {
        const QString folder = taskDir + u"/outputs/"_s + port.name;
        QDir(folder).removeRecursively();
        QDir().mkpath(folder);
        outcome.outputs.insert(port.name, folder);
        env.insert(u"ATELIER_OUTPUT_"_s + port.name.toUpper(), folder);
    }

    // Stand-in for the scheduler's substitution, element by element; never a shell.
    QStringList argv;
    for (QString arg : spec.command) {
        arg.replace(u"{python}"_s, kPython);
        arg.replace(u"{template_dir}"_s, spec.directory);
        for (const ParamSpec &param : spec.params) {
            arg.replace(u"{params.%1}"_s.arg(param.name), params.contains(param.name)
                                                              ? params.value(param.name)
                                                              : defaultText(param.defaultValue));
        }
        for (const PortSpec &port : spec.inputs)
            arg.replace(u"{inputs.%1}"_s.arg(port.name), inputs.value(port.name));
        for (const PortSpec &port : spec.outputs)
            arg.replace(u"{outputs.%1}"_s.arg(port.name), outcome.outputs.value(port.name));
        argv.append(arg);
    }

    QProcess process;
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(taskDir);
    process.setProgram(argv.takeFirst());
    process.setArguments(argv);
    process.start();
    if (!process.waitForFinished(240000) || process.exitStatus() != QProcess::NormalExit) {
        outcome.stdErr = u"did not finish: "_s + process.errorString();
        return outcome;
    }
    outcome.exitCode = process.exitCode();
    outcome.stdOut = QString::fromUtf8(process.readAllStandardOutput());
    outcome.stdErr = QString::fromUtf8(process.readAllStandardError());
    return outcome;
}

QStringList TestBuiltinTemplates::metricKeys(const Outcome &outcome)
{
    QStringList keys;
    QFile file(outcome.metricsFile);
    if (!file.open(QIODevice::ReadOnly))
        return keys;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        const QJsonObject object = document.object();
        // A malformed line shows up as a key the caller does not expect.
        if (error.error != QJsonParseError::NoError || !object.value(u"key"_s).isString() ||
            !object.value(u"value"_s).isDouble() || !object.value(u"ts"_s).isDouble() ||
            (object.contains(u"step"_s) && !object.value(u"step"_s).isDouble())) {
            keys.append(u"<bad line: %1>"_s.arg(QString::fromUtf8(line)));
            continue;
        }
        keys.append(object.value(u"key"_s).toString());
    }
    return keys;
}

void TestBuiltinTemplates::ensureTables()
{
    if (m_table.isEmpty()) {
        m_export = run(u"dataset-export"_s, u"export"_s, {{u"folder"_s, m_images}});
        QVERIFY2(m_export.exitCode == 0, qPrintable(m_export.stdErr));
        m_table = m_export.outputs.value(u"table"_s);
    }
    if (m_train.isEmpty()) {
        m_split = run(u"table-split"_s, u"split"_s, {}, {{u"table"_s, m_table}});
        QVERIFY2(m_split.exitCode == 0, qPrintable(m_split.stdErr));
        m_train = m_split.outputs.value(u"train"_s);
        m_test = m_split.outputs.value(u"test"_s);
    }
}

void TestBuiltinTemplates::datasetExportFeatures()
{
    ensureTables();
    if (QTest::currentTestFailed())
        return;
    const Outcome &export_ = m_export;
    const Table table = readTable(m_table + u"/table.csv"_s);
    QCOMPARE(table.rows.size(), 36);
    // label, 8×8 grey pixels, mean RGB, grey spread, four shape descriptors
    QCOMPARE(table.header.size(), 1 + 8 * 8 + 4 + 4);
    QCOMPARE(table.header.first(), u"label"_s);
    QVERIFY(table.header.contains(u"mean_r"_s) && table.header.contains(u"std_gray"_s) &&
            table.header.contains(u"shape_compactness"_s));
    QSet<QString> labels;
    for (const QStringList &row : table.rows) {
        QCOMPARE(row.size(), table.header.size());
        labels.insert(row.first());
        bool ok = false;
        const double pixel = row.at(1).toDouble(&ok);
        QVERIFY(ok && pixel >= 0 && pixel <= 1);
    }
    QCOMPARE(labels, (QSet<QString>{u"red"_s, u"green"_s, u"blue"_s}));
    QCOMPARE(metricKeys(export_), (QStringList{u"images"_s, u"labels"_s}));

    // size is honoured.
    const Outcome small =
        run(u"dataset-export"_s, u"export-small"_s, {{u"folder"_s, m_images}, {u"size"_s, u"4"_s}});
    QVERIFY2(small.exitCode == 0, qPrintable(small.stdErr));
    QCOMPARE(readTable(small.outputs.value(u"table"_s) + u"/table.csv"_s).header.size(),
             1 + 4 * 4 + 4 + 4);
}

void TestBuiltinTemplates::datasetExportOtherFormats()
{
    const Outcome csv = run(u"dataset-export"_s, u"export-csv"_s,
                            {{u"folder"_s, m_images}, {u"format"_s, u"csv"_s}});
    QVERIFY2(csv.exitCode == 0, qPrintable(csv.stdErr));
    const Table list = readTable(csv.outputs.value(u"table"_s) + u"/table.csv"_s);
    QCOMPARE(list.header, (QStringList{u"path"_s, u"label"_s}));
    QCOMPARE(list.rows.size(), 36);
    QVERIFY(QFileInfo::exists(list.rows.first().first()));

    const Outcome folder = run(u"dataset-export"_s, u"export-folder"_s,
                               {{u"folder"_s, m_images}, {u"format"_s, u"folder"_s}});
    QVERIFY2(folder.exitCode == 0, qPrintable(folder.stdErr));
    const QString out = folder.outputs.value(u"table"_s);
    QCOMPARE(QDir(out + u"/green"_s).entryList(QDir::Files).size(), 12);
    const Table index = readTable(out + u"/table.csv"_s);
    QCOMPARE(index.rows.size(), 36);
    QVERIFY(QFileInfo::exists(out + u'/' + index.rows.first().first())); // relative to the port
}

void TestBuiltinTemplates::tableSplit()
{
    ensureTables();
    if (QTest::currentTestFailed())
        return;
    const Outcome &split = m_split;
    const Table train = readTable(m_train + u"/table.csv"_s);
    const Table test = readTable(m_test + u"/table.csv"_s);
    QCOMPARE(train.rows.size(), 27);
    QCOMPARE(test.rows.size(), 9);
    QCOMPARE(train.header, test.header);
    // Stratified by label: three of each in the test table.
    QMap<QString, int> counts;
    for (const QStringList &row : test.rows)
        ++counts[row.at(test.column(u"label"_s))];
    QCOMPARE(counts.values(), (QList<int>{3, 3, 3}));
    QCOMPARE(metricKeys(split), (QStringList{u"rows"_s, u"train_rows"_s, u"test_rows"_s}));

    // The same seed gives the same split; another seed another one.
    const Outcome again = run(u"table-split"_s, u"split-again"_s, {}, {{u"table"_s, m_table}});
    QVERIFY2(again.exitCode == 0, qPrintable(again.stdErr));
    QCOMPARE(readTable(again.outputs.value(u"test"_s) + u"/table.csv"_s).rows, test.rows);
    const Outcome other =
        run(u"table-split"_s, u"split-other"_s, {{u"seed"_s, u"7"_s}}, {{u"table"_s, m_table}});
    QVERIFY2(other.exitCode == 0, qPrintable(other.stdErr));
    QVERIFY(readTable(other.outputs.value(u"test"_s) + u"/table.csv"_s).rows != test.rows);

    // A stratify column that does not exist is named.
    const Outcome bad = run(u"table-split"_s, u"split-bad"_s, {{u"stratify"_s, u"species"_s}},
                            {{u"table"_s, m_table}});
    QVERIFY(bad.exitCode != 0);
    QVERIFY2(bad.stdErr.contains(u"'species'"_s), qPrintable(bad.stdErr));
}

void TestBuiltinTemplates::sklearnTrainEvaluatePredict_data()
{
    QTest::addColumn<QString>("algorithm");
    QTest::newRow("random_forest") << u"random_forest"_s;
    QTest::newRow("logistic_regression") << u"logistic_regression"_s;
    QTest::newRow("gradient_boosting") << u"gradient_boosting"_s;
}

void TestBuiltinTemplates::sklearnTrainEvaluatePredict()
{
    QFETCH(QString, algorithm);
    ensureTables();
    if (QTest::currentTestFailed())
        return;

    const Outcome train =
        run(u"sklearn-train"_s, u"train-"_s + algorithm,
            {{u"algorithm"_s, algorithm}, {u"n_estimators"_s, u"30"_s}}, {{u"table"_s, m_train}});
    QVERIFY2(train.exitCode == 0, qPrintable(train.stdErr));
    const QString model = train.outputs.value(u"model"_s);
    QVERIFY(QFileInfo::exists(model + u"/model.pkl"_s));
    const QJsonObject info = readJson(model + u"/model.json"_s);
    QCOMPARE(info.value(u"framework"_s).toString(), u"sklearn"_s);
    QCOMPARE(info.value(u"algorithm"_s).toString(), algorithm);
    QCOMPARE(info.value(u"target"_s).toString(), u"label"_s);
    QCOMPARE(info.value(u"features"_s).toArray().size(), 72);
    const QJsonObject trainMetrics =
        readJson(train.outputs.value(u"metrics"_s) + u"/metrics.json"_s);
    QVERIFY(trainMetrics.value(u"train_accuracy"_s).toDouble() > 0.8);
    QCOMPARE(metricKeys(train), QStringList{u"train_accuracy"_s});

    const Outcome evaluate = run(u"evaluate"_s, u"evaluate-"_s + algorithm, {},
                                 {{u"model"_s, model}, {u"table"_s, m_test}});
    QVERIFY2(evaluate.exitCode == 0, qPrintable(evaluate.stdErr));
    const QJsonObject metrics = readJson(evaluate.outputs.value(u"metrics"_s) + u"/metrics.json"_s);
    QVERIFY2(metrics.value(u"accuracy"_s).toDouble() > 0.8,
             qPrintable(QString::number(metrics.value(u"accuracy"_s).toDouble())));
    QVERIFY(metrics.value(u"f1"_s).toDouble() > 0.8);
    QCOMPARE(metrics.value(u"labels"_s).toArray(), (QJsonArray{u"blue"_s, u"green"_s, u"red"_s}));
    const QJsonArray matrix = metrics.value(u"confusion_matrix"_s).toArray();
    QCOMPARE(matrix.size(), 3);
    int total = 0;
    for (const QJsonValue &row : matrix) {
        QCOMPARE(row.toArray().size(), 3);
        for (const QJsonValue &cell : row.toArray())
            total += cell.toInt();
    }
    QCOMPARE(total, 9);
    QCOMPARE(metricKeys(evaluate), (QStringList{u"accuracy"_s, u"f1"_s}));

    const Outcome predict = run(u"batch-predict"_s, u"predict-"_s + algorithm, {},
                                {{u"model"_s, model}, {u"table"_s, m_test}});
    QVERIFY2(predict.exitCode == 0, qPrintable(predict.stdErr));
    const Table predictions = readTable(predict.outputs.value(u"predictions"_s) + u"/table.csv"_s);
    QCOMPARE(predictions.rows.size(), 9);
    const int prediction = predictions.column(u"prediction"_s);
    const int probability = predictions.column(u"probability"_s);
    QVERIFY(prediction >= 0 && probability >= 0);
    int right = 0;
    for (const QStringList &row : predictions.rows) {
        right += row.at(prediction) == row.at(predictions.column(u"label"_s)) ? 1 : 0;
        const double p = row.at(probability).toDouble();
        QVERIFY(p > 0 && p <= 1);
    }
    QVERIFY(right >= 8);
}

void TestBuiltinTemplates::xgboostTrainEvaluatePredict()
{
    ensureTables();
    if (QTest::currentTestFailed())
        return;
    const Outcome train = run(u"xgboost-train"_s, u"train-xgboost"_s,
                              {{u"n_estimators"_s, u"50"_s}}, {{u"table"_s, m_train}});
    QVERIFY2(train.exitCode == 0, qPrintable(train.stdErr));
    const QString model = train.outputs.value(u"model"_s);
    const QJsonObject info = readJson(model + u"/model.json"_s);
    QCOMPARE(info.value(u"framework"_s).toString(), u"xgboost"_s);
    QCOMPARE(info.value(u"classes"_s).toArray(), (QJsonArray{u"blue"_s, u"green"_s, u"red"_s}));
    QCOMPARE(metricKeys(train), QStringList{u"train_accuracy"_s});

    const Outcome evaluate =
        run(u"evaluate"_s, u"evaluate-xgboost"_s, {}, {{u"model"_s, model}, {u"table"_s, m_test}});
    QVERIFY2(evaluate.exitCode == 0, qPrintable(evaluate.stdErr));
    const QJsonObject metrics = readJson(evaluate.outputs.value(u"metrics"_s) + u"/metrics.json"_s);
    QVERIFY2(metrics.value(u"accuracy"_s).toDouble() > 0.8,
             qPrintable(QString::number(metrics.value(u"accuracy"_s).toDouble())));
    QCOMPARE(metrics.value(u"confusion_matrix"_s).toArray().size(), 3);

    // Predictions come back as the original labels, not the encoder's numbers.
    const Outcome predict = run(u"batch-predict"_s, u"predict-xgboost"_s, {},
                                {{u"model"_s, model}, {u"table"_s, m_test}});
    QVERIFY2(predict.exitCode == 0, qPrintable(predict.stdErr));
    const Table predictions = readTable(predict.outputs.value(u"predictions"_s) + u"/table.csv"_s);
    QCOMPARE(predictions.rows.size(), 9);
    const QSet<QString> known = {u"red"_s, u"green"_s, u"blue"_s};
    for (const QStringList &row : predictions.rows)
        QVERIFY2(known.contains(row.at(predictions.column(u"prediction"_s))),
                 qPrintable(row.join(u',')));
}

void TestBuiltinTemplates::missingTargetColumn()
{
    ensureTables();
    if (QTest::currentTestFailed())
        return;
    for (const QString &id : {u"sklearn-train"_s, u"xgboost-train"_s}) {
        const Outcome train =
            run(id, u"bad-target-"_s + id, {{u"target"_s, u"species"_s}}, {{u"table"_s, m_train}});
        QVERIFY2(train.exitCode != 0, qPrintable(id));
        QVERIFY2(train.stdErr.contains(u"column 'species' not found"_s), qPrintable(train.stdErr));
        QVERIFY(!QFileInfo::exists(train.outputs.value(u"model"_s) + u"/model.pkl"_s));
    }
    // A table with a text column cannot train: the column is named.
    const Outcome paths = run(u"dataset-export"_s, u"export-paths"_s,
                              {{u"folder"_s, m_images}, {u"format"_s, u"csv"_s}});
    QVERIFY2(paths.exitCode == 0, qPrintable(paths.stdErr));
    const Outcome train = run(u"sklearn-train"_s, u"text-features"_s, {},
                              {{u"table"_s, paths.outputs.value(u"table"_s)}});
    QVERIFY(train.exitCode != 0);
    QVERIFY2(train.stdErr.contains(u"column 'path'"_s), qPrintable(train.stdErr));
}

void TestBuiltinTemplates::emptyImageFolder()
{
    const QString empty = m_dir.filePath(u"empty-images"_s);
    QVERIFY(QDir().mkpath(empty + u"/cats"_s));
    const Outcome export_ = run(u"dataset-export"_s, u"export-empty"_s, {{u"folder"_s, empty}});
    QVERIFY(export_.exitCode != 0);
    QVERIFY2(export_.stdErr.contains(u"no images in"_s), qPrintable(export_.stdErr));

    const Outcome missing = run(u"dataset-export"_s, u"export-missing"_s,
                                {{u"folder"_s, m_dir.filePath(u"nowhere"_s)}});
    QVERIFY(missing.exitCode != 0);
    QVERIFY2(missing.stdErr.contains(u"does not exist"_s), qPrintable(missing.stdErr));
}

void TestBuiltinTemplates::shellAndPythonTemplates()
{
    const Outcome shell =
        run(u"shell"_s, u"shell"_s,
            {{u"script"_s,
              u"echo \"$ATELIER_RUN_ID/$ATELIER_TASK_ID\" > \"$ATELIER_OUTPUT_OUT/id.txt\" "
              "&& pwd > \"$ATELIER_OUTPUT_OUT/pwd.txt\""_s}});
    QVERIFY2(shell.exitCode == 0, qPrintable(shell.stdErr));
    QFile id(shell.outputs.value(u"out"_s) + u"/id.txt"_s);
    QVERIFY(id.open(QIODevice::ReadOnly));
    QCOMPARE(id.readAll().trimmed(), QByteArray("run-1/shell"));

    const Outcome python =
        run(u"python"_s, u"python"_s,
            {{u"script"_s,
              u"import atelier_log, os\n"
              "atelier_log.log('loss', 0.5, step=1)\n"
              "atelier_log.log_many({'loss': 0.25, 'acc': 0.9}, step=2)\n"
              "open(os.path.join(os.environ['ATELIER_OUTPUT_OUT'], 'ok'), 'w').close()\n"_s},
             {u"file"_s, QString()}});
    QVERIFY2(python.exitCode == 0, qPrintable(python.stdErr));
    QVERIFY(QFileInfo::exists(python.outputs.value(u"out"_s) + u"/ok"_s));
    QCOMPARE(metricKeys(python), (QStringList{u"loss"_s, u"loss"_s, u"acc"_s}));

    const Outcome neither =
        run(u"python"_s, u"python-neither"_s, {{u"script"_s, QString()}, {u"file"_s, QString()}});
    QCOMPARE(neither.exitCode, 2);
    QVERIFY2(neither.stdErr.contains(u"exactly one"_s), qPrintable(neither.stdErr));

    const Outcome failing =
        run(u"python"_s, u"python-exit"_s,
            {{u"script"_s, u"import sys; sys.exit(5)"_s}, {u"file"_s, QString()}});
    QCOMPARE(failing.exitCode, 5);
}

void TestBuiltinTemplates::pytorchWithoutTorch()
{
    if (canImport(u"torch"_s))
        QSKIP(
            "PyTorch is installed for /usr/bin/python3: the missing-module refusal cannot be seen");
    ensureTables();
    if (QTest::currentTestFailed())
        return;
    const Outcome train = run(u"pytorch-train"_s, u"train-torch"_s, {}, {{u"table"_s, m_train}});
    QCOMPARE(train.exitCode, 3);
    QVERIFY2(train.stdErr.contains(u"PyTorch is not installed for /usr/bin/python3"_s),
             qPrintable(train.stdErr));
    QVERIFY2(train.stdErr.contains(u"install python3-torch"_s), qPrintable(train.stdErr));
}

QTEST_GUILESS_MAIN(TestBuiltinTemplates)
#include "tst_builtintemplates.moc"
