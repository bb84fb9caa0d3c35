#pragma once

#include "core/result.h"
#include "datasets/datasettypes.h"
#include "datasets/textcodec.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace atelier {

class DatasetContext;

/// Cohen's kappa of two raters over the same items.
struct KappaResult
{
    qint64 items = 0;
    double observed = 0.0; ///< p_o, the share of items where both gave the same class
    double expected = 0.0; ///< p_e, the agreement expected by chance from each rater's marginals
    double kappa = 0.0;    ///< (p_o − p_e) / (1 − p_e); 1 when p_e = 1 and p_o = 1
};

/// Span-level agreement: a span matches when start, end and label are all equal.
struct SpanF1Result
{
    qint64 spansA = 0;
    qint64 spansB = 0;
    qint64 matched = 0;
    double precision = 0.0; ///< matched / spansB (B measured against A)
    double recall = 0.0;    ///< matched / spansA
    double f1 = 0.0;        ///< 2·matched / (spansA + spansB); 1 when both are empty
};

/// One item where two annotators disagree, for the adjudication view.
struct Disagreement
{
    DatasetItem item;
    QList<Annotation> a; ///< the first annotator's accepted annotations on the item
    QList<Annotation> b; ///< the second annotator's
};

/// What compare() found between two annotators of one dataset.
struct AgreementReport
{
    QString authorA;
    QString authorB;
    DatasetTask task = DatasetTask::TextClassification;
    qint64 sharedItems = 0; ///< items both annotated
    KappaResult kappa;      ///< classification and pairs (a multi-label set is one class)
    SpanF1Result spans;     ///< entities
    QList<Disagreement> disagreements;
};

/// Inter-annotator agreement on text datasets: Cohen's kappa for classes, exact-match span F1
/// for entities, the list of disagreements, and their resolution by an adjudicator.
class TextAgreement final
{
    Q_DECLARE_TR_FUNCTIONS(TextAgreement)

public:
    /// Cohen's kappa over (class of A, class of B) pairs, one per item.
    static KappaResult cohenKappa(const QList<std::pair<QString, QString>> &pairs);
    /// Span F1 over items: (spans of A, spans of B) per item; exact start, end and label.
    static SpanF1Result spanF1(const QList<std::pair<QList<TextSpan>, QList<TextSpan>>> &items);

    /// Compares the accepted annotations of \a authorA and \a authorB on the items both
    /// annotated in dataset \a datasetId. Annotations an adjudicator set aside (rejected, not
    /// from a model) still count: agreement is that of the annotators' original work.
    static Result<AgreementReport> compare(DatasetContext &context, qint64 datasetId,
                                           const QString &authorA, const QString &authorB);
    /// Resolves a disagreement: the annotations \a chosen (ids, any author) become the item's
    /// accepted annotations; every other accepted annotation of the item is set aside
    /// (rejected, kept for audit); the item is marked reviewed by \a adjudicator. One
    /// transaction.
    static Status resolve(DatasetContext &context, qint64 itemId, const QList<qint64> &chosen,
                          const QString &adjudicator);
};

} // namespace atelier
