#include "datasets/textagreement.h"

#include "datasets/annotationstore.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetitemstore.h"
#include "datasets/datasetversionstore.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

/// Counts for agreement: accepted, or set aside by an adjudicator (rejected, not a model's).
bool counts(const Annotation &a)
{
    return a.state == AnnotationState::Accepted ||
           (a.state == AnnotationState::Rejected && !a.fromModel());
}

/// The class of an item for kappa: the sorted label set joined by '|' (one class for a
/// multi-label set); pairs without a label: similar when the score is ≥ 0.5.
QString classOf(const QList<Annotation> &annotations)
{
    QStringList labels;
    for (const Annotation &a : annotations) {
        QString label = a.label;
        if (label.isEmpty() && a.score())
            label = *a.score() >= 0.5 ? u"similar"_s : u"not_similar"_s;
        if (!label.isEmpty() && !labels.contains(label))
            labels.append(label);
    }
    labels.sort();
    return labels.join(u'|');
}

QList<TextSpan> spansOf(const QList<Annotation> &annotations)
{
    QList<TextSpan> spans;
    for (const Annotation &a : annotations) {
        if (a.kind == AnnotationKind::Span)
            spans.append(TextSpan{a.spanStart(), a.spanEnd(), a.label, std::nullopt});
    }
    return spans;
}

bool sameSpans(QList<TextSpan> a, QList<TextSpan> b)
{
    auto less = [](const TextSpan &x, const TextSpan &y) {
        return std::tie(x.start, x.end, x.label) < std::tie(y.start, y.end, y.label);
    };
    std::sort(a.begin(), a.end(), less);
    std::sort(b.begin(), b.end(), less);
    return a == b;
}

} // namespace

KappaResult TextAgreement::cohenKappa(const QList<std::pair<QString, QString>> &pairs)
{
    KappaResult r;
    r.items = pairs.size();
    if (pairs.isEmpty())
        return r;
    QHash<QString, qint64> marginalA;
    QHash<QString, qint64> marginalB;
    qint64 same = 0;
    for (const auto &[a, b] : pairs) {
        ++marginalA[a];
        ++marginalB[b];
        if (a == b)
            ++same;
    }
    const double n = double(pairs.size());
    r.observed = double(same) / n;
    for (auto it = marginalA.begin(); it != marginalA.end(); ++it)
        r.expected += (double(it.value()) / n) * (double(marginalB.value(it.key())) / n);
    // Both raters always gave the one same class: perfect agreement, chance can explain it all.
    r.kappa = r.expected >= 1.0 ? (r.observed >= 1.0 ? 1.0 : 0.0)
                                : (r.observed - r.expected) / (1.0 - r.expected);
    return r;
}

SpanF1Result TextAgreement::spanF1(const QList<std::pair<QList<TextSpan>, QList<TextSpan>>> &items)
{
    SpanF1Result r;
    for (const auto &[a, b] : items) {
        r.spansA += a.size();
        r.spansB += b.size();
        QList<TextSpan> remaining = b; // each span of B matches at most one of A
        for (const TextSpan &s : a) {
            const qsizetype at = remaining.indexOf(s);
            if (at >= 0) {
                ++r.matched;
                remaining.removeAt(at);
            }
        }
    }
    if (r.spansA + r.spansB == 0) {
        r.precision = r.recall = r.f1 = 1.0;
        return r;
    }
    r.precision = r.spansB > 0 ? double(r.matched) / double(r.spansB) : 0.0;
    r.recall = r.spansA > 0 ? double(r.matched) / double(r.spansA) : 0.0;
    r.f1 = 2.0 * double(r.matched) / double(r.spansA + r.spansB);
    return r;
}

Result<AgreementReport> TextAgreement::compare(DatasetContext &context, qint64 datasetId,
                                               const QString &authorA, const QString &authorB)
{
    auto info = DatasetCatalog(context).dataset(datasetId);
    if (!info)
        return info.error();
    if (info->media != DatasetMedia::Text)
        return makeError(
            ErrorCode::Invalid,
            tr("Agreement is measured on text datasets; \"%1\" holds images.").arg(info->name));
    if (authorA.isEmpty() || authorB.isEmpty() || authorA == authorB)
        return makeError(ErrorCode::Invalid,
                         tr("Name two different annotators to compare (see the dataset's "
                            "authors)."));
    AgreementReport report;
    report.authorA = authorA;
    report.authorB = authorB;
    report.task = info->task;
    QList<std::pair<QString, QString>> classes;
    QList<std::pair<QList<TextSpan>, QList<TextSpan>>> spans;
    Status walked = DatasetVersionStore(context).forEachItem(
        datasetId, [&](const DatasetItem &item, const QList<Annotation> &annotations) {
            QList<Annotation> a;
            QList<Annotation> b;
            bool hasA = false;
            bool hasB = false;
            for (const Annotation &x : annotations) {
                if (!counts(x))
                    continue;
                if (x.author == authorA) {
                    a.append(x);
                    hasA = true;
                } else if (x.author == authorB) {
                    b.append(x);
                    hasB = true;
                }
            }
            if (!hasA || !hasB)
                return true;
            ++report.sharedItems;
            bool agree = false;
            if (info->task == DatasetTask::Entities) {
                spans.append({spansOf(a), spansOf(b)});
                agree = sameSpans(spans.last().first, spans.last().second);
            } else {
                classes.append({classOf(a), classOf(b)});
                agree = classes.last().first == classes.last().second;
            }
            if (!agree)
                report.disagreements.append(Disagreement{item, a, b});
            return true;
        });
    if (!walked)
        return walked.error();
    report.kappa = cohenKappa(classes);
    report.spans = spanF1(spans);
    return report;
}

Status TextAgreement::resolve(DatasetContext &context, qint64 itemId, const QList<qint64> &chosen,
                              const QString &adjudicator)
{
    const QString who = adjudicator.isEmpty() ? context.author() : adjudicator;
    AnnotationStore annotationStore(context);
    return context.batch([&]() -> Status {
        auto all = annotationStore.annotations(itemId);
        if (!all)
            return all.error();
        QSet<qint64> ids;
        for (const Annotation &a : all.value())
            ids.insert(a.id);
        for (qint64 id : chosen) {
            if (!ids.contains(id))
                return makeError(ErrorCode::NotFound,
                                 tr("Annotation %1 is not on item %2; choose among the item's "
                                    "annotations.")
                                     .arg(id)
                                     .arg(itemId));
        }
        // Set aside first, so that a single-label item never holds two accepted tags.
        for (Annotation a : all.value()) {
            if (chosen.contains(a.id) || a.state != AnnotationState::Accepted)
                continue;
            a.state = AnnotationState::Rejected;
            if (auto ok = annotationStore.updateAnnotation(a); !ok)
                return ok.error();
        }
        for (Annotation a : all.value()) {
            if (!chosen.contains(a.id) || a.state == AnnotationState::Accepted)
                continue;
            a.state = AnnotationState::Accepted;
            if (auto ok = annotationStore.updateAnnotation(a); !ok)
                return ok.error();
        }
        return DatasetItemStore(context).review(itemId, ItemStatus::Reviewed, tr("adjudicated"),
                                                who);
    });
}

} // namespace atelier
