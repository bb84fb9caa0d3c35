#include "datasets/textsuggestions.h"

#include "catalog/database.h"
#include "core/workspace.h"
#include "datasets/annotationstore.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetitemstore.h"
#include "datasets/datasetversionstore.h"
#include "datasets/formatregistry.h"
#include "datasets/textnormalize.h"
#include "pipeline/pythonresolver.h"
#include "pipeline/templatelibrary.h"
#include "pipeline/templatespec.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

QJsonObject probabilitiesJson(const TextRecord &record)
{
    QJsonObject p;
    for (const auto &[label, value] : record.probabilities)
        p.insert(label, value);
    return p;
}

double probabilityOf(const TextRecord &record, const QString &label)
{
    for (const auto &[l, p] : record.probabilities) {
        if (l == label)
            return p;
    }
    return -1.0;
}

/// The suggestions a prediction record makes for an item of \a task.
QList<Annotation> suggestionsOf(const TextRecord &record, DatasetTask task)
{
    QList<Annotation> list;
    switch (task) {
    case DatasetTask::TextClassification: {
        QStringList labels = record.labels;
        if (labels.isEmpty() && !record.probabilities.isEmpty())
            labels.append(record.probabilities.first().first); // the most probable
        labels.removeDuplicates();
        for (const QString &label : labels) {
            Annotation a = Annotation::tag(label);
            QJsonObject g;
            double p = probabilityOf(record, label);
            if (p < 0 && record.score && labels.size() == 1)
                p = *record.score;
            if (p >= 0)
                g.insert(u"score"_s, p);
            if (!record.probabilities.isEmpty())
                g.insert(u"probabilities"_s, probabilitiesJson(record));
            if (!g.isEmpty())
                a.geometry = g;
            list.append(a);
        }
        break;
    }
    case DatasetTask::Entities:
        for (const TextSpan &s : record.spans) {
            Annotation a = Annotation::span(s.label, s.start, s.end);
            if (s.score) {
                QJsonObject g = a.geometry.toObject();
                g.insert(u"score"_s, *s.score);
                a.geometry = g;
            }
            list.append(a);
        }
        break;
    case DatasetTask::Pairs: {
        QString label = record.labels.value(0);
        if (label.isEmpty() && record.score)
            label = *record.score >= 0.5 ? u"similar"_s : u"not_similar"_s;
        if (!label.isEmpty()) {
            std::optional<double> score;
            if (record.score && *record.score >= 0.0 && *record.score <= 1.0)
                score = record.score;
            list.append(Annotation::pair(label, score));
        }
        break;
    }
    default:
        break;
    }
    return list;
}

} // namespace

Result<QString> TextSuggestions::sourceFor(const QString &model)
{
    QString name = model.trimmed();
    QString version = u"1"_s;
    const qsizetype at = name.lastIndexOf(u'@');
    if (at >= 0) {
        version = name.mid(at + 1).trimmed();
        name = name.left(at).trimmed();
    }
    if (name.startsWith(u"model:"_s))
        name = name.mid(6);
    if (name.isEmpty() || version.isEmpty() || name.contains(u' ') || version.contains(u' '))
        return makeError(ErrorCode::Invalid,
                         tr("\"%1\" does not name a model; write NAME or NAME@VERSION (for "
                            "example tfidf@2).")
                             .arg(model));
    return u"model:%1@%2"_s.arg(name, version);
}

Result<SuggestReport> TextSuggestions::importFile(DatasetContext &context, const QString &dataset,
                                                  const QString &file,
                                                  const SuggestOptions &options)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound,
                         tr("Cannot read the predictions %1: %2; give a JSONL file.")
                             .arg(QDir::toNativeSeparators(file), f.errorString()));
    return importData(context, dataset, f.readAll(), options);
}

Result<SuggestReport> TextSuggestions::importData(DatasetContext &context, const QString &dataset,
                                                  const QByteArray &jsonl,
                                                  const SuggestOptions &options)
{
    auto source = sourceFor(options.model);
    if (!source)
        return source.error();
    DatasetCatalog catalog(context);
    DatasetItemStore itemStore(context);
    AnnotationStore annotationStore(context);
    auto info = catalog.dataset(dataset);
    if (!info)
        return info.error();
    if (info->media != DatasetMedia::Text)
        return makeError(
            ErrorCode::Invalid,
            tr("\"%1\" holds images; text predictions cannot be imported into it.").arg(dataset));
    SuggestReport report;
    report.dataset = dataset;
    report.source = source.value();
    const qint64 total = jsonl.count('\n');
    TextReadOptions read;
    read.cancel = options.cancel;
    read.requireText = false;
    Status parsed;
    // Short transactions (other processes write meanwhile); a killed import can be run again:
    // each item's suggestions from this source are replaced, not added twice.
    WriteSlices timing;
    Status done = context.batch([&]() -> Status {
        Status failed;
        parsed = TextCodec::read(
            u"jsonl"_s, jsonl, read,
            [&](TextRecord &&record) -> bool {
                if (auto committed = context.commitIfDue(timing); !committed) {
                    failed = committed;
                    return false;
                }
                ++report.records;
                std::optional<DatasetItem> item;
                if (!record.id.isEmpty()) {
                    bool numeric = false;
                    const qint64 id = record.id.toLongLong(&numeric);
                    auto found = numeric ? itemStore.item(id) : Result<DatasetItem>(Error{});
                    if (found && found->datasetId == info->id)
                        item = found.value();
                }
                if (!item && !record.text.isEmpty()) {
                    auto found =
                        itemStore.findItem(info->id, textDedupKey(record.text, record.textB));
                    if (!found) {
                        failed = found.error();
                        return false;
                    }
                    item = found.value();
                }
                if (!item) {
                    report.problems.append(
                        {record.line, record.id.isEmpty()
                                          ? tr("no item of the dataset has this text")
                                          : tr("no item %1 in the dataset (and no text that "
                                               "matches one)")
                                                .arg(record.id)});
                    return true;
                }
                if (info->task == DatasetTask::Entities) {
                    // Offsets are checked against the item's text, not the record's.
                    TextRecord check = record;
                    check.text = item->text;
                    if (auto problem = TextCodec::checkSpans(check)) {
                        report.problems.append({record.line, *problem});
                        return true;
                    }
                }
                const QList<Annotation> suggestions = suggestionsOf(record, info->task);
                auto made =
                    annotationStore.replaceSuggestions(item->id, report.source, suggestions);
                if (!made) {
                    report.problems.append({record.line, made.error().message});
                    return true;
                }
                ++report.items;
                report.suggestions += made->size();
                if (options.progress && report.records % 1000 == 0)
                    options.progress(record.line, total);
                return true;
            },
            report.problems);
        return failed;
    });
    if (!done)
        return done.error();
    if (!parsed)
        return parsed.error();
    if (options.progress)
        options.progress(total, total);
    return report;
}

UncertainItem TextSuggestions::uncertaintyOf(qint64 itemId, const QList<Annotation> &annotations,
                                             UncertaintyMeasure measure)
{
    UncertainItem u;
    u.itemId = itemId;
    for (const Annotation &a : annotations) {
        if (a.state != AnnotationState::Suggested)
            continue;
        double p1 = -1.0;
        double p2 = -1.0;
        QString top = a.label;
        const QJsonObject g = a.geometry.toObject();
        if (a.kind == AnnotationKind::Tag && g.value(u"probabilities"_s).isObject()) {
            QList<std::pair<double, QString>> ps;
            const QJsonObject probs = g.value(u"probabilities"_s).toObject();
            for (auto it = probs.begin(); it != probs.end(); ++it)
                ps.append({it.value().toDouble(), it.key()});
            std::sort(ps.begin(), ps.end(), std::greater<>());
            if (!ps.isEmpty()) {
                p1 = ps.at(0).first;
                top = ps.at(0).second;
                p2 = ps.size() > 1 ? ps.at(1).first : 1.0 - p1;
            }
        } else if (g.value(u"score"_s).isDouble()) {
            p1 = g.value(u"score"_s).toDouble();
        } else if (a.kind == AnnotationKind::Pair && a.score()) {
            // A similarity score s: the model is sure when s is near 0 or 1.
            p1 = std::max(*a.score(), 1.0 - *a.score());
        }
        if (p1 < 0)
            continue;
        if (p2 < 0) // a lone probability: its complement is the runner-up (binary reading)
            p2 = std::min(p1, 1.0 - p1);
        const double uncertainty = measure == UncertaintyMeasure::LeastConfidence
                                       ? 1.0 - p1
                                       : 1.0 - std::max(0.0, p1 - p2);
        // An item is as uncertain as its least sure suggestion.
        if (uncertainty > u.uncertainty) {
            u.uncertainty = uncertainty;
            u.confidence = p1;
            u.topLabel = top;
        }
    }
    return u;
}

Result<QList<UncertainItem>> TextSuggestions::uncertaintyOrder(DatasetContext &context,
                                                               qint64 datasetId,
                                                               UncertaintyMeasure measure,
                                                               bool unlabeledOnly)
{
    QList<UncertainItem> list;
    Status walked = DatasetVersionStore(context).forEachItem(
        datasetId,
        [&](const DatasetItem &item, const QList<Annotation> &annotations) {
            if (!unlabeledOnly || item.status == ItemStatus::Unlabeled)
                list.append(uncertaintyOf(item.id, annotations, measure));
            return true;
        },
        AnnotationFilter{QString(), AnnotationState::Suggested});
    if (!walked)
        return walked.error();
    std::stable_sort(list.begin(), list.end(), [](const UncertainItem &a, const UncertainItem &b) {
        return a.uncertainty > b.uncertainty;
    });
    return list;
}

Result<SuggestReport> TextSuggestions::runSuggester(DatasetContext &context, const QString &dataset,
                                                    const SuggesterRun &run)
{
    const QString templatesDir =
        run.templatesDir.isEmpty() ? TemplateLibrary::builtinDirectory() : run.templatesDir;
    auto spec =
        TemplateSpec::load(QDir(templatesDir).filePath(run.templateId + u"/template.json"_s));
    if (!spec)
        return spec.error();
    auto python = PythonResolver::find(spec->requiredModules, run.python);
    if (!python)
        return python.error();
    QTemporaryDir work;
    if (!work.isValid())
        return makeError(ErrorCode::Io,
                         tr("Cannot create a temporary folder: %1.").arg(work.errorString()));
    const QString input = work.filePath(u"dataset"_s);
    const QString output = work.filePath(u"predictions"_s);
    if (!QDir().mkpath(input) || !QDir().mkpath(output))
        return makeError(ErrorCode::Io, tr("Cannot create folders in %1.").arg(work.path()));

    if (run.progress)
        run.progress(u"export"_s);
    ExportOptions exportOptions;
    exportOptions.format = u"jsonl"_s;
    exportOptions.cancel = run.cancel;
    auto exported = exportDataset(context, dataset, input, exportOptions);
    if (!exported)
        return exported.error();

    QStringList argv;
    for (const QString &element : spec->command) {
        QString e = element;
        e.replace(u"{python}"_s, python.value());
        e.replace(u"{template_dir}"_s, spec->directory);
        e.replace(u"{inputs.dataset}"_s, input);
        e.replace(u"{outputs.predictions}"_s, output);
        for (const ParamSpec &p : spec->params) {
            const QString key = u"{params.%1}"_s.arg(p.name);
            if (!e.contains(key))
                continue;
            QString value = run.params.value(p.name);
            if (!run.params.contains(p.name)) {
                const QJsonValue d = p.defaultValue;
                value = d.isDouble()   ? QString::number(d.toDouble(), 'g', 17)
                        : d.isBool()   ? (d.toBool() ? u"true"_s : u"false"_s)
                        : d.isString() ? d.toString()
                                       : QString();
            }
            e.replace(key, value);
        }
        argv.append(e);
    }
    if (run.progress)
        run.progress(u"run"_s);
    QProcess process;
    process.setWorkingDirectory(work.path());
    process.setProgram(argv.first());
    process.setArguments(argv.mid(1));
    // The result comes back through {outputs.predictions}; stdout is not read, so it is not
    // kept either (a chatty script would otherwise fill memory).
    process.setStandardOutputFile(QProcess::nullDevice());
    process.start();
    if (!process.waitForStarted())
        return makeError(ErrorCode::Io,
                         tr("Cannot start %1: %2.").arg(argv.first(), process.errorString()));
    // Only the end of stderr is kept: it is read as it comes, the older part dropped.
    constexpr qsizetype kKeptStderr = 64 * 1024;
    QByteArray stderrTail;
    const auto keepStderr = [&] {
        stderrTail += process.readAllStandardError();
        if (stderrTail.size() > kKeptStderr)
            stderrTail = stderrTail.right(kKeptStderr);
    };
    int waited = 0;
    while (!process.waitForFinished(200)) {
        keepStderr();
        waited += 200;
        if ((run.cancel && run.cancel->load()) || waited > run.timeoutMs) {
            process.kill();
            process.waitForFinished();
            if (waited > run.timeoutMs)
                return makeError(ErrorCode::Io, tr("%1 ran past %2 s and was stopped.")
                                                    .arg(spec->ref())
                                                    .arg(run.timeoutMs / 1000));
            return makeError(ErrorCode::Cancelled, tr("The suggester was cancelled."));
        }
    }
    keepStderr();
    const QString log = QString::fromUtf8(stderrTail).trimmed();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString last = log.section(u'\n', -1);
        return makeError(ErrorCode::Invalid, tr("%1 failed (exit %2): %3")
                                                 .arg(spec->ref())
                                                 .arg(process.exitCode())
                                                 .arg(last.isEmpty() ? tr("no message") : last));
    }
    if (run.progress)
        run.progress(u"import"_s);
    SuggestOptions options;
    options.model = spec->ref();
    options.cancel = run.cancel;
    auto report =
        importFile(context, dataset, QDir(output).filePath(u"predictions.jsonl"_s), options);
    if (report)
        report->log = log.right(4000);
    return report;
}

Result<SuggestReport> TextSuggestions::runSuggesterIn(const QString &workspaceRoot,
                                                      const QString &dataset,
                                                      const SuggesterRun &run)
{
    auto workspace = Workspace::open(workspaceRoot);
    if (!workspace)
        return workspace.error();
    DatasetContext context(workspace->catalog(), workspace->root());
    return runSuggester(context, dataset, run);
}

} // namespace atelier
