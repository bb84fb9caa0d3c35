#include "labeling/textagreementview.h"

#include "common/background.h"
#include "datasets/annotationstore.h"
#include "datasets/datasetcontext.h"
#include "labeling/textspaneditor.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

QLabel *card(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextFormat(Qt::RichText);
    label->setMinimumWidth(300);
    label->setWordWrap(true);
    label->setStyleSheet(u"QLabel { border: 1px solid palette(mid); border-radius: 8px; "
                         u"padding: 10px 14px; background: palette(base); }"_s);
    return label;
}

QString figure(const QString &title, const QString &value, const QString &detail)
{
    return u"<div style='color:gray'>%1</div><div style='font-size:22px; font-weight:600'>%2"
           u"</div><div style='color:gray'>%3</div>"_s.arg(title, value, detail);
}

} // namespace

TextAgreementView::TextAgreementView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    auto *pick = new QHBoxLayout;
    m_authorA = new QComboBox(this);
    m_authorA->setObjectName(u"agreementAuthorA"_s);
    m_authorB = new QComboBox(this);
    m_authorB->setObjectName(u"agreementAuthorB"_s);
    for (QComboBox *box : {m_authorA, m_authorB})
        box->setMinimumWidth(160);
    m_compare = new QPushButton(tr("Compare"), this);
    m_compare->setObjectName(u"agreementCompare"_s);
    pick->addWidget(new QLabel(tr("Annotator A"), this));
    pick->addWidget(m_authorA);
    pick->addSpacing(12);
    pick->addWidget(new QLabel(tr("Annotator B"), this));
    pick->addWidget(m_authorB);
    pick->addWidget(m_compare);
    pick->addStretch();
    layout->addLayout(pick);

    auto *figures = new QHBoxLayout;
    m_kappa = card(this, u"agreementKappa"_s);
    m_f1 = card(this, u"agreementF1"_s);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"agreementSummary"_s);
    m_summary->setWordWrap(true);
    figures->addWidget(m_kappa);
    figures->addWidget(m_f1);
    figures->addWidget(m_summary, 1);
    layout->addLayout(figures);

    auto *split = new QSplitter(Qt::Horizontal, this);
    auto *listPane = new QWidget(split);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    auto *listTitle = new QLabel(tr("Items they disagree on"), listPane);
    listTitle->setStyleSheet(u"font-weight: 600;"_s);
    listLayout->addWidget(listTitle);
    m_disagreements = new QListWidget(listPane);
    m_disagreements->setObjectName(u"disagreements"_s);
    listLayout->addWidget(m_disagreements, 1);
    split->addWidget(listPane);

    auto *adjudicate = new QWidget(split);
    auto *adjLayout = new QVBoxLayout(adjudicate);
    adjLayout->setContentsMargins(0, 0, 0, 0);
    m_itemTitle = new QLabel(tr("Pick an item to adjudicate."), adjudicate);
    m_itemTitle->setObjectName(u"adjudicationTitle"_s);
    m_itemTitle->setStyleSheet(u"font-weight: 600;"_s);
    adjLayout->addWidget(m_itemTitle);
    auto *sides = new QGridLayout;
    m_headA = new QLabel(adjudicate);
    m_headB = new QLabel(adjudicate);
    m_sideA = new TextSpanEditor(adjudicate);
    m_sideA->setObjectName(u"adjudicationA"_s);
    m_sideB = new TextSpanEditor(adjudicate);
    m_sideB->setObjectName(u"adjudicationB"_s);
    for (TextSpanEditor *side : {m_sideA, m_sideB}) {
        side->setFrameShape(QFrame::StyledPanel);
        side->setOverlapsAllowed(true);
    }
    sides->addWidget(m_headA, 0, 0);
    sides->addWidget(m_headB, 0, 1);
    sides->addWidget(m_sideA, 1, 0);
    sides->addWidget(m_sideB, 1, 1);
    adjLayout->addLayout(sides, 3);
    m_choices = new QTreeWidget(adjudicate);
    m_choices->setObjectName(u"adjudicationChoices"_s);
    m_choices->setHeaderLabels({tr("Keep"), tr("Annotator"), tr("Annotation")});
    m_choices->setRootIsDecorated(false);
    m_choices->header()->setStretchLastSection(true);
    adjLayout->addWidget(m_choices, 2);
    auto *buttons = new QHBoxLayout;
    m_useA = new QPushButton(tr("Keep A's"), adjudicate);
    m_useA->setObjectName(u"adjudicationUseA"_s);
    m_useB = new QPushButton(tr("Keep B's"), adjudicate);
    m_useB->setObjectName(u"adjudicationUseB"_s);
    m_resolve = new QPushButton(tr("Save resolution"), adjudicate);
    m_resolve->setObjectName(u"adjudicationResolve"_s);
    m_resolve->setToolTip(tr("The checked annotations become the item's; the others are set "
                             "aside (kept for audit) and the item is marked reviewed."));
    buttons->addWidget(m_useA);
    buttons->addWidget(m_useB);
    m_edit = new QPushButton(tr("Edit in annotator"), adjudicate);
    m_edit->setObjectName(u"adjudicationEdit"_s);
    m_edit->setToolTip(tr("Open the item in the Annotate tab to label it yourself"));
    buttons->addWidget(m_edit);
    buttons->addStretch();
    buttons->addWidget(m_resolve);
    adjLayout->addLayout(buttons);
    m_message = new QLabel(adjudicate);
    m_message->setObjectName(u"agreementMessage"_s);
    m_message->setWordWrap(true);
    adjLayout->addWidget(m_message);
    split->addWidget(adjudicate);
    split->setStretchFactor(1, 1);
    split->setSizes({260, 800});
    layout->addWidget(split, 1);

    connect(m_compare, &QPushButton::clicked, this,
            [this] { compare(m_authorA->currentText(), m_authorB->currentText()); });
    connect(m_disagreements, &QListWidget::currentRowChanged, this,
            &TextAgreementView::showDisagreement);
    connect(m_useA, &QPushButton::clicked, this, [this] { pickSide(0); });
    connect(m_useB, &QPushButton::clicked, this, [this] { pickSide(1); });
    connect(m_resolve, &QPushButton::clicked, this, &TextAgreementView::resolveChecked);
    connect(m_edit, &QPushButton::clicked, this, [this] {
        if (m_report && m_shown >= 0 && m_shown < m_report->disagreements.size())
            Q_EMIT editRequested(m_report->disagreements.at(m_shown).item.id);
    });
    showReport();
}

TextAgreementView::~TextAgreementView()
{
    if (m_worker != nullptr && m_receiver)
        m_worker->retire(m_receiver);
}

void TextAgreementView::setWorker(DatasetStoreWorker *worker)
{
    if (m_worker != nullptr && m_receiver)
        m_worker->retire(m_receiver);
    m_worker = worker;
    m_receiver = worker != nullptr ? worker->receiver(this) : nullptr;
}

void TextAgreementView::setDataset(const DatasetInfo &dataset, const QList<DatasetLabel> &labels)
{
    m_dataset = dataset;
    m_labels = labels;
    m_report.reset();
    m_resolvedItems.clear();
    QList<TextLabelStyle> styles;
    for (const DatasetLabel &label : labels)
        styles.append({label.name, QColor(label.color), label.hotkey});
    m_sideA->setLabels(styles);
    m_sideB->setLabels(styles);
    showReport();
    reloadAuthors();
}

void TextAgreementView::reloadAuthors()
{
    if (m_worker == nullptr || m_dataset.id == 0)
        return;
    const qint64 datasetId = m_dataset.id;
    readInBackground(
        m_worker, m_receiver,
        [datasetId](DatasetContext &context) {
            return AnnotationStore(context).authors(datasetId);
        },
        [this](const Result<QStringList> &authors) {
            if (!authors) {
                Q_EMIT failed(authors.error().message);
                return;
            }
            m_authors.clear();
            for (const QString &author : authors.value()) {
                if (!author.startsWith(u"model:"_s))
                    m_authors.append(author);
            }
            const QString a = m_authorA->currentText();
            const QString b = m_authorB->currentText();
            m_authorA->clear();
            m_authorB->clear();
            m_authorA->addItems(m_authors);
            m_authorB->addItems(m_authors);
            m_authorA->setCurrentIndex(qMax(0, int(m_authors.indexOf(a))));
            const int bIndex = int(m_authors.indexOf(b));
            m_authorB->setCurrentIndex(bIndex >= 0 ? bIndex : qMin(1, int(m_authors.size()) - 1));
            m_compare->setEnabled(m_authors.size() >= 2);
            if (m_authors.size() < 2)
                m_summary->setText(tr("Agreement needs two annotators: this dataset has %n.",
                                      nullptr, int(m_authors.size())));
            Q_EMIT authorsLoaded();
        });
}

void TextAgreementView::compare(const QString &authorA, const QString &authorB)
{
    if (m_worker == nullptr || m_dataset.id == 0)
        return;
    if (authorA.isEmpty() || authorB.isEmpty() || authorA == authorB) {
        m_summary->setText(tr("Pick two different annotators."));
        return;
    }
    m_summary->setText(tr("Comparing…"));
    const qint64 datasetId = m_dataset.id;
    readInBackground(
        m_worker, m_receiver,
        [datasetId, authorA, authorB](DatasetContext &context) {
            return TextAgreement::compare(context, datasetId, authorA, authorB);
        },
        [this](const Result<AgreementReport> &report) {
            if (!report) {
                m_summary->setText(report.error().message);
                Q_EMIT failed(report.error().message);
                return;
            }
            m_report = report.value();
            showReport();
            Q_EMIT compared();
        });
}

void TextAgreementView::showReport()
{
    m_disagreements->clear();
    m_shown = -1;
    m_choices->clear();
    m_sideA->setContent(QString(), {});
    m_sideB->setContent(QString(), {});
    m_headA->clear();
    m_headB->clear();
    const bool entities = m_dataset.task == DatasetTask::Entities;
    m_kappa->setVisible(!entities);
    m_f1->setVisible(entities);
    if (!m_report) {
        m_kappa->setText(figure(tr("Cohen's \u03ba"), u"\u2014"_s, tr("not compared yet")));
        m_f1->setText(figure(tr("Span F1"), u"\u2014"_s, tr("not compared yet")));
        return;
    }
    const AgreementReport &r = *m_report;
    m_kappa->setText(
        figure(tr("Cohen's \u03ba"), QString::number(r.kappa.kappa, 'f', 3),
               tr("observed %1 \u00b7 chance %2 \u00b7 %n item(s)", nullptr, int(r.kappa.items))
                   .arg(r.kappa.observed, 0, 'f', 2)
                   .arg(r.kappa.expected, 0, 'f', 2)));
    m_f1->setText(figure(tr("Span F1 (exact)"), QString::number(r.spans.f1, 'f', 3),
                         tr("P %1 \u00b7 R %2 \u00b7 %3 of %4 / %5 spans match")
                             .arg(r.spans.precision, 0, 'f', 2)
                             .arg(r.spans.recall, 0, 'f', 2)
                             .arg(r.spans.matched)
                             .arg(r.spans.spansA)
                             .arg(r.spans.spansB)));
    m_summary->setText(
        tr("%1 and %2 both annotated %n item(s); they disagree on %3.", nullptr, int(r.sharedItems))
            .arg(r.authorA, r.authorB)
            .arg(r.disagreements.size()));
    for (const Disagreement &d : r.disagreements) {
        QString name =
            d.item.sourceName.isEmpty() ? tr("Item %1").arg(d.item.id) : d.item.sourceName;
        if (m_resolvedItems.contains(d.item.id))
            name = u"\u2713 "_s + name;
        auto *row = new QListWidgetItem(name, m_disagreements);
        QString snippet = d.item.text.left(120);
        snippet.replace(u'\n', u' ');
        row->setToolTip(snippet);
    }
    if (!r.disagreements.isEmpty())
        m_disagreements->setCurrentRow(0);
}

QString TextAgreementView::describe(const Annotation &annotation, const DatasetItem &item) const
{
    switch (annotation.kind) {
    case AnnotationKind::Span: {
        const QList<uint> ucs4 = item.text.toUcs4();
        const qint64 start = qBound<qint64>(0, annotation.spanStart(), ucs4.size());
        const qint64 end = qBound<qint64>(start, annotation.spanEnd(), ucs4.size());
        const QString text = QString::fromUcs4(
            reinterpret_cast<const char32_t *>(ucs4.constData()) + start, end - start);
        return u"%1 \u201c%2\u201d [%3, %4)"_s.arg(annotation.label, text)
            .arg(annotation.spanStart())
            .arg(annotation.spanEnd());
    }
    case AnnotationKind::Pair:
        if (const std::optional<double> score = annotation.score())
            return tr("score %1").arg(*score, 0, 'f', 2);
        return annotation.label;
    default:
        return annotation.label;
    }
}

void TextAgreementView::showDisagreement(int row)
{
    m_choices->clear();
    m_shown = row;
    if (!m_report || row < 0 || row >= m_report->disagreements.size())
        return;
    const Disagreement &d = m_report->disagreements.at(row);
    m_itemTitle->setText(
        tr("Adjudicate: %1")
            .arg(d.item.sourceName.isEmpty() ? tr("item %1").arg(d.item.id) : d.item.sourceName));
    const auto show = [this, &d](TextSpanEditor *side, QLabel *head, const QString &author,
                                 const QList<Annotation> &annotations) {
        QList<EditorSpan> spans;
        QStringList labels;
        for (const Annotation &a : annotations) {
            if (a.kind == AnnotationKind::Span) {
                EditorSpan span;
                span.key = a.id;
                span.label = a.label;
                span.start = a.spanStart();
                span.end = a.spanEnd();
                span.source = a.source;
                span.author = a.author;
                spans.append(span);
            } else {
                labels.append(describe(a, d.item));
            }
        }
        QString text = d.item.text;
        if (!d.item.textB.isEmpty())
            text += u"\n\n\u2014 "_s + tr("Text B") + u" \u2014\n"_s + d.item.textB;
        side->setContent(text, spans);
        head->setText(labels.isEmpty()
                          ? u"<b>%1</b>"_s.arg(author.toHtmlEscaped())
                          : u"<b>%1</b>: %2"_s.arg(author.toHtmlEscaped(),
                                                   labels.join(u", "_s).toHtmlEscaped()));
    };
    show(m_sideA, m_headA, u"A \u00b7 "_s + m_report->authorA, d.a);
    show(m_sideB, m_headB, u"B \u00b7 "_s + m_report->authorB, d.b);
    for (int side = 0; side < 2; ++side) {
        for (const Annotation &a : side == 0 ? d.a : d.b) {
            auto *choice = new QTreeWidgetItem(m_choices);
            choice->setCheckState(0, side == 0 ? Qt::Checked : Qt::Unchecked);
            choice->setText(1, side == 0 ? u"A \u00b7 "_s + m_report->authorA
                                         : u"B \u00b7 "_s + m_report->authorB);
            choice->setText(2, describe(a, d.item));
            choice->setData(0, Qt::UserRole, a.id);
            choice->setData(1, Qt::UserRole, side);
        }
    }
    m_message->clear();
}

void TextAgreementView::pickSide(int side)
{
    for (int i = 0; i < m_choices->topLevelItemCount(); ++i) {
        QTreeWidgetItem *choice = m_choices->topLevelItem(i);
        choice->setCheckState(0, choice->data(1, Qt::UserRole).toInt() == side ? Qt::Checked
                                                                               : Qt::Unchecked);
    }
}

void TextAgreementView::resolveChecked()
{
    if (!m_report || m_shown < 0 || m_shown >= m_report->disagreements.size() ||
        m_worker == nullptr)
        return;
    QList<qint64> chosen;
    for (int i = 0; i < m_choices->topLevelItemCount(); ++i) {
        QTreeWidgetItem *choice = m_choices->topLevelItem(i);
        if (choice->checkState(0) == Qt::Checked)
            chosen.append(choice->data(0, Qt::UserRole).toLongLong());
    }
    const qint64 itemId = m_report->disagreements.at(m_shown).item.id;
    const QString adjudicator = m_worker->author();
    writeInBackground(
        m_worker, m_receiver,
        [itemId, chosen, adjudicator](DatasetContext &context) {
            const Status status = TextAgreement::resolve(context, itemId, chosen, adjudicator);
            return status ? QString() : status.error().message;
        },
        [this, itemId](const QString &error) {
            if (!error.isEmpty()) {
                m_message->setText(tr("Not resolved: %1").arg(error));
                Q_EMIT failed(error);
                return;
            }
            m_resolvedItems.append(itemId);
            if (QListWidgetItem *row = m_disagreements->item(m_shown);
                row != nullptr && !row->text().startsWith(u"\u2713"_s))
                row->setText(u"\u2713 "_s + row->text());
            m_message->setText(tr("Resolved: the item is marked reviewed."));
            Q_EMIT resolved(itemId);
        });
}

} // namespace atelier
