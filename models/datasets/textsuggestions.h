#pragma once

#include "core/result.h"
#include "datasets/datasettypes.h"
#include "datasets/textcodec.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace atelier {

class DatasetContext;

/// What importing a model's predictions did.
struct SuggestReport
{
    QString dataset;
    QString source;     ///< "model:NAME@VERSION"
    qint64 records = 0; ///< prediction records read
    qint64 items = 0;   ///< items that received suggestions
    qint64 suggestions = 0;
    QList<TextProblem> problems; ///< lines skipped (no such item, bad JSON, span outside…)
    QString log;                 ///< runSuggester(): the script's stderr (last lines)
};

/// How to import predictions.
struct SuggestOptions
{
    QString model; ///< "NAME" or "NAME@VERSION" (version "1" when none)
    /// Progress (done, total) and cancel, checked between records.
    std::function<void(qint64 done, qint64 total)> progress;
    const std::atomic_bool *cancel = nullptr;
};

/// Which uncertainty orders items for active learning.
enum class UncertaintyMeasure {
    LeastConfidence, ///< 1 − p(top class)
    Margin,          ///< 1 − (p(top) − p(second))
};

/// One item with the model's uncertainty about it.
struct UncertainItem
{
    qint64 itemId = 0;
    double uncertainty = -1.0; ///< in 0–1; −1 when no suggestion carries a confidence
    double confidence = -1.0;  ///< p(top class) (entities: the least sure span)
    QString topLabel;          ///< the most probable label (entities: of the least sure span)
};

/// Running a built-in suggester template end to end.
struct SuggesterRun
{
    QString templateId = QStringLiteral("text-tfidf-suggest"); ///< or "text-dict-suggest"
    QString python;                ///< interpreter; empty: PythonResolver (settings, then python3)
    QString templatesDir;          ///< empty: TemplateLibrary::builtinDirectory()
    QMap<QString, QString> params; ///< template params by name; the others take their default
    int timeoutMs = 10 * 60 * 1000;
    const std::atomic_bool *cancel = nullptr;
    std::function<void(const QString &stage)> progress; ///< "export", "run", "import"
};

/// Model-assisted labeling of text datasets: importing predictions as suggestions (state
/// suggested, source "model:NAME@VERSION"), ordering items by the model's uncertainty, and
/// running the built-in suggesters (TF-IDF + logistic regression, dictionary matcher).
///
/// Predictions are JSON lines: {"id": ITEM_ID or "text": "…", "label": "…" | "labels": […],
/// "score": p, "probabilities": {label: p}, "spans": [{"start", "end", "label", "score"}]}
/// (code points). A record names its item by "id" (the item id that an export writes), else by
/// its text (matched after normalisation). Re-importing the same model@version replaces its
/// pending suggestions on those items; accepted and rejected ones stay.
class TextSuggestions final
{
    Q_DECLARE_TR_FUNCTIONS(TextSuggestions)

public:
    /// "model:NAME@VERSION" for \a model ("NAME" gets "@1"); Invalid for an empty name.
    static Result<QString> sourceFor(const QString &model);
    /// Imports the predictions file \a file into dataset \a dataset.
    static Result<SuggestReport> importFile(DatasetContext &context, const QString &dataset,
                                            const QString &file, const SuggestOptions &options);
    /// Imports predictions already read (bytes of a JSONL file).
    static Result<SuggestReport> importData(DatasetContext &context, const QString &dataset,
                                            const QByteArray &jsonl, const SuggestOptions &options);

    /// Items ordered by the uncertainty of their pending suggestions (most uncertain first;
    /// items without a scored suggestion last, in position order). \a unlabeledOnly keeps the
    /// items still unlabeled.
    static Result<QList<UncertainItem>> uncertaintyOrder(DatasetContext &context, qint64 datasetId,
                                                         UncertaintyMeasure measure,
                                                         bool unlabeledOnly = true);
    /// The uncertainty of one item's suggestions (−1 when none carries a confidence).
    static UncertainItem uncertaintyOf(qint64 itemId, const QList<Annotation> &annotations,
                                       UncertaintyMeasure measure);

    /// Runs a built-in suggester template on \a dataset: exports it as JSONL into a temporary
    /// folder (its "dataset" input), runs the template's command with {python}, {template_dir},
    /// {inputs.dataset}, {outputs.predictions} and {params.NAME} substituted element by element
    /// (argv, no shell), imports predictions/predictions.jsonl as model "ID@VERSION".
    /// Blocking: call it on a worker thread.
    static Result<SuggestReport> runSuggester(DatasetContext &context, const QString &dataset,
                                              const SuggesterRun &run);
    /// runSuggester() for a worker thread (QtConcurrent::run from the GUI): opens its own
    /// connection to the workspace in \a workspaceRoot, since a DatasetContext belongs to the
    /// thread that opened its catalog, and runs there. Cancel and progress through \a run.
    static Result<SuggestReport> runSuggesterIn(const QString &workspaceRoot,
                                                const QString &dataset, const SuggesterRun &run);
};

} // namespace atelier
