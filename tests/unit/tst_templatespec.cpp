#include "pipeline/templatelibrary.h"
#include "pipeline/templatespec.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

const QString kFile = u"t/template.json"_s;

// A template that parses; each error case changes one thing in it.
QJsonObject validTemplate()
{
    const QByteArray json = R"({
        "id": "t", "version": "1.0", "name": "T", "category": "Test",
        "inputs": [{"name": "table", "type": "table"}],
        "outputs": [{"name": "model", "type": "model"}, {"name": "metrics", "type": "metrics", "optional": true}],
        "params": [
            {"name": "n", "type": "int", "range": [1, 10], "default": 5},
            {"name": "algo", "type": "enum", "choices": ["a", "b"], "default": "a"},
            {"name": "target", "type": "string", "regex": "^[a-z]+$", "default": "label", "required": true}
        ],
        "command": ["{python}", "{template_dir}/x.py", "--n={params.n}", "{inputs.table}", "{outputs.model}"],
        "resources": {"cpus": 2, "memory_mb": 100, "gpus": 1},
        "requires": ["sklearn"]
    })";
    return QJsonDocument::fromJson(json).object();
}

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

using Edit = std::function<void(QJsonObject &)>;

QByteArray edited(const Edit &edit)
{
    QJsonObject object = validTemplate();
    edit(object);
    return toJson(object);
}

// Replaces one key of the object at array[index].
Edit editItem(const QString &array, int index, const QString &key, const QJsonValue &value)
{
    return [=](QJsonObject &root) {
        QJsonArray items = root.value(array).toArray();
        QJsonObject item = items.at(index).toObject();
        if (value.isUndefined())
            item.remove(key);
        else
            item.insert(key, value);
        items.replace(index, item);
        root.insert(array, items);
    };
}

QJsonValue jsonValue(const QByteArray &json)
{
    return QJsonDocument::fromJson("[" + json + "]").array().at(0);
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

QByteArray miniTemplate(const QString &id, const QString &version)
{
    return u"{\"id\": \"%1\", \"version\": \"%2\", \"name\": \"%1 %2\", \"command\": [\"true\"]}"_s
        .arg(id, version)
        .toUtf8();
}

QString messages(const QList<Error> &errors)
{
    QStringList lines;
    for (const Error &error : errors)
        lines.append(error.message);
    return lines.join(u'\n');
}

} // namespace

class TestTemplateSpec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesValidTemplate();
    void parseErrors_data();
    void parseErrors();
    void checkValue_data();
    void checkValue();
    void portsCompatible_data();
    void portsCompatible();
    void compareVersions_data();
    void compareVersions();
    void libraryResolves();
    void libraryReportsBadFiles();
    void builtinDirectoryFollowsEnvironment();
    void builtinTemplatesLoad();
};

void TestTemplateSpec::parsesValidTemplate()
{
    const Result<TemplateSpec> spec = TemplateSpec::parse(toJson(validTemplate()), kFile);
    QVERIFY2(spec.ok(), qPrintable(spec.ok() ? QString() : spec.error().message));
    QCOMPARE(spec->ref(), u"t@1.0"_s);
    QCOMPARE(spec->category, u"Test"_s);
    QCOMPARE(spec->inputs.size(), 1);
    QCOMPARE(spec->outputs.size(), 2);
    QVERIFY(spec->output(u"metrics"_s) && spec->output(u"metrics"_s)->optional);
    QVERIFY(!spec->output(u"model"_s)->optional);
    QVERIFY(!spec->input(u"model"_s));
    QCOMPARE(spec->params.size(), 3);
    const ParamSpec *n = spec->param(u"n"_s);
    QVERIFY(n);
    QCOMPARE(n->type, ParamType::Int);
    QCOMPARE(n->min, std::optional<double>(1));
    QCOMPARE(n->max, std::optional<double>(10));
    QCOMPARE(n->defaultValue, QJsonValue(5));
    QCOMPARE(n->label, u"n"_s);
    QCOMPARE(spec->param(u"algo"_s)->choices, (QStringList{u"a"_s, u"b"_s}));
    QVERIFY(spec->param(u"target"_s)->required);
    QCOMPARE(spec->command.size(), 5);
    QCOMPARE(spec->command.at(2), u"--n={params.n}"_s);
    QCOMPARE(spec->resources.cpus, 2);
    QCOMPARE(spec->resources.memoryMb, 100);
    QCOMPARE(spec->resources.gpus, 1);
    QCOMPARE(spec->requiredModules, QStringList{u"sklearn"_s});

    // Optional parts may be left out; resources keep their defaults.
    const Result<TemplateSpec> minimal =
        TemplateSpec::parse(miniTemplate(u"m"_s, u"2.0.1"_s), kFile);
    QVERIFY(minimal.ok());
    QCOMPARE(minimal->resources.cpus, ResourceSpec().cpus);
    QVERIFY(minimal->params.isEmpty());
}

void TestTemplateSpec::parseErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected"); // the message starts with "t/template.json: " + this

    const auto row = [](const char *name, const Edit &edit, const QString &expected) {
        QTest::newRow(name) << edited(edit) << expected;
    };
    const auto set = [](const QString &key, const QJsonValue &value) -> Edit {
        return [=](QJsonObject &root) { root.insert(key, value); };
    };
    const auto remove = [](const QString &key) -> Edit {
        return [=](QJsonObject &root) { root.remove(key); };
    };

    QTest::newRow("not JSON") << QByteArray("{\"id\": ") << u"not valid JSON"_s;
    QTest::newRow("not an object") << QByteArray("[1]") << u"expected a JSON object"_s;
    row("missing id", remove(u"id"_s), u"id: is required"_s);
    row("bad id", set(u"id"_s, u"Sklearn_Train"_s), u"id: 'Sklearn_Train' is not a valid id"_s);
    row("id not a string", set(u"id"_s, 3), u"id: expected a string (got 3)"_s);
    row("bad version", set(u"version"_s, u"1"_s), u"version: '1' is not a version"_s);
    row("version with letters", set(u"version"_s, u"1.0-beta"_s), u"version:"_s);
    row("missing name", remove(u"name"_s), u"name: is required"_s);
    row("unknown key", set(u"colour"_s, u"red"_s), u"colour: unknown field"_s);
    row("bad port type", editItem(u"inputs"_s, 0, u"type"_s, u"tabel"_s),
        u"inputs[0].type: unknown port type 'tabel'"_s);
    row("bad port name", editItem(u"inputs"_s, 0, u"name"_s, u"1st"_s),
        u"inputs[0].name: '1st' is not a valid name"_s);
    row("duplicate port", editItem(u"outputs"_s, 1, u"name"_s, u"model"_s),
        u"outputs[1].name: 'model' is declared twice"_s);
    row("duplicate port ignoring case", editItem(u"outputs"_s, 1, u"name"_s, u"MODEL"_s),
        u"outputs[1].name: 'MODEL' is declared twice"_s);
    row("port optional not bool", editItem(u"inputs"_s, 0, u"optional"_s, u"yes"_s),
        u"inputs[0].optional: expected true or false"_s);
    row("unknown port key", editItem(u"inputs"_s, 0, u"kind"_s, u"x"_s),
        u"inputs[0].kind: unknown field"_s);
    row("unknown param type", editItem(u"params"_s, 0, u"type"_s, u"integer"_s),
        u"params[0].type: unknown parameter type 'integer'"_s);
    row("param key typo", editItem(u"params"_s, 0, u"defualt"_s, 3),
        u"params[0].defualt: unknown field"_s);
    row("duplicate param", editItem(u"params"_s, 1, u"name"_s, u"n"_s),
        u"params[1].name: 'n' is declared twice"_s);
    row("enum without choices",
        editItem(u"params"_s, 1, u"choices"_s, QJsonValue(QJsonValue::Undefined)),
        u"params[1].choices: an enum parameter needs a non-empty array of choices"_s);
    row("enum with empty choices", editItem(u"params"_s, 1, u"choices"_s, QJsonArray()),
        u"params[1].choices: expected a non-empty array of strings"_s);
    row("choices on a non-enum", editItem(u"params"_s, 0, u"choices"_s, QJsonArray{u"1"_s}),
        u"params[0].choices: only enum parameters have choices"_s);
    row("default not in choices", editItem(u"params"_s, 1, u"default"_s, u"c"_s),
        u"params[1].default: must be one of a, b (got \"c\")"_s);
    row("range not a pair", editItem(u"params"_s, 0, u"range"_s, QJsonArray{1}),
        u"params[0].range: expected [min, max] numbers"_s);
    row("range of strings", editItem(u"params"_s, 0, u"range"_s, QJsonArray{u"1"_s, u"5"_s}),
        u"params[0].range: expected [min, max] numbers"_s);
    row("range reversed", editItem(u"params"_s, 0, u"range"_s, QJsonArray{10, 1}),
        u"params[0].range: min 10 is above max 1"_s);
    row("range on a string", editItem(u"params"_s, 2, u"range"_s, QJsonArray{1, 2}),
        u"params[2].range: only int and float parameters have a range"_s);
    row("bad regex", editItem(u"params"_s, 2, u"regex"_s, u"^([a-z]+$"_s),
        u"params[2].regex: invalid regular expression"_s);
    row("regex on an int", editItem(u"params"_s, 0, u"regex"_s, u"^1$"_s),
        u"params[0].regex: only string, text and path parameters have a regex"_s);
    row("default fails regex", editItem(u"params"_s, 2, u"default"_s, u"Label"_s),
        u"params[2].default: \"Label\" does not match ^[a-z]+$"_s);
    row("default out of range", editItem(u"params"_s, 0, u"default"_s, 11),
        u"params[0].default: must be between 1 and 10 (got 11)"_s);
    row("default of the wrong type", editItem(u"params"_s, 0, u"default"_s, u"5"_s),
        u"params[0].default: must be a number (got \"5\")"_s);
    row("required not bool", editItem(u"params"_s, 2, u"required"_s, 1),
        u"params[2].required: expected true or false (got 1)"_s);
    row("unknown param in command",
        set(u"command"_s, QJsonArray{u"{python}"_s, u"--x={params.nope}"_s}),
        u"command[1]: {params.nope} names no declared parameter"_s);
    row("unknown input in command", set(u"command"_s, QJsonArray{u"run"_s, u"{inputs.model}"_s}),
        u"command[1]: {inputs.model} names no declared input"_s);
    row("unknown output in command",
        set(u"command"_s, QJsonArray{u"run"_s, u"x"_s, u"{outputs.table}"_s}),
        u"command[2]: {outputs.table} names no declared output"_s);
    row("empty command", set(u"command"_s, QJsonArray()),
        u"command: expected a non-empty array of strings"_s);
    row("missing command", remove(u"command"_s), u"command: is required"_s);
    row("command not strings", set(u"command"_s, QJsonArray{u"run"_s, 3}),
        u"command[1]: expected a string (got 3)"_s);
    row("empty program", set(u"command"_s, QJsonArray{u""_s}),
        u"command[0]: the program must not be empty"_s);
    row("negative cpus", set(u"resources"_s, QJsonObject{{u"cpus"_s, -1}}),
        u"resources.cpus: expected a non-negative whole number (got -1)"_s);
    row("fractional memory", set(u"resources"_s, QJsonObject{{u"memory_mb"_s, 1.5}}),
        u"resources.memory_mb: expected a non-negative whole number (got 1.5)"_s);
    row("unknown resource", set(u"resources"_s, QJsonObject{{u"gpu"_s, 1}}),
        u"resources.gpu: unknown field"_s);
    row("requires not strings", set(u"requires"_s, QJsonArray{1}),
        u"requires[0]: expected a string (got 1)"_s);
    row("image not a string", set(u"image"_s, true), u"image: expected a string (got true)"_s);
}

void TestTemplateSpec::parseErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const Result<TemplateSpec> spec = TemplateSpec::parse(json, kFile);
    QVERIFY2(!spec.ok(), "the template was accepted");
    QCOMPARE(spec.error().code, ErrorCode::Invalid);
    const QString message = spec.error().message;
    QVERIFY2(message.startsWith(kFile + u": "_s + expected), qPrintable(message));
}

void TestTemplateSpec::checkValue_data()
{
    QTest::addColumn<QByteArray>("param"); // a params[] entry
    QTest::addColumn<QByteArray>("value"); // JSON; empty for an absent value
    QTest::addColumn<QString>("expected"); // empty: accepted; else the reason

    const QByteArray intRange = R"({"name": "n", "type": "int", "range": [1, 5000]})";
    const QByteArray anInt = R"({"name": "n", "type": "int"})";
    const QByteArray aFloat = R"({"name": "f", "type": "float", "range": [0.05, 0.95]})";
    const QByteArray aBool = R"({"name": "b", "type": "bool"})";
    const QByteArray anEnum = R"({"name": "e", "type": "enum", "choices": ["rf", "lr"]})";
    const QByteArray aString = R"({"name": "s", "type": "string", "regex": "[a-z]+"})";
    const QByteArray aPath = R"({"name": "p", "type": "path"})";
    const QByteArray someJson = R"({"name": "j", "type": "json"})";
    const QByteArray required = R"({"name": "r", "type": "text", "required": true})";

    QTest::newRow("int in range") << intRange << QByteArray("100") << QString();
    QTest::newRow("int at min") << intRange << QByteArray("1") << QString();
    QTest::newRow("int at max") << intRange << QByteArray("5000") << QString();
    QTest::newRow("int below") << intRange << QByteArray("0")
                               << u"must be between 1 and 5000 (got 0)"_s;
    QTest::newRow("int above") << intRange << QByteArray("5001")
                               << u"must be between 1 and 5000 (got 5001)"_s;
    QTest::newRow("int with a fraction")
        << anInt << QByteArray("2.5") << u"must be a whole number (got 2.5)"_s;
    QTest::newRow("int as digits")
        << anInt << QByteArray("\"42\"") << u"must be a number (got \"42\")"_s;
    QTest::newRow("int as bool") << anInt << QByteArray("true") << u"must be a number (got true)"_s;
    QTest::newRow("negative int") << anInt << QByteArray("-7") << QString();
    QTest::newRow("float in range") << aFloat << QByteArray("0.25") << QString();
    QTest::newRow("float below") << aFloat << QByteArray("0.01")
                                 << u"must be between 0.05 and 0.95 (got 0.01)"_s;
    QTest::newRow("float as string")
        << aFloat << QByteArray("\"0.5\"") << u"must be a number (got \"0.5\")"_s;
    QTest::newRow("bool") << aBool << QByteArray("false") << QString();
    QTest::newRow("bool as string")
        << aBool << QByteArray("\"true\"") << u"must be true or false (got \"true\")"_s;
    QTest::newRow("bool as number")
        << aBool << QByteArray("1") << u"must be true or false (got 1)"_s;
    QTest::newRow("enum choice") << anEnum << QByteArray("\"lr\"") << QString();
    QTest::newRow("enum other") << anEnum << QByteArray("\"svm\"")
                                << u"must be one of rf, lr (got \"svm\")"_s;
    QTest::newRow("enum case") << anEnum << QByteArray("\"RF\"")
                               << u"must be one of rf, lr (got \"RF\")"_s;
    QTest::newRow("string matches") << aString << QByteArray("\"abc\"") << QString();
    QTest::newRow("regex is whole-value")
        << aString << QByteArray("\"abc1\"") << u"\"abc1\" does not match [a-z]+"_s;
    QTest::newRow("string as number") << aString << QByteArray("3") << u"must be text (got 3)"_s;
    QTest::newRow("path") << aPath << QByteArray("\"/tmp/x\"") << QString();
    QTest::newRow("path as array") << aPath << QByteArray("[1]") << u"must be text (got [1])"_s;
    QTest::newRow("json object") << someJson << QByteArray("{\"a\": [1, 2]}") << QString();
    QTest::newRow("json null") << someJson << QByteArray("null") << QString();
    QTest::newRow("absent, optional") << anInt << QByteArray() << QString();
    QTest::newRow("absent, required") << required << QByteArray() << u"a value is required"_s;
    QTest::newRow("null, required") << required << QByteArray("null") << u"a value is required"_s;
    // Substituted when the run starts; checked then.
    QTest::newRow("deferred int") << intRange << QByteArray("\"{{variables.x}}\"") << QString();
    QTest::newRow("deferred float") << aFloat << QByteArray("\"{{variables.f}}\"") << QString();
    QTest::newRow("deferred bool") << aBool << QByteArray("\"{{variables.b}}\"") << QString();
    QTest::newRow("deferred enum") << anEnum << QByteArray("\"{{variables.e}}\"") << QString();
    QTest::newRow("deferred string") << aString << QByteArray("\"{{run_id}}-x\"") << QString();
    QTest::newRow("single brace is not deferred") << intRange << QByteArray("\"{variables.x}\"")
                                                  << u"must be a number (got \"{variables.x}\")"_s;
}

void TestTemplateSpec::checkValue()
{
    QFETCH(QByteArray, param);
    QFETCH(QByteArray, value);
    QFETCH(QString, expected);

    const QByteArray json = "{\"id\": \"p\", \"version\": \"1.0\", \"name\": \"P\", "
                            "\"command\": [\"true\"], \"params\": [" +
                            param + "]}";
    const Result<TemplateSpec> spec = TemplateSpec::parse(json, kFile);
    QVERIFY2(spec.ok(), qPrintable(spec.ok() ? QString() : spec.error().message));
    const QJsonValue v = value.isEmpty() ? QJsonValue(QJsonValue::Undefined) : jsonValue(value);
    QVERIFY(value.isEmpty() || !v.isUndefined());
    QCOMPARE(TemplateSpec::checkValue(spec->params.first(), v), expected);
}

void TestTemplateSpec::portsCompatible_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("compatible");

    for (const QString &type : TemplateSpec::portTypes()) {
        QTest::addRow("%s to itself", qPrintable(type)) << type << type << true;
        QTest::addRow("%s to any", qPrintable(type)) << type << u"any"_s << true;
        QTest::addRow("any to %s", qPrintable(type)) << u"any"_s << type << true;
    }
    QTest::newRow("table to file") << u"table"_s << u"file"_s << true;
    QTest::newRow("file to table") << u"file"_s << u"table"_s << false;
    QTest::newRow("dataset to directory") << u"dataset"_s << u"directory"_s << true;
    QTest::newRow("directory to dataset") << u"directory"_s << u"dataset"_s << false;
    QTest::newRow("model to table") << u"model"_s << u"table"_s << false;
    QTest::newRow("metrics to model") << u"metrics"_s << u"model"_s << false;
    QTest::newRow("table to dataset") << u"table"_s << u"dataset"_s << false;
    QTest::newRow("model to file") << u"model"_s << u"file"_s << false;
    QTest::newRow("unknown type") << u"tabel"_s << u"tabel"_s << false;
    QTest::newRow("unknown to any") << u"tabel"_s << u"any"_s << false;
}

void TestTemplateSpec::portsCompatible()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(bool, compatible);
    QCOMPARE(TemplateSpec::portsCompatible(from, to), compatible);
}

void TestTemplateSpec::compareVersions_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("sign");

    QTest::newRow("equal") << u"1.0"_s << u"1.0"_s << 0;
    QTest::newRow("numeric, not text") << u"1.2"_s << u"1.10"_s << -1;
    QTest::newRow("major wins") << u"2.0"_s << u"1.10"_s << 1;
    QTest::newRow("missing part is zero") << u"1.0"_s << u"1.0.0"_s << 0;
    QTest::newRow("patch") << u"1.0.1"_s << u"1.0"_s << 1;
    QTest::newRow("leading zero") << u"1.02"_s << u"1.2"_s << 0;
    QTest::newRow("big") << u"10.0"_s << u"9.99"_s << 1;
}

void TestTemplateSpec::compareVersions()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, sign);
    const auto signOf = [](int v) { return (v > 0) - (v < 0); };
    QCOMPARE(signOf(TemplateSpec::compareVersions(a, b)), sign);
    QCOMPARE(signOf(TemplateSpec::compareVersions(b, a)), -sign);
}

void TestTemplateSpec::libraryResolves()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(u"a/template.json"_s), miniTemplate(u"x"_s, u"1.0"_s)));
    QVERIFY(writeFile(dir.filePath(u"b/template.json"_s), miniTemplate(u"x"_s, u"1.10"_s)));
    QVERIFY(writeFile(dir.filePath(u"c/template.json"_s), miniTemplate(u"x"_s, u"1.2"_s)));
    QVERIFY(writeFile(dir.filePath(u"d/template.json"_s), miniTemplate(u"y"_s, u"1.0"_s)));
    QVERIFY(QDir().mkpath(dir.filePath(u"not-a-template"_s))); // no template.json: ignored

    TemplateLibrary library;
    library.addDirectory(dir.path());
    QVERIFY2(library.loadErrors().isEmpty(), qPrintable(messages(library.loadErrors())));
    QCOMPARE(library.all().size(), 4);
    QCOMPARE(library.latest().size(), 2);

    const Result<TemplateSpec> newest = library.resolve(u"x"_s);
    QVERIFY(newest.ok());
    QCOMPARE(newest->version, u"1.10"_s); // numeric order, not text order
    const Result<TemplateSpec> exact = library.resolve(u"x@1.2"_s);
    QVERIFY(exact.ok());
    QCOMPARE(exact->version, u"1.2"_s);
    QCOMPARE(QDir(exact->directory).dirName(), u"c"_s);

    const Result<TemplateSpec> missing = library.resolve(u"x@9.9"_s);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QCOMPARE(missing.error().message,
             u"template x has no version 9.9 (available: 1.0, 1.2, 1.10)"_s);

    const Result<TemplateSpec> unknown = library.resolve(u"nope"_s);
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().code, ErrorCode::NotFound);
    QCOMPARE(unknown.error().message, u"unknown template 'nope'"_s);
    QCOMPARE(library.resolve(u"nope@1.0"_s).error().message, u"unknown template 'nope'"_s);

    // A second directory may add versions, as a workspace's own templates do.
    QTemporaryDir more;
    QVERIFY(writeFile(more.filePath(u"x2/template.json"_s), miniTemplate(u"x"_s, u"2.0"_s)));
    library.addDirectory(more.path());
    QVERIFY(library.loadErrors().isEmpty());
    QCOMPARE(library.resolve(u"x"_s)->version, u"2.0"_s);
}

void TestTemplateSpec::libraryReportsBadFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(u"a/template.json"_s), miniTemplate(u"x"_s, u"1.0"_s)));
    QVERIFY(writeFile(dir.filePath(u"b/template.json"_s), miniTemplate(u"x"_s, u"1.0"_s)));
    QVERIFY(writeFile(
        dir.filePath(u"broken/template.json"_s),
        R"({"id": "z", "version": "1.0", "name": "Z", "command": ["run"], "param": []})"));

    TemplateLibrary library;
    library.addDirectory(dir.path());
    const QList<Error> errors = library.loadErrors();
    QCOMPARE(errors.size(), 2);
    QCOMPARE(errors.at(0).code, ErrorCode::Conflict);
    QVERIFY2(
        errors.at(0).message.startsWith(u"b/template.json: template x@1.0 is already defined"_s),
        qPrintable(errors.at(0).message));
    QCOMPARE(errors.at(1).code, ErrorCode::Invalid);
    QVERIFY2(errors.at(1).message.startsWith(u"broken/template.json: param: unknown field"_s),
             qPrintable(errors.at(1).message));

    // The first one wins; the broken one is not loaded.
    QCOMPARE(QDir(library.resolve(u"x@1.0"_s)->directory).dirName(), u"a"_s);
    QVERIFY(!library.resolve(u"z"_s).ok());
    QCOMPARE(library.all().size(), 1);

    TemplateLibrary none;
    none.addDirectory(dir.filePath(u"does-not-exist"_s));
    QCOMPARE(none.loadErrors().size(), 1);
    QCOMPARE(none.loadErrors().first().code, ErrorCode::NotFound);
}

void TestTemplateSpec::builtinDirectoryFollowsEnvironment()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(u"own/template.json"_s), miniTemplate(u"own"_s, u"1.0"_s)));
    qputenv("ATELIER_TEMPLATES_DIR", dir.path().toUtf8());
    const QString chosen = TemplateLibrary::builtinDirectory();
    qunsetenv("ATELIER_TEMPLATES_DIR");
    QCOMPARE(chosen, QDir(dir.path()).absolutePath());

    // Unset (or pointing nowhere): the installed copy or the source tree's.
    qputenv("ATELIER_TEMPLATES_DIR", dir.filePath(u"missing"_s).toUtf8());
    const QString fallback = TemplateLibrary::builtinDirectory();
    qunsetenv("ATELIER_TEMPLATES_DIR");
    QVERIFY2(QFileInfo::exists(fallback + u"/sklearn-train/template.json"_s), qPrintable(fallback));

    // A workspace adds its repo/templates to the built-in ones.
    QTemporaryDir workspace;
    QVERIFY(writeFile(workspace.filePath(u"repo/templates/mine/template.json"_s),
                      miniTemplate(u"mine"_s, u"0.1"_s)));
    const TemplateLibrary library = TemplateLibrary::forWorkspace(workspace.path());
    QVERIFY2(library.loadErrors().isEmpty(), qPrintable(messages(library.loadErrors())));
    QVERIFY(library.resolve(u"mine"_s).ok());
    QVERIFY(library.resolve(u"sklearn-train@1.0"_s).ok());
}

void TestTemplateSpec::builtinTemplatesLoad()
{
    const QString root = QStringLiteral(ATELIER_SOURCE_DIR) + u"/resources/templates"_s;
    TemplateLibrary library;
    library.addDirectory(root);
    QVERIFY2(library.loadErrors().isEmpty(), qPrintable(messages(library.loadErrors())));

    // Every folder with a template.json loaded.
    const QStringList folders = QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    int withTemplate = 0;
    for (const QString &folder : folders)
        withTemplate += QFileInfo::exists(root + u'/' + folder + u"/template.json"_s) ? 1 : 0;
    QCOMPARE(library.all().size(), withTemplate);

    const QStringList expected = {
        u"shell"_s,       u"python"_s,        u"dataset-export"_s,
        u"table-split"_s, u"sklearn-train"_s, u"xgboost-train"_s,
        u"evaluate"_s,    u"batch-predict"_s, u"pytorch-train"_s,
    };
    for (const QString &id : expected) {
        const Result<TemplateSpec> spec = library.resolve(id);
        QVERIFY2(spec.ok(), qPrintable(id));
        QCOMPARE(spec->version, u"1.0"_s);
        QVERIFY2(!spec->category.isEmpty() && !spec->description.isEmpty(), qPrintable(id));
        // Scripts named by the command exist beside template.json.
        for (const QString &arg : spec->command) {
            if (arg.startsWith(u"{template_dir}/"_s)) {
                const QString script =
                    spec->directory + arg.mid(QStringLiteral("{template_dir}").size());
                QVERIFY2(QFileInfo::exists(script), qPrintable(script));
            }
        }
        // Parameters have labels and help for the properties panel.
        for (const ParamSpec &param : spec->params)
            QVERIFY2(!param.help.isEmpty(), qPrintable(id + u'.' + param.name));
    }
    QVERIFY(QFileInfo::exists(root + u"/atelier_log.py"_s));
    QCOMPARE(library.resolve(u"sklearn-train"_s)->requiredModules,
             (QStringList{u"sklearn"_s, u"numpy"_s}));
}

QTEST_GUILESS_MAIN(TestTemplateSpec)
#include "tst_templatespec.moc"
