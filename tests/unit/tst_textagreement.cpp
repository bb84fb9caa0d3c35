#include "core/workspace.h"
#include "datasets/annotationstore.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetitemstore.h"
#include "datasets/datasetversionstore.h"
#include "datasets/textagreement.h"
#include "datasets/textformats.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

TextSpan span(qint64 s, qint64 e, const QString &label)
{
    return TextSpan{s, e, label, std::nullopt};
}

QList<std::pair<QString, QString>> zipLabels(const QStringList &a, const QStringList &b)
{
    QList<std::pair<QString, QString>> pairs;
    for (qsizetype i = 0; i < a.size(); ++i)
        pairs.append({a.at(i), b.at(i)});
    return pairs;
}

} // namespace

class TestTextAgreement : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void kappaTwoClasses()
    {
        // Item:  0   1   2   3   4   5   6   7   8   9
        // A:    pos pos pos neg neg neg pos neg pos pos
        // B:    pos pos neg neg neg pos pos neg pos neg
        // Same on 0,1,3,4,6,7,8 → p_o = 7/10 = 0.7.
        // A: pos 6, neg 4; B: pos 5, neg 5 → p_e = 0.6·0.5 + 0.4·0.5 = 0.5.
        // κ = (0.7 − 0.5) / (1 − 0.5) = 0.4.
        const QStringList a = {u"pos"_s, u"pos"_s, u"pos"_s, u"neg"_s, u"neg"_s,
                               u"neg"_s, u"pos"_s, u"neg"_s, u"pos"_s, u"pos"_s};
        const QStringList b = {u"pos"_s, u"pos"_s, u"neg"_s, u"neg"_s, u"neg"_s,
                               u"pos"_s, u"pos"_s, u"neg"_s, u"pos"_s, u"neg"_s};
        const KappaResult k = TextAgreement::cohenKappa(zipLabels(a, b));
        QCOMPARE(k.items, 10);
        QVERIFY(qFuzzyCompare(k.observed, 0.7));
        QVERIFY(qFuzzyCompare(k.expected, 0.5));
        QVERIFY(qFuzzyCompare(k.kappa, 0.4));
    }

    void kappaThreeClasses()
    {
        // A: a a b b c c ; B: a b b b c a → same on items 0, 2, 3, 4: p_o = 4/6 = 2/3.
        // A marginals 2/6 each; B: a 2/6, b 3/6, c 1/6 → p_e = (1/3)(2/6 + 3/6 + 1/6) = 1/3.
        // κ = (2/3 − 1/3) / (1 − 1/3) = 0.5.
        const KappaResult k =
            TextAgreement::cohenKappa(zipLabels({u"a"_s, u"a"_s, u"b"_s, u"b"_s, u"c"_s, u"c"_s},
                                                {u"a"_s, u"b"_s, u"b"_s, u"b"_s, u"c"_s, u"a"_s}));
        QVERIFY(qFuzzyCompare(k.observed, 2.0 / 3.0));
        QVERIFY(qFuzzyCompare(k.expected, 1.0 / 3.0));
        QVERIFY(qFuzzyCompare(k.kappa, 0.5));
    }

    void kappaEdgeCases()
    {
        // One class only, always agreeing: p_e = 1; defined as perfect agreement.
        QCOMPARE(TextAgreement::cohenKappa(zipLabels({u"x"_s, u"x"_s}, {u"x"_s, u"x"_s})).kappa,
                 1.0);
        // Complete disagreement on two balanced classes: p_o = 0, p_e = 0.5 → κ = −1.
        QCOMPARE(TextAgreement::cohenKappa(zipLabels({u"p"_s, u"n"_s}, {u"n"_s, u"p"_s})).kappa,
                 -1.0);
        QCOMPARE(TextAgreement::cohenKappa({}).items, 0);
    }

    void spanF1()
    {
        // Item 1: A {PER[0,3), LOC[12,16)}, B {PER[0,3), ORG[12,16)} → 1 match (label differs).
        // Item 2: A {PER[0,2)}, B {PER[0,2), LOC[3,5)} → 1 match.
        // Item 3: both empty.
        // spansA = 3, spansB = 4, matched = 2: P = 2/4 = 0.5, R = 2/3,
        // F1 = 2·2 / (3 + 4) = 4/7 ≈ 0.5714 (= 2PR/(P+R) = (2/3)/(7/6)).
        const SpanF1Result r = TextAgreement::spanF1({
            {{span(0, 3, u"PER"_s), span(12, 16, u"LOC"_s)},
             {span(0, 3, u"PER"_s), span(12, 16, u"ORG"_s)}},
            {{span(0, 2, u"PER"_s)}, {span(0, 2, u"PER"_s), span(3, 5, u"LOC"_s)}},
            {{}, {}},
        });
        QCOMPARE(r.spansA, 3);
        QCOMPARE(r.spansB, 4);
        QCOMPARE(r.matched, 2);
        QVERIFY(qFuzzyCompare(r.precision, 0.5));
        QVERIFY(qFuzzyCompare(r.recall, 2.0 / 3.0));
        QVERIFY(qFuzzyCompare(r.f1, 4.0 / 7.0));
        // A shifted boundary is no match: exact start and end.
        QCOMPARE(TextAgreement::spanF1({{{span(0, 3, u"PER"_s)}, {span(0, 4, u"PER"_s)}}}).f1, 0.0);
        QCOMPARE(TextAgreement::spanF1({}).f1, 1.0);
    }

    void compareAndResolveEntities()
    {
        auto ws = Workspace::create(m_dir.filePath(u"entities"_s), {});
        QVERIFY(ws.ok());
        DatasetContext context(ws->catalog(), ws->root());
        DatasetItemStore itemStore(context);
        AnnotationStore annotationStore(context);
        auto ds = DatasetCatalog(context).createDataset(u"ner"_s, DatasetTask::Entities);
        QVERIFY(ds.ok());
        auto one = itemStore.addText(ds->id, u"Ana 🍕 loves Roma"_s);
        auto two = itemStore.addText(ds->id, u"李雷在北京"_s);
        auto three = itemStore.addText(ds->id, u"Only Alice saw this"_s);
        QVERIFY(one.ok() && two.ok() && three.ok());
        auto add = [&](qint64 item, const QString &author, qint64 s, qint64 e,
                       const QString &label) {
            Annotation a = Annotation::span(label, s, e);
            a.author = author;
            auto made = annotationStore.addAnnotation(item, a);
            if (!made)
                qWarning() << made.error().message;
            return made.ok() ? made->id : qint64(0);
        };
        const qint64 alicePer = add(one->item.id, u"alice"_s, 0, 3, u"PER"_s);
        const qint64 aliceLoc = add(one->item.id, u"alice"_s, 12, 16, u"LOC"_s);
        QVERIFY(add(one->item.id, u"bob"_s, 0, 3, u"PER"_s));
        QVERIFY(add(one->item.id, u"bob"_s, 12, 16, u"ORG"_s));
        QVERIFY(add(two->item.id, u"alice"_s, 0, 2, u"PER"_s));
        QVERIFY(add(two->item.id, u"bob"_s, 0, 2, u"PER"_s));
        QVERIFY(add(two->item.id, u"bob"_s, 3, 5, u"LOC"_s));
        QVERIFY(add(three->item.id, u"alice"_s, 5, 10, u"PER"_s)); // not shared
        QVERIFY(alicePer && aliceLoc);

        auto report = TextAgreement::compare(context, ds->id, u"alice"_s, u"bob"_s);
        QVERIFY(report.ok());
        QCOMPARE(report->sharedItems, 2);
        QCOMPARE(report->spans.matched, 2);
        QVERIFY(qFuzzyCompare(report->spans.f1, 4.0 / 7.0));
        QCOMPARE(report->disagreements.size(), 2);
        QCOMPARE(report->disagreements.first().item.id, one->item.id);
        QCOMPARE(report->disagreements.first().a.size(), 2);

        // The adjudicator keeps Alice's spans on item 1: Bob's are set aside, not deleted.
        QVERIFY(
            TextAgreement::resolve(context, one->item.id, {alicePer, aliceLoc}, u"carol"_s).ok());
        auto item = itemStore.item(one->item.id);
        QVERIFY(item->status == ItemStatus::Reviewed);
        QCOMPARE(item->reviewer, u"carol"_s);
        auto accepted = annotationStore.annotations(
            one->item.id, AnnotationFilter{QString(), AnnotationState::Accepted});
        QCOMPARE(accepted->size(), 2);
        auto rejected = annotationStore.annotations(
            one->item.id, AnnotationFilter{QString(), AnnotationState::Rejected});
        QCOMPARE(rejected->size(), 2);
        auto snap = DatasetVersionStore(context).snapshot(u"ner"_s);
        const TextRecord exported = TextFormats::recordOf(snap->items.first());
        QCOMPARE(exported.spans, (QList<TextSpan>{span(0, 3, u"PER"_s), span(12, 16, u"LOC"_s)}));
        // Agreement still measures the annotators' original work.
        auto after = TextAgreement::compare(context, ds->id, u"alice"_s, u"bob"_s);
        QVERIFY(qFuzzyCompare(after->spans.f1, 4.0 / 7.0));
        // A choice that is not on the item is refused and changes nothing.
        QVERIFY(!TextAgreement::resolve(context, two->item.id, {alicePer}, u"carol"_s).ok());
        QVERIFY(itemStore.item(two->item.id)->status == ItemStatus::Labeled);
    }

    void compareClassification()
    {
        auto ws = Workspace::create(m_dir.filePath(u"classes"_s), {});
        QVERIFY(ws.ok());
        DatasetContext context(ws->catalog(), ws->root());
        AnnotationStore annotationStore(context);
        auto ds =
            DatasetCatalog(context).createDataset(u"sentiment"_s, DatasetTask::TextClassification);
        QVERIFY(ds.ok());
        // The same ten judgements as kappaTwoClasses: κ = 0.4.
        const QStringList a = {u"pos"_s, u"pos"_s, u"pos"_s, u"neg"_s, u"neg"_s,
                               u"neg"_s, u"pos"_s, u"neg"_s, u"pos"_s, u"pos"_s};
        const QStringList b = {u"pos"_s, u"pos"_s, u"neg"_s, u"neg"_s, u"neg"_s,
                               u"pos"_s, u"pos"_s, u"neg"_s, u"pos"_s, u"neg"_s};
        for (int i = 0; i < 10; ++i) {
            auto item = DatasetItemStore(context).addText(ds->id, u"review number %1"_s.arg(i));
            QVERIFY(item.ok());
            QVERIFY(annotationStore.setTags(item->item.id, {a.at(i)}, u"alice"_s).ok());
            QVERIFY(annotationStore.setTags(item->item.id, {b.at(i)}, u"bob"_s).ok());
        }
        auto report = TextAgreement::compare(context, ds->id, u"alice"_s, u"bob"_s);
        QVERIFY(report.ok());
        QCOMPARE(report->sharedItems, 10);
        QVERIFY(qFuzzyCompare(report->kappa.kappa, 0.4));
        QCOMPARE(report->disagreements.size(), 3); // items 2, 5 and 9
        QVERIFY(!TextAgreement::compare(context, ds->id, u"alice"_s, u"alice"_s).ok());
    }
};

QTEST_GUILESS_MAIN(TestTextAgreement)
#include "tst_textagreement.moc"
