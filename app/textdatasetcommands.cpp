#include "textdatasetcommands.h"
#include "core/textwidth.h"

#include "core/workspace.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetitemstore.h"
#include "datasets/formatregistry.h"
#include "datasets/textagreement.h"
#include "datasets/textsuggestions.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

/// Translation context of the text dataset actions.
class TextCommands final
{
    Q_DECLARE_TR_FUNCTIONS(TextCommands)

public:
    TextCommands(SubcommandParser &sub, Workspace &workspace)
        : m_sub(sub), m_context(workspace.catalog(), workspace.root())
    {
        if (isSet("author"))
            m_context.setAuthor(value("author"));
    }

    int suggest();
    int agreement();
    int resolve();
    int queue();

private:
    QString value(const char *option) const
    {
        return m_sub.parser.value(QString::fromLatin1(option));
    }
    bool isSet(const char *option) const { return m_sub.parser.isSet(QString::fromLatin1(option)); }
    Result<DatasetInfo> dataset()
    {
        if (m_sub.positional().size() != 2)
            return makeError(ErrorCode::Invalid, tr("give the dataset's NAME"));
        return DatasetCatalog(m_context).dataset(m_sub.positional().at(1));
    }

    SubcommandParser &m_sub;
    DatasetContext m_context; // the section stores are made on it where needed
};

QString excerpt(const QString &text)
{
    QString t = text.simplified();
    return t.size() > 60 ? t.left(59) + u'…' : t;
}

QString describe(const QList<Annotation> &annotations)
{
    QStringList parts;
    for (const Annotation &a : annotations) {
        if (a.kind == AnnotationKind::Span)
            parts.append(u"%1[%2,%3)"_s.arg(a.label).arg(a.spanStart()).arg(a.spanEnd()));
        else if (a.score())
            parts.append(u"%1 %2"_s.arg(a.label).arg(*a.score()));
        else
            parts.append(a.label);
    }
    return parts.isEmpty() ? u"-"_s : parts.join(u", "_s);
}

QJsonArray annotationsJson(const QList<Annotation> &annotations)
{
    QJsonArray list;
    for (const Annotation &a : annotations)
        list.append(QJsonObject{{u"id"_s, a.id},
                                {u"label"_s, a.label},
                                {u"kind"_s, toString(a.kind)},
                                {u"geometry"_s, a.geometry},
                                {u"source"_s, a.source}});
    return list;
}

int TextCommands::suggest()
{
    auto info = dataset();
    if (!info)
        return m_sub.positional().size() != 2 ? usage(info.error().message)
                                              : refuse(info.error().message);
    Result<SuggestReport> report = makeError(ErrorCode::Invalid, QString());
    if (isSet("from") == isSet("template"))
        return usage(tr("'dataset suggest' needs either --from FILE --model NAME[@VERSION] or "
                        "--template ID."));
    if (isSet("from")) {
        if (!isSet("model"))
            return usage(tr("'dataset suggest --from' needs --model NAME[@VERSION]."));
        SuggestOptions options;
        options.model = value("model");
        report = TextSuggestions::importFile(m_context, info->name, value("from"), options);
    } else {
        SuggesterRun run;
        run.templateId = value("template");
        for (const QString &p : m_sub.parser.values(u"param"_s)) {
            const qsizetype eq = p.indexOf(u'=');
            if (eq <= 0)
                return usage(tr("--param takes NAME=VALUE, not '%1'.").arg(p));
            run.params.insert(p.left(eq), p.mid(eq + 1));
        }
        if (!m_sub.wantsJson()) {
            run.progress = [](const QString &stage) {
                err() << tr("suggest: %1…").arg(stage) << Qt::endl;
            };
        }
        report = TextSuggestions::runSuggester(m_context, info->name, run);
    }
    if (!report)
        return refuse(report.error().message);
    QJsonArray problems;
    for (const TextProblem &p : report->problems)
        problems.append(QJsonObject{{u"line"_s, p.line}, {u"reason"_s, p.reason}});
    if (m_sub.wantsJson()) {
        printJson(QJsonObject{{u"dataset"_s, report->dataset},
                              {u"source"_s, report->source},
                              {u"records"_s, report->records},
                              {u"items"_s, report->items},
                              {u"suggestions"_s, report->suggestions},
                              {u"problems"_s, problems}});
        return ExitOk;
    }
    out() << tr("%1 suggestions from %2 on %3 items of \"%4\" (%5 records read, %6 skipped).")
                 .arg(report->suggestions)
                 .arg(report->source)
                 .arg(report->items)
                 .arg(report->dataset)
                 .arg(report->records)
                 .arg(report->problems.size())
          << Qt::endl;
    for (qsizetype i = 0; i < qMin<qsizetype>(20, report->problems.size()); ++i)
        out() << "  "
              << tr("line %1: %2").arg(report->problems[i].line).arg(report->problems[i].reason)
              << Qt::endl;
    return ExitOk;
}

int TextCommands::agreement()
{
    auto info = dataset();
    if (!info)
        return m_sub.positional().size() != 2 ? usage(info.error().message)
                                              : refuse(info.error().message);
    const QStringList authors = value("authors").split(u',', Qt::SkipEmptyParts);
    if (authors.size() != 2)
        return usage(tr("'dataset agreement' needs --authors A,B (two annotators)."));
    auto report = TextAgreement::compare(m_context, info->id, authors.at(0).trimmed(),
                                         authors.at(1).trimmed());
    if (!report)
        return refuse(report.error().message);
    const bool spans = report->task == DatasetTask::Entities;
    if (m_sub.wantsJson()) {
        QJsonArray disagreements;
        for (const Disagreement &d : report->disagreements)
            disagreements.append(QJsonObject{{u"item"_s, d.item.id},
                                             {u"text"_s, d.item.text},
                                             {u"a"_s, annotationsJson(d.a)},
                                             {u"b"_s, annotationsJson(d.b)}});
        QJsonObject o{{u"dataset"_s, info->name},
                      {u"authors"_s, QJsonArray::fromStringList(authors)},
                      {u"shared_items"_s, report->sharedItems},
                      {u"disagreements"_s, disagreements}};
        if (spans)
            o.insert(u"span_f1"_s, QJsonObject{{u"f1"_s, report->spans.f1},
                                               {u"precision"_s, report->spans.precision},
                                               {u"recall"_s, report->spans.recall},
                                               {u"matched"_s, report->spans.matched},
                                               {u"spans_a"_s, report->spans.spansA},
                                               {u"spans_b"_s, report->spans.spansB}});
        else
            o.insert(u"kappa"_s, QJsonObject{{u"kappa"_s, report->kappa.kappa},
                                             {u"observed"_s, report->kappa.observed},
                                             {u"expected"_s, report->kappa.expected}});
        printJson(o);
        return ExitOk;
    }
    out() << tr("%1 items annotated by both %2 and %3.")
                 .arg(report->sharedItems)
                 .arg(authors.at(0), authors.at(1))
          << Qt::endl;
    if (report->sharedItems == 0) {
        out() << tr("Nothing to compare: 'dataset show %1' lists who annotated it.").arg(info->name)
              << Qt::endl;
        return ExitOk;
    }
    if (spans)
        out() << tr("Span F1 %1 (precision %2, recall %3; %4 of %5 / %6 spans match exactly).")
                     .arg(report->spans.f1, 0, 'f', 3)
                     .arg(report->spans.precision, 0, 'f', 3)
                     .arg(report->spans.recall, 0, 'f', 3)
                     .arg(report->spans.matched)
                     .arg(report->spans.spansA)
                     .arg(report->spans.spansB)
              << Qt::endl;
    else
        out() << tr("Cohen's kappa %1 (observed agreement %2, expected by chance %3).")
                     .arg(report->kappa.kappa, 0, 'f', 3)
                     .arg(report->kappa.observed, 0, 'f', 3)
                     .arg(report->kappa.expected, 0, 'f', 3)
              << Qt::endl;
    if (report->disagreements.isEmpty())
        return ExitOk;
    out() << Qt::endl
          << padToWidth(tr("ITEM"), 8, true) << "  " << padToWidth(tr("TEXT"), 60) << "  "
          << authors.at(0) << " | " << authors.at(1) << Qt::endl;
    for (const Disagreement &d : report->disagreements)
        out() << padToWidth(QString::number(d.item.id), 8, true) << "  "
              << padToWidth(excerpt(d.item.text), 60) << "  " << describe(d.a) << " | "
              << describe(d.b) << Qt::endl;
    return ExitOk;
}

int TextCommands::resolve()
{
    auto info = dataset();
    if (!info)
        return m_sub.positional().size() != 2 ? usage(info.error().message)
                                              : refuse(info.error().message);
    bool ok = false;
    const qint64 item = value("item").toLongLong(&ok);
    if (!ok || !isSet("keep"))
        return usage(tr("'dataset resolve' needs --item ID and --keep ID[,ID…] (annotation ids "
                        "from 'dataset agreement --json')."));
    QList<qint64> keep;
    for (const QString &id : value("keep").split(u',', Qt::SkipEmptyParts)) {
        const qint64 n = id.trimmed().toLongLong(&ok);
        if (!ok)
            return usage(tr("--keep takes annotation ids separated by commas, not '%1'.").arg(id));
        keep.append(n);
    }
    auto it = DatasetItemStore(m_context).item(item);
    if (!it || it->datasetId != info->id)
        return refuse(tr("Item %1 is not in \"%2\".").arg(item).arg(info->name));
    if (auto done = TextAgreement::resolve(m_context, item, keep, m_context.author()); !done)
        return refuse(done.error().message);
    if (m_sub.wantsJson()) {
        printJson(QJsonObject{{u"item"_s, item}, {u"kept"_s, keep.size()}});
        return ExitOk;
    }
    out() << tr("Item %1 resolved: %2 annotations kept, the others set aside.")
                 .arg(item)
                 .arg(keep.size())
          << Qt::endl;
    return ExitOk;
}

int TextCommands::queue()
{
    auto info = dataset();
    if (!info)
        return m_sub.positional().size() != 2 ? usage(info.error().message)
                                              : refuse(info.error().message);
    UncertaintyMeasure measure = UncertaintyMeasure::LeastConfidence;
    const QString m = value("measure");
    if (m == u"margin"_s)
        measure = UncertaintyMeasure::Margin;
    else if (!m.isEmpty() && m != u"least-confidence"_s)
        return usage(tr("--measure is least-confidence or margin, not '%1'.").arg(m));
    qint64 limit = 20;
    if (isSet("limit")) {
        bool ok = false;
        limit = value("limit").toLongLong(&ok);
        if (!ok || limit < 0)
            return usage(tr("--limit takes a whole number (0: every item)."));
    }
    auto order = TextSuggestions::uncertaintyOrder(m_context, info->id, measure, !isSet("all"));
    if (!order)
        return refuse(order.error().message);
    const QList<UncertainItem> shown = limit == 0 ? order.value() : order->mid(0, limit);
    if (m_sub.wantsJson()) {
        QJsonArray items;
        for (const UncertainItem &u : shown) {
            auto item = DatasetItemStore(m_context).item(u.itemId);
            items.append(QJsonObject{{u"item"_s, u.itemId},
                                     {u"uncertainty"_s, u.uncertainty},
                                     {u"confidence"_s, u.confidence},
                                     {u"label"_s, u.topLabel},
                                     {u"text"_s, item ? item->text : QString()}});
        }
        printJson(QJsonObject{{u"dataset"_s, info->name},
                              {u"measure"_s, measure == UncertaintyMeasure::Margin
                                                 ? u"margin"_s
                                                 : u"least-confidence"_s},
                              {u"items"_s, items}});
        return ExitOk;
    }
    out() << padToWidth(tr("ITEM"), 8, true) << "  " << padToWidth(tr("UNCERTAINTY"), 11, true)
          << "  " << padToWidth(tr("SUGGESTED"), 16) << "  " << tr("TEXT") << Qt::endl;
    for (const UncertainItem &u : shown) {
        auto item = DatasetItemStore(m_context).item(u.itemId);
        out() << padToWidth(QString::number(u.itemId), 8, true) << "  "
              << padToWidth(u.uncertainty < 0 ? u"-"_s : QString::number(u.uncertainty, 'f', 3), 11,
                            true)
              << "  " << padToWidth(u.topLabel.isEmpty() ? u"-"_s : u.topLabel, 16) << "  "
              << excerpt(item ? item->text : QString()) << Qt::endl;
    }
    return ExitOk;
}

} // namespace

namespace TextDatasetCommands {

void addOptions(SubcommandParser &sub)
{
    auto add = [&](const char *name, const char *help, const char *valueName = nullptr) {
        if (valueName)
            sub.parser.addOption({QString::fromLatin1(name), TextCommands::tr(help),
                                  QString::fromLatin1(valueName)});
        else
            sub.parser.addOption({QString::fromLatin1(name), TextCommands::tr(help)});
    };
    add("text-column", QT_TRANSLATE_NOOP("TextCommands", "import csv/tsv: the text column."), "C");
    add("label-column", QT_TRANSLATE_NOOP("TextCommands", "import csv/tsv: the label column."),
        "C");
    add("text-b-column",
        QT_TRANSLATE_NOOP("TextCommands", "import csv/tsv: the second text of a pair."), "C");
    add("score-column", QT_TRANSLATE_NOOP("TextCommands", "import csv/tsv: a 0–1 pair score."),
        "C");
    add("spans-column", QT_TRANSLATE_NOOP("TextCommands", "import csv/tsv: spans as a JSON list."),
        "C");
    add("from", QT_TRANSLATE_NOOP("TextCommands", "suggest: a predictions JSONL file."), "FILE");
    add("model", QT_TRANSLATE_NOOP("TextCommands", "suggest: the model, NAME[@VERSION]."), "NAME");
    add("template",
        QT_TRANSLATE_NOOP("TextCommands",
                          "suggest: run a suggester (text-tfidf-suggest, text-dict-suggest)."),
        "ID");
    add("param", QT_TRANSLATE_NOOP("TextCommands", "suggest: a template param NAME=VALUE."),
        "NAME=VALUE");
    add("authors", QT_TRANSLATE_NOOP("TextCommands", "agreement: two annotators A,B."), "A,B");
    add("item", QT_TRANSLATE_NOOP("TextCommands", "resolve: the item id."), "ID");
    add("keep", QT_TRANSLATE_NOOP("TextCommands", "resolve: the annotation ids to keep."), "IDS");
    add("measure",
        QT_TRANSLATE_NOOP("TextCommands", "queue: least-confidence (default) or margin."), "M");
    add("limit", QT_TRANSLATE_NOOP("TextCommands", "queue: items shown (0: all; default 20)."),
        "K");
    add("all", QT_TRANSLATE_NOOP("TextCommands", "queue: labeled items too."));
}

QString help()
{
    return TextCommands::tr(
        "Text datasets:\n"
        "  atelier dataset import FILE --name N --format txt|csv|tsv|jsonl|conll|labelstudio|"
        "doccano\n"
        "          [--task text_classification|entities|pairs] [--text-column C]\n"
        "          [--label-column C] [--text-b-column C] [--score-column C] [--spans-column C]\n"
        "          Bad lines are skipped and listed with their line number; the rest is imported.\n"
        "          A file that cannot be read at all (no text column) imports nothing.\n"
        "  atelier dataset suggest N --from FILE --model NAME[@VERSION]\n"
        "          import a model's predictions as suggestions (source model:NAME@VERSION)\n"
        "  atelier dataset suggest N --template text-tfidf-suggest|text-dict-suggest\n"
        "          [--param NAME=VALUE]…   train / match on the dataset and suggest\n"
        "  atelier dataset queue N [--measure least-confidence|margin] [--limit K] [--all]\n"
        "          unlabeled items, the model's least certain first (active learning)\n"
        "  atelier dataset agreement N --authors A,B   Cohen's kappa or span F1, disagreements\n"
        "  atelier dataset resolve N --item ID --keep ID[,ID…]   adjudicate a disagreement\n");
}

bool handles(const QString &action)
{
    return action == u"suggest"_s || action == u"agreement"_s || action == u"resolve"_s ||
           action == u"queue"_s;
}

int run(const QString &action, SubcommandParser &sub, Workspace &workspace)
{
    TextCommands commands(sub, workspace);
    if (action == u"suggest"_s)
        return commands.suggest();
    if (action == u"agreement"_s)
        return commands.agreement();
    if (action == u"resolve"_s)
        return commands.resolve();
    return commands.queue();
}

void applyImportOptions(const SubcommandParser &sub, ImportOptions &options)
{
    for (const char *name :
         {"text-column", "label-column", "text-b-column", "score-column", "spans-column"}) {
        const QString option = QString::fromLatin1(name);
        if (sub.parser.isSet(option)) {
            QString key = option;
            key.replace(u'-', u'_');
            options.formatOptions.insert(key, sub.parser.value(option));
        }
    }
}

} // namespace TextDatasetCommands

} // namespace atelier
