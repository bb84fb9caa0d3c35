#include "datasetcommands.h"
#include "core/textwidth.h"

#include "cliutil.h"
#include "textdatasetcommands.h"

#include "core/workspace.h"
#include "datasets/annotationstore.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetitemstore.h"
#include "datasets/datasetversionstore.h"
#include "datasets/formatregistry.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

/// The `dataset` command; strings are translated in this context.
class DatasetCommands final
{
    Q_DECLARE_TR_FUNCTIONS(DatasetCommands)

public:
    DatasetCommands(SubcommandParser &sub, Workspace &workspace)
        : m_sub(sub), m_context(workspace.catalog(), workspace.root())
    {
        if (isSet("author"))
            m_context.setAuthor(value("author"));
    }

    int import();
    /// True (and says so on stderr) when \a report imported nothing and was not cancelled.
    bool nothingImported(const ImportReport &report) const;
    int list();
    int show();
    int exportDataset();
    int version();
    int remove();

    static QString help();
    static int formats(bool json);

private:
    QString value(const char *option) const
    {
        return m_sub.parser.value(QString::fromLatin1(option));
    }
    bool isSet(const char *option) const { return m_sub.parser.isSet(QString::fromLatin1(option)); }

    SubcommandParser &m_sub;
    DatasetContext m_context; // the section stores are made on it where needed
};

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) : u"-"_s;
}

/// "complete", "importing" or "incomplete" (JSON; not translated).
QString stateName(const DatasetInfo &d)
{
    return d.importing() ? u"importing"_s : d.incomplete() ? u"incomplete"_s : u"complete"_s;
}

QString stateText(const DatasetInfo &d)
{
    return d.importing()    ? DatasetCommands::tr("importing")
           : d.incomplete() ? DatasetCommands::tr("INCOMPLETE")
                            : DatasetCommands::tr("complete");
}

QJsonValue pendingJson(const DatasetInfo &d)
{
    if (!d.pendingImport)
        return QJsonValue::Null;
    QJsonObject o = d.pendingImport->toJson();
    o.insert(u"running"_s, d.pendingImport->running);
    return o;
}

} // namespace

QString incompleteDatasetNote(const DatasetInfo &d)
{
    return DatasetCommands::tr("\"%1\" is incomplete: the import of %2 started %3 stopped before "
                               "its end. Import it again to finish it (items already in are "
                               "counted as duplicates), or 'atelier dataset remove %1'.")
        .arg(d.name, d.pendingImport->source, timeText(d.pendingImport->startedAt));
}

namespace {

QJsonArray problemsJson(const QList<ImportProblem> &problems)
{
    QJsonArray array;
    for (const ImportProblem &p : problems)
        array.append(QJsonObject{{u"file"_s, p.file}, {u"reason"_s, p.reason}});
    return array;
}

QJsonObject versionJson(const DatasetVersion &v)
{
    return {{u"version"_s, v.number},       {u"message"_s, v.message},
            {u"commit"_s, v.commitId},      {u"counts"_s, v.counts},
            {u"created_by"_s, v.createdBy}, {u"created_at"_s, v.createdAt.toString(Qt::ISODate)}};
}

/// Progress on stderr: one line rewritten on a terminal, a line every few seconds otherwise.
class ProgressPrinter
{
public:
    explicit ProgressPrinter(bool quiet) : m_quiet(quiet), m_tty(isatty(fileno(stderr)) != 0)
    {
        m_clock.start();
    }
    void operator()(qint64 done, qint64 total, const QString &what)
    {
        if (m_quiet)
            return;
        const bool last = total > 0 && done >= total;
        if (!m_tty && !last && m_clock.elapsed() - m_last < 2000 && done != 0)
            return;
        m_last = m_clock.elapsed();
        const QString line = total > 0 ? u"%1 (%2%)"_s.arg(what).arg(done * 100 / total) : what;
        if (m_tty) {
            err() << '\r' << padToWidth(line, 60);
            if (last)
                err() << '\n';
        } else {
            err() << line << '\n';
        }
        err().flush();
    }

private:
    bool m_quiet;
    bool m_tty;
    QElapsedTimer m_clock;
    qint64 m_last = -100000;
};

QString DatasetCommands::help()
{
    return tr("Usage:\n"
              "  atelier dataset import PATH --name N --format F [--task T] [--multi-label]\n"
              "                         [--overlapping-spans] [--pair-score] [--author A]\n"
              "                         [--max-unpacked-mb MB] [--max-image-pixels N]\n"
              "          PATH: a folder, a file, or a zip / tar(.gz) archive; into N (made when\n"
              "          missing). Bad files are skipped and listed; the rest is imported.\n"
              "  atelier dataset list\n"
              "  atelier dataset show N\n"
              "  atelier dataset export N[@VERSION] --format F --out DIR [--version V]\n"
              "                         [--author A] [--include-suggested]\n"
              "  atelier dataset version N -m MESSAGE   freeze the annotations as version N+1\n"
              "  atelier dataset formats                formats each media imports / exports\n"
              "  atelier dataset remove N\n"
              "Tasks: classification, detection, segmentation, text_classification, entities, "
              "pairs.\n") +
           TextDatasetCommands::help();
}

int DatasetCommands::formats(bool json)
{
    const auto all = FormatRegistry::instance().all();
    if (json) {
        QJsonArray array;
        for (const DatasetFormat *f : all) {
            QJsonArray tasks;
            for (DatasetTask t : f->tasks)
                tasks.append(toString(t));
            array.append(QJsonObject{{u"name"_s, f->name},
                                     {u"media"_s, toString(f->media)},
                                     {u"tasks"_s, tasks},
                                     {u"import"_s, bool(f->importer)},
                                     {u"export"_s, bool(f->exporter)},
                                     {u"description"_s, f->description}});
        }
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        out().flush();
        return ExitOk;
    }
    out() << padToWidth(tr("FORMAT"), 12) << ' ' << padToWidth(tr("MEDIA"), 6) << ' '
          << padToWidth(tr("DIRECTION"), 14) << ' ' << tr("TASKS") << Qt::endl;
    for (const DatasetFormat *f : all) {
        QStringList tasks;
        for (DatasetTask t : f->tasks)
            tasks.append(toString(t));
        const QString direction = f->importer && f->exporter ? tr("import, export")
                                  : f->importer              ? tr("import")
                                                             : tr("export");
        out() << padToWidth(f->name, 12) << ' ' << padToWidth(toString(f->media), 6) << ' '
              << padToWidth(direction, 14) << ' ' << tasks.join(u", "_s) << Qt::endl;
    }
    return ExitOk;
}

int DatasetCommands::import()
{
    if (m_sub.positional().size() != 2)
        return usage(tr("'dataset import' takes one PATH."));
    if (!isSet("name") || !isSet("format"))
        return usage(tr("'dataset import' needs --name N and --format F."));
    ImportOptions options;
    options.format = value("format");
    if (isSet("task")) {
        options.task = datasetTaskFromString(value("task"));
        if (!options.task)
            return usage(tr("unknown task '%1'.").arg(value("task")));
    }
    options.datasetOptions.multiLabel = isSet("multi-label");
    options.datasetOptions.overlappingSpans = isSet("overlapping-spans");
    options.datasetOptions.pairScore = isSet("pair-score");
    options.author = m_context.author();
    if (isSet("max-unpacked-mb")) {
        bool ok = false;
        const qint64 mb = value("max-unpacked-mb").toLongLong(&ok);
        // 2^40 MB (an exabyte) is more than any disk; the cap keeps mb * 2^20 from overflowing.
        constexpr qint64 kMaxMb = qint64(1) << 40;
        if (!ok || mb < 1 || mb > kMaxMb)
            return usage(tr("--max-unpacked-mb takes a whole number of megabytes from 1 to %1.")
                             .arg(kMaxMb));
        options.maxUnpackedBytes = mb * 1024 * 1024;
    }
    if (isSet("max-image-pixels")) {
        bool ok = false;
        const qint64 pixels = value("max-image-pixels").toLongLong(&ok);
        if (!ok || pixels < 1)
            return usage(tr("--max-image-pixels takes a whole number of pixels (width × "
                            "height), at least 1; the default is %1.")
                             .arg(DatasetContext::DefaultMaxImagePixels));
        options.maxImagePixels = pixels;
    }
    ProgressPrinter progress(m_sub.wantsJson());
    options.progress = [&](qint64 done, qint64 total, const QString &what) {
        progress(done, total, what);
    };
    TextDatasetCommands::applyImportOptions(m_sub, options);
    auto report = importDataset(m_context, value("name"), m_sub.positional().at(1), options);
    if (!report)
        return refuse(report.error().message);
    if (m_sub.wantsJson()) {
        printJson(QJsonObject{{u"dataset"_s, report->dataset},
                              {u"imported"_s, report->imported},
                              {u"duplicates"_s, report->duplicates},
                              {u"annotations"_s, report->annotations},
                              {u"duplicate_files"_s, problemsJson(report->duplicateFiles)},
                              {u"unreadable"_s, problemsJson(report->unreadable)},
                              {u"warnings"_s, problemsJson(report->warnings)},
                              {u"cancelled"_s, report->cancelled},
                              {u"task"_s, report->task ? toString(*report->task) : QString()},
                              {u"task_reason"_s, report->taskReason}});
        return nothingImported(report.value()) ? ExitRefused : ExitOk;
    }
    if (!report->taskReason.isEmpty())
        out() << tr("Task: %1, chosen from the content: %2.")
                     .arg(toString(*report->task), report->taskReason)
              << Qt::endl;
    out() << tr("Imported into \"%1\": %2 new items, %3 duplicates, %4 annotations, %5 "
                "unreadable, %6 warnings.")
                 .arg(report->dataset)
                 .arg(report->imported)
                 .arg(report->duplicates)
                 .arg(report->annotations)
                 .arg(report->unreadable.size())
                 .arg(report->warnings.size())
          << Qt::endl;
    auto list = [](const QString &title, const QList<ImportProblem> &problems) {
        if (problems.isEmpty())
            return;
        out() << title << Qt::endl;
        constexpr qsizetype shown = 20;
        for (qsizetype i = 0; i < qMin(shown, problems.size()); ++i)
            out() << "  " << problems[i].file << ": " << problems[i].reason << Qt::endl;
        if (problems.size() > shown)
            out() << "  "
                  << tr("… and %1 more (--json lists them all)").arg(problems.size() - shown)
                  << Qt::endl;
    };
    list(tr("Duplicates (same content already in the dataset):"), report->duplicateFiles);
    list(tr("Unreadable (skipped):"), report->unreadable);
    list(tr("Warnings:"), report->warnings);
    return nothingImported(report.value()) ? ExitRefused : ExitOk;
}

bool DatasetCommands::nothingImported(const ImportReport &report) const
{
    if (report.cancelled || report.usable())
        return false;
    err() << tr("Nothing in %1 could be imported as %2; see the entries listed above.")
                 .arg(QDir::toNativeSeparators(m_sub.positional().at(1)), value("format"))
          << Qt::endl;
    return true;
}

int DatasetCommands::list()
{
    auto all = DatasetCatalog(m_context).datasets();
    if (!all)
        return refuse(all.error().message);
    if (m_sub.wantsJson()) {
        QJsonArray array;
        for (const DatasetInfo &d : all.value())
            array.append(QJsonObject{{u"name"_s, d.name},
                                     {u"media"_s, toString(d.media)},
                                     {u"task"_s, toString(d.task)},
                                     {u"options"_s, d.options.toJson()},
                                     {u"items"_s, d.itemCount},
                                     {u"labeled"_s, d.labeledCount},
                                     {u"latest_version"_s, d.latestVersion},
                                     {u"state"_s, stateName(d)},
                                     {u"pending_import"_s, pendingJson(d)},
                                     {u"created_at"_s, d.createdAt.toString(Qt::ISODate)}});
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        out().flush();
        return ExitOk;
    }
    if (all->isEmpty()) {
        out() << tr("No datasets yet. Import one with 'atelier dataset import'.") << Qt::endl;
        return ExitOk;
    }
    out() << padToWidth(tr("NAME"), 24) << ' ' << padToWidth(tr("TASK"), 19) << ' '
          << padToWidth(tr("ITEMS"), 8, true) << ' ' << padToWidth(tr("LABELED"), 8, true) << ' '
          << padToWidth(tr("VERSION"), 7, true) << "  " << padToWidth(tr("CREATED"), 16) << "  "
          << tr("STATE") << Qt::endl;
    for (const DatasetInfo &d : all.value())
        out() << padToWidth(d.name, 24) << ' ' << padToWidth(toString(d.task), 19) << ' '
              << padToWidth(QString::number(d.itemCount), 8, true) << ' '
              << padToWidth(QString::number(d.labeledCount), 8, true) << ' '
              << padToWidth(d.latestVersion ? QString::number(d.latestVersion) : u"-"_s, 7, true)
              << "  " << padToWidth(timeText(d.createdAt), 16) << "  " << stateText(d) << Qt::endl;
    for (const DatasetInfo &d : all.value()) {
        if (d.incomplete())
            err() << "atelier: " << incompleteDatasetNote(d) << Qt::endl;
    }
    return ExitOk;
}

int DatasetCommands::show()
{
    if (m_sub.positional().size() != 2)
        return usage(tr("'dataset show' takes the dataset's NAME."));
    DatasetCatalog catalog(m_context);
    AnnotationStore annotations(m_context);
    auto info = catalog.dataset(m_sub.positional().at(1));
    if (!info)
        return refuse(info.error().message);
    auto labels = catalog.labels(info->id);
    auto distribution = annotations.labelDistribution(info->id);
    auto status = DatasetItemStore(m_context).statusCounts(info->id);
    auto versions = DatasetVersionStore(m_context).versions(info->name);
    auto authors = annotations.authors(info->id);
    for (const Error *e :
         {labels ? nullptr : &labels.error(), distribution ? nullptr : &distribution.error(),
          status ? nullptr : &status.error(), versions ? nullptr : &versions.error(),
          authors ? nullptr : &authors.error()}) {
        if (e)
            return refuse(e->message);
    }
    if (m_sub.wantsJson()) {
        QJsonArray labelArray;
        for (const LabelCount &c : distribution.value()) {
            QJsonObject o{
                {u"name"_s, c.label}, {u"annotations"_s, c.annotations}, {u"items"_s, c.items}};
            for (const DatasetLabel &l : labels.value()) {
                if (l.name == c.label) {
                    o.insert(u"color"_s, l.color);
                    o.insert(u"hotkey"_s, l.hotkey);
                }
            }
            labelArray.append(o);
        }
        QJsonObject statusObject;
        for (auto it = status->cbegin(); it != status->cend(); ++it)
            statusObject.insert(toString(it.key()), it.value());
        QJsonArray versionArray;
        for (const DatasetVersion &v : versions.value())
            versionArray.append(versionJson(v));
        printJson(QJsonObject{{u"name"_s, info->name},
                              {u"media"_s, toString(info->media)},
                              {u"task"_s, toString(info->task)},
                              {u"options"_s, info->options.toJson()},
                              {u"description"_s, info->description},
                              {u"items"_s, info->itemCount},
                              {u"status"_s, statusObject},
                              {u"labels"_s, labelArray},
                              {u"authors"_s, QJsonArray::fromStringList(authors.value())},
                              {u"versions"_s, versionArray},
                              {u"state"_s, stateName(info.value())},
                              {u"pending_import"_s, pendingJson(info.value())},
                              {u"created_at"_s, info->createdAt.toString(Qt::ISODate)}});
        return ExitOk;
    }
    auto row = [](const QString &key, const QString &text) {
        out() << padToWidth(key, 14) << text << Qt::endl;
    };
    QStringList options;
    if (info->options.multiLabel)
        options.append(u"multi_label"_s);
    if (info->options.overlappingSpans)
        options.append(u"overlapping_spans"_s);
    if (info->options.pairScore)
        options.append(u"pair_score"_s);
    row(tr("Dataset"), info->name);
    row(tr("Task"), toString(info->task) +
                        (options.isEmpty() ? QString() : u" ("_s + options.join(u", "_s) + u')'));
    row(tr("Items"), QString::number(info->itemCount));
    row(tr("State"), stateText(info.value()));
    if (info->incomplete())
        err() << "atelier: " << incompleteDatasetNote(info.value()) << Qt::endl;
    QStringList statusParts;
    for (auto it = status->cbegin(); it != status->cend(); ++it)
        statusParts.append(toString(it.key()) + u' ' + QString::number(it.value()));
    row(tr("Status"), statusParts.join(u", "_s));
    row(tr("Annotators"), authors->isEmpty() ? u"-"_s : authors->join(u", "_s));
    row(tr("Created"), timeText(info->createdAt));
    out() << Qt::endl
          << padToWidth(tr("LABEL"), 24) << ' ' << padToWidth(tr("KEY"), 6) << ' '
          << padToWidth(tr("COLOR"), 8) << ' ' << padToWidth(tr("ANNOTATIONS"), 11, true) << ' '
          << padToWidth(tr("ITEMS"), 8, true) << Qt::endl;
    for (const LabelCount &c : distribution.value()) {
        QString hotkey;
        QString color;
        for (const DatasetLabel &l : labels.value()) {
            if (l.name == c.label) {
                hotkey = l.hotkey;
                color = l.color;
            }
        }
        out() << padToWidth(c.label, 24) << ' ' << padToWidth(hotkey, 6) << ' '
              << padToWidth(color, 8) << ' ' << padToWidth(QString::number(c.annotations), 11, true)
              << ' ' << padToWidth(QString::number(c.items), 8, true) << Qt::endl;
    }
    if (!versions->isEmpty()) {
        out() << Qt::endl
              << padToWidth(tr("VERSION"), 7, true) << "  " << padToWidth(tr("COMMIT"), 10) << ' '
              << padToWidth(tr("ITEMS"), 8, true) << ' ' << padToWidth(tr("ANNOTATIONS"), 11, true)
              << "  " << padToWidth(tr("CREATED"), 16) << "  " << tr("MESSAGE") << Qt::endl;
        for (const DatasetVersion &v : versions.value())
            out() << padToWidth(QString::number(v.number), 7, true) << "  "
                  << padToWidth(v.commitId.left(10), 10) << ' '
                  << padToWidth(QString::number(v.counts.value(u"items"_s).toInteger()), 8, true)
                  << ' '
                  << padToWidth(QString::number(v.counts.value(u"annotations"_s).toInteger()), 11,
                                true)
                  << "  " << padToWidth(timeText(v.createdAt), 16) << "  " << v.message << Qt::endl;
    }
    return ExitOk;
}

int DatasetCommands::exportDataset()
{
    if (m_sub.positional().size() != 2)
        return usage(tr("'dataset export' takes the dataset's NAME (or NAME@VERSION)."));
    if (!isSet("format") || !isSet("out"))
        return usage(tr("'dataset export' needs --format F and --out DIR."));
    QString reference = m_sub.positional().at(1);
    if (isSet("version")) {
        if (reference.contains(u'@'))
            return usage(tr("give the version once: NAME@VERSION or --version V."));
        reference += u'@' + value("version");
    }
    const QString outDir = QFileInfo(value("out")).absoluteFilePath();
    if (QFileInfo(outDir).isDir() && !QDir(outDir).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot))
        return refuse(tr("%1 is not empty; export into a new or empty folder.")
                          .arg(QDir::toNativeSeparators(outDir)));
    ExportOptions options;
    options.format = value("format");
    options.author = isSet("only-author") ? value("only-author") : QString();
    options.includeSuggested = isSet("include-suggested");
    ProgressPrinter progress(m_sub.wantsJson());
    options.progress = [&](qint64 done, qint64 total) {
        progress(done, total, tr("Exported %1 of %2").arg(done).arg(total));
    };
    auto report = atelier::exportDataset(m_context, reference, outDir, options);
    if (!report)
        return refuse(report.error().message);
    if (m_sub.wantsJson()) {
        printJson(QJsonObject{{u"dataset"_s, reference},
                              {u"format"_s, options.format},
                              {u"out"_s, outDir},
                              {u"items"_s, report->items},
                              {u"annotations"_s, report->annotations},
                              {u"warnings"_s, problemsJson(report->warnings)}});
        return ExitOk;
    }
    out() << tr("Exported %1 as %2 into %3: %4 items, %5 annotations.")
                 .arg(reference, options.format, QDir::toNativeSeparators(outDir))
                 .arg(report->items)
                 .arg(report->annotations)
          << Qt::endl;
    for (const ImportProblem &p : report->warnings)
        out() << "  " << p.file << ": " << p.reason << Qt::endl;
    return ExitOk;
}

int DatasetCommands::version()
{
    if (m_sub.positional().size() != 2)
        return usage(tr("'dataset version' takes the dataset's NAME."));
    if (!isSet("message"))
        return usage(tr("'dataset version' needs -m MESSAGE."));
    auto v =
        DatasetVersionStore(m_context).createVersion(m_sub.positional().at(1), value("message"));
    if (!v)
        return refuse(v.error().message);
    if (m_sub.wantsJson()) {
        QJsonObject o = versionJson(v.value());
        o.insert(u"dataset"_s, v->dataset);
        printJson(o);
        return ExitOk;
    }
    out() << tr("%1 version %2 (commit %3): %4 items, %5 annotations.")
                 .arg(v->dataset)
                 .arg(v->number)
                 .arg(v->commitId.left(10))
                 .arg(v->counts.value(u"items"_s).toInteger())
                 .arg(v->counts.value(u"annotations"_s).toInteger())
          << Qt::endl;
    return ExitOk;
}

int DatasetCommands::remove()
{
    if (m_sub.positional().size() != 2)
        return usage(tr("'dataset remove' takes the dataset's NAME."));
    if (auto ok = DatasetCatalog(m_context).removeDataset(m_sub.positional().at(1)); !ok)
        return refuse(ok.error().message);
    if (m_sub.wantsJson())
        printJson(QJsonObject{{u"removed"_s, m_sub.positional().at(1)}});
    else
        out() << tr("Removed %1 (its versions stay in the repository history).")
                     .arg(m_sub.positional().at(1))
              << Qt::endl;
    return ExitOk;
}

} // namespace

int runDatasetCommand(const Invocation &invocation)
{
    SubcommandParser sub;
    sub.parser.addOption({u"name"_s, DatasetCommands::tr("import: the dataset."), u"N"_s});
    sub.parser.addOption({u"format"_s, DatasetCommands::tr("import, export: the format."), u"F"_s});
    sub.parser.addOption(
        {u"task"_s, DatasetCommands::tr("import: the task of a new dataset."), u"T"_s});
    sub.parser.addOption(
        {u"multi-label"_s, DatasetCommands::tr("import: items may carry several labels.")});
    sub.parser.addOption(
        {u"overlapping-spans"_s, DatasetCommands::tr("import: entity spans may overlap.")});
    sub.parser.addOption(
        {u"pair-score"_s, DatasetCommands::tr("import: pairs carry a 0–1 score.")});
    sub.parser.addOption({u"author"_s,
                          DatasetCommands::tr("The annotator recorded (default: from settings)."),
                          u"A"_s});
    sub.parser.addOption({u"max-unpacked-mb"_s,
                          DatasetCommands::tr("import: refuse archives that unpack past this."),
                          u"MB"_s});
    sub.parser.addOption(
        {u"max-image-pixels"_s,
         DatasetCommands::tr("import: refuse images that declare more pixels (default: %1).")
             .arg(DatasetContext::DefaultMaxImagePixels),
         u"N"_s});
    sub.parser.addOption({u"out"_s, DatasetCommands::tr("export: the output folder."), u"DIR"_s});
    sub.parser.addOption(
        {u"version"_s, DatasetCommands::tr("export: the version (default: now)."), u"V"_s});
    sub.parser.addOption({u"only-author"_s,
                          DatasetCommands::tr("export: only this annotator's annotations."),
                          u"A"_s});
    sub.parser.addOption(
        {u"include-suggested"_s, DatasetCommands::tr("export: also pending model suggestions.")});
    sub.parser.addOption(
        {{u"m"_s, u"message"_s}, DatasetCommands::tr("version: the message."), u"MSG"_s});
    TextDatasetCommands::addOptions(sub);
    if (!sub.parse(invocation, 1, 2)) {
        err() << DatasetCommands::help();
        return ExitUsage;
    }
    const QString action = sub.positional().constFirst();
    static const QStringList actions = {u"import"_s,  u"list"_s,    u"show"_s,  u"export"_s,
                                        u"version"_s, u"formats"_s, u"remove"_s};
    if (!actions.contains(action) && !TextDatasetCommands::handles(action)) {
        err() << DatasetCommands::help();
        return usage(DatasetCommands::tr("unknown dataset action '%1'.").arg(action));
    }
    if (action == u"formats"_s)
        return DatasetCommands::formats(sub.wantsJson());
    // Damaged images are reported once, in the import's report, not by Qt's decoders too.
    QLoggingCategory::setFilterRules(u"qt.gui.imageio*=false"_s);
    auto workspace = openWorkspace(sub);
    if (!workspace)
        return refuse(workspace.error().message);
    if (TextDatasetCommands::handles(action))
        return TextDatasetCommands::run(action, sub, workspace.value());
    DatasetCommands commands(sub, workspace.value());
    if (action == u"import"_s)
        return commands.import();
    if (action == u"list"_s)
        return commands.list();
    if (action == u"show"_s)
        return commands.show();
    if (action == u"export"_s)
        return commands.exportDataset();
    if (action == u"version"_s)
        return commands.version();
    return commands.remove();
}

} // namespace atelier
