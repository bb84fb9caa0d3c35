#include "labeling/textannotator.h"

#include "common/background.h"
#include "core/appsettings.h"
#include "core/workspace.h"
#include "datasets/annotationstore.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetitemsmodel.h"
#include "datasets/datasetitemstore.h"
#include "datasets/textannotationcommands.h"
#include "datasets/textannotationdocument.h"
#include "datasets/textsuggestions.h"
#include "labeling/textagreementview.h"
#include "labeling/textclassificationpanel.h"
#include "labeling/textitemdelegate.h"
#include "labeling/textpairview.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

// Re-polishing a widget costs milliseconds: only when its style really changes.
void setSheet(QWidget *widget, const QString &sheet)
{
    if (widget->styleSheet() != sheet)
        widget->setStyleSheet(sheet);
}

enum Page { SpansPage = 0, ClassesPage = 1, PairPage = 2 };

/// The model's confidence of a suggestion: a pair's score, or "score" in a span's geometry.
std::optional<double> confidenceOf(const Annotation &annotation)
{
    if (annotation.kind == AnnotationKind::Pair)
        return annotation.score();
    const QJsonValue score = annotation.geometry.toObject().value(u"score"_s);
    if (score.isDouble())
        return score.toDouble();
    return std::nullopt;
}

QString modelOf(const Annotation &annotation)
{
    return annotation.source.startsWith(u"model:"_s) ? annotation.source.mid(6) : annotation.source;
}

} // namespace

TextAnnotator::TextAnnotator(QWidget *parent)
    : QWidget(parent), m_document(new TextAnnotationDocument(this))
{
    m_author = AppSettings().annotatorName();
    m_document->setAuthor(m_author);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"textAnnotatorTabs"_s);
    m_tabs->setDocumentMode(true);
    layout->addWidget(m_tabs);

    auto *split = new QSplitter(Qt::Horizontal, m_tabs);
    split->addWidget(makeListPane());
    split->addWidget(makeAnnotatePane());
    split->setStretchFactor(1, 1);
    split->setSizes({240, 900}); // the list elides; the annotator needs the room
    m_tabs->addTab(split, tr("Annotate"));
    m_agreement = new TextAgreementView(m_tabs);
    m_tabs->addTab(m_agreement, tr("Agreement"));
    connect(m_agreement, &TextAgreementView::editRequested, this, [this](qint64 itemId) {
        m_tabs->setCurrentIndex(0);
        m_list->clearSelection();
        loadItem(itemId); // not necessarily in the list's filter: shown by id
    });
    connect(m_agreement, &TextAgreementView::resolved, this, [this](qint64 itemId) {
        if (m_items != nullptr)
            m_items->refresh();
        if (m_document->item().id == itemId)
            loadItem(itemId);
    });

    m_undo = m_document->undoStack()->createUndoAction(this, tr("Undo"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo = m_document->undoStack()->createRedoAction(this, tr("Redo"));
    m_redo->setShortcuts({QKeySequence::Redo, QKeySequence(u"Ctrl+Y"_s)});
    for (QAction *action : {m_undo, m_redo}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }

    connect(m_document, &TextAnnotationDocument::reset, this, &TextAnnotator::resetViews);
    connect(m_document, &TextAnnotationDocument::annotationInserted, this, [this](qint64 key) {
        const Annotation *annotation = m_document->annotation(key);
        if (annotation->kind == AnnotationKind::Span && shownInEditor(*annotation))
            m_spans->addSpan(toEditorSpan(*annotation));
        refreshFromDocument();
    });
    connect(m_document, &TextAnnotationDocument::annotationRemoved, this, [this](qint64 key) {
        m_spans->removeSpan(key);
        refreshFromDocument();
    });
    connect(m_document, &TextAnnotationDocument::annotationChanged, this, [this](qint64 key) {
        const Annotation *annotation = m_document->annotation(key);
        if (annotation->kind == AnnotationKind::Span) {
            if (shownInEditor(*annotation))
                m_spans->updateSpan(toEditorSpan(*annotation));
            else
                m_spans->removeSpan(key);
        }
        refreshFromDocument();
    });
    connect(m_document, &TextAnnotationDocument::saveFailed, this, [this](const QString &error) {
        showMessage(tr("Not saved: %1").arg(error));
        // What the catalog holds wins: read the item again.
        if (m_document->hasItem())
            loadItem(m_document->item().id);
    });
    connect(m_document, &TextAnnotationDocument::itemUpdated, this,
            [this](const DatasetItem &item) {
                if (m_items != nullptr)
                    m_items->updateItemStatus(item.id, item.status, item.reviewComment);
                refreshHeader();
            });

    connect(m_spans, &TextSpanEditor::spanRequested, this,
            [this](qint64 start, qint64 end, const QString &label) {
                push(TextCommands::addSpan(m_document, label, start, end));
            });
    connect(m_spans, &TextSpanEditor::relabelRequested, this,
            [this](qint64 key, const QString &label) {
                const Annotation *before = m_document->annotation(key);
                if (before == nullptr || before->label == label)
                    return;
                const QString owner = othersAuthor(*before);
                const QString was = before->label;
                const QString text = m_spans->textOf(before->spanStart(), before->spanEnd());
                push(TextCommands::relabel(m_document, key, label));
                if (!owner.isEmpty())
                    showMessage(tr("Changed %1's span \u201c%2\u201d from %3 to %4 (Ctrl+Z "
                                   "undoes it).")
                                    .arg(owner, text.left(40), was, label),
                                false);
            });
    connect(m_spans, &TextSpanEditor::removeRequested, this, [this](qint64 key) {
        const Annotation *before = m_document->annotation(key);
        if (before == nullptr)
            return;
        const QString owner = othersAuthor(*before);
        const QString label = before->label;
        const QString text = m_spans->textOf(before->spanStart(), before->spanEnd());
        push(TextCommands::remove(m_document, key));
        if (!owner.isEmpty())
            showMessage(tr("Deleted %1's span \u201c%2\u201d (%3) (Ctrl+Z undoes it).")
                            .arg(owner, text.left(40), label),
                        false);
    });
    connect(m_spans, &TextSpanEditor::acceptRequested, this, &TextAnnotator::acceptSuggestion);
    connect(m_spans, &TextSpanEditor::rejectRequested, this, &TextAnnotator::rejectSuggestion);
    connect(m_spans, &TextSpanEditor::spanRefused, this,
            [this](const QString &reason) { showMessage(reason); });
    connect(m_spans, &TextSpanEditor::selectedSpanChanged, this, [this] {
        refreshSuggestionBar();
        refreshSelectionInfo();
    });
    connect(m_classes, &TextClassificationPanel::tagsRequested, this,
            [this](const QStringList &labels) { push(TextCommands::setTags(m_document, labels)); });
    connect(m_pair, &TextPairView::judged, this,
            [this](const QString &label, std::optional<double> score) {
                push(TextCommands::setPair(m_document, label, score));
            });
    resetViews();
}

TextAnnotator::~TextAnnotator()
{
    if (m_worker != nullptr && m_receiver)
        m_worker->retire(m_receiver);
    if (m_suggestCancel)
        *m_suggestCancel = true;
    // The document and the items model retire from the worker before it stops.
    delete m_items;
    m_items = nullptr;
    m_document->setWorker(nullptr);
    // Children outlive this body; the worker of our own does not.
    m_agreement->setWorker(nullptr);
}

void TextAnnotator::setAuthor(const QString &author)
{
    m_author = author;
    m_document->setAuthor(author);
}

QString TextAnnotator::author() const
{
    return m_author;
}

void TextAnnotator::open(const QString &workspaceRoot, const QString &datasetName,
                         DatasetStoreWorker *worker)
{
    if (m_worker != nullptr && m_receiver)
        m_worker->retire(m_receiver);
    delete m_items;
    m_items = nullptr;
    m_document->setWorker(nullptr);
    m_agreement->setWorker(nullptr); // before a worker of our own is replaced
    m_document->clear();
    m_root = workspaceRoot;
    {
        const QSignalBlocker block(m_uncertainty);
        m_uncertainty->setChecked(false);
    }
    m_uncertaintyOrder.clear();
    if (worker == nullptr) {
        m_ownWorker = std::make_unique<DatasetStoreWorker>(workspaceRoot, m_author);
        worker = m_ownWorker.get();
    } else {
        m_ownWorker.reset();
    }
    m_worker = worker;
    m_receiver = worker->receiver(this);
    m_receiver->failed = [this](const QString &error) {
        // The catalog did not open: nothing this annotator asked for will come.
        const bool first = m_loadingDataset;
        m_loadingDataset = false;
        m_loadingItem = false;
        if (first) {
            showMessage(error);
            Q_EMIT failed(error);
        }
    };
    m_document->setWorker(worker);
    m_items = new DatasetItemsModel(worker, this);
    m_items->setPageSize(100);
    m_list->setModel(m_items);
    connect(m_items, &DatasetItemsModel::countChanged, this, [this](qint64 count) {
        m_count->setText(tr("%n item(s)", nullptr, int(count)));
        if (m_row < 0 && count > 0 && m_pendingRow < 0)
            showRow(0);
        refreshHeader();
    });
    connect(m_items, &DatasetItemsModel::pageLoaded, this, [this] {
        if (m_pendingRow >= 0) {
            const int row = m_pendingRow;
            m_pendingRow = -1;
            showRow(row);
        }
    });
    connect(m_items, &DatasetItemsModel::loadFailed, this,
            [this](const QString &error) { showMessage(error); });
    m_agreement->setWorker(worker);

    m_loadingDataset = true;
    const QString name = datasetName;
    // The dataset, its labels and the folder of its objects, read on the worker.
    struct Opened
    {
        Result<DatasetInfo> dataset;
        Result<QList<DatasetLabel>> labels;
        QString objects;
    };
    readInBackground(
        worker, m_receiver,
        [name](DatasetContext &context) {
            DatasetCatalog catalog(context);
            auto dataset = catalog.dataset(name);
            Result<QList<DatasetLabel>> labels = dataset
                                                     ? catalog.labels(dataset->id)
                                                     : Result<QList<DatasetLabel>>(dataset.error());
            return Opened{dataset, labels, context.objectsDir()};
        },
        [this](const Opened &opened) {
            const auto &[dataset, labels, objects] = opened;
            m_loadingDataset = false;
            if (!dataset || !labels) {
                const QString error = !dataset ? dataset.error().message : labels.error().message;
                showMessage(error);
                Q_EMIT failed(error);
                return;
            }
            m_items->setDataset(dataset->id, objects);
            datasetArrived(dataset.value(), labels.value());
        });
}

void TextAnnotator::datasetArrived(const DatasetInfo &dataset, const QList<DatasetLabel> &labels)
{
    if (dataset.media != DatasetMedia::Text) {
        const QString error =
            tr("\"%1\" is an image dataset: open it in the image annotator.").arg(dataset.name);
        showMessage(error);
        Q_EMIT failed(error);
        return;
    }
    m_dataset = dataset;
    m_labels = labels;
    m_row = -1;
    m_uncertaintyOrder.clear();
    const QList<TextLabelStyle> styles = labelStyles();
    m_spans->setLabels(styles);
    m_spans->setOverlapsAllowed(dataset.options.overlappingSpans);
    m_classes->setLabels(styles, dataset.options.multiLabel);
    m_pair->setScoreMode(dataset.options.pairScore);
    m_stack->setCurrentIndex(dataset.task == DatasetTask::Entities             ? SpansPage
                             : dataset.task == DatasetTask::TextClassification ? ClassesPage
                                                                               : PairPage);
    rebuildLegend();
    if (dataset.task == DatasetTask::Entities) {
        m_suggest->setToolTip(tr("Dictionary model: find the span texts already labeled (and a "
                                 "dictionary) in the other items and suggest them (runs in the "
                                 "background)"));
    } else {
        m_suggest->setToolTip(tr("TF-IDF model: train it on the labeled items and suggest labels "
                                 "for the others (runs in the background)"));
    }
    m_agreement->setDataset(dataset, labels);
    Q_EMIT opened();
}

QList<TextLabelStyle> TextAnnotator::labelStyles() const
{
    QList<TextLabelStyle> styles;
    for (const DatasetLabel &label : m_labels)
        styles.append({label.name, QColor(label.color), label.hotkey});
    return styles;
}

void TextAnnotator::rebuildLegend()
{
    while (QLayoutItem *item = m_legendLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_selectionInfo = nullptr; // deleted with the rest
    m_showOthers->setVisible(m_dataset.task == DatasetTask::Entities);
    if (m_dataset.task != DatasetTask::Entities) {
        m_legend->hide();
        return;
    }
    m_legend->show();
    for (qsizetype i = 0; i < m_labels.size(); ++i) {
        const DatasetLabel &label = m_labels.at(i);
        const QColor color = m_spans->colorOf(label.name);
        const QString key = !label.hotkey.isEmpty() ? label.hotkey
                            : i < 9                 ? QString::number(i + 1)
                                                    : QString();
        auto *chip = new QToolButton(m_legend);
        chip->setObjectName(u"legend:"_s + label.name);
        chip->setFocusPolicy(Qt::NoFocus);
        chip->setText(key.isEmpty() ? label.name : u"%1  %2"_s.arg(label.name, key));
        chip->setToolTip(tr("Label the selection as \"%1\"").arg(label.name));
        chip->setStyleSheet(
            u"QToolButton { background: rgba(%1,%2,%3,45); border: 1px solid %4; "
            u"border-bottom: 3px solid %4; border-radius: 4px; padding: 2px 8px; }"_s
                .arg(color.red())
                .arg(color.green())
                .arg(color.blue())
                .arg(color.name()));
        const QString name = label.name;
        connect(chip, &QToolButton::clicked, this, [this, name] {
            m_spans->applyLabel(name); // exactly what the label's key does
            m_spans->setFocus();
        });
        m_legendLayout->addWidget(chip);
    }
    m_legendLayout->addSpacing(8);
    m_selectionInfo = new QLabel(m_legend);
    m_selectionInfo->setObjectName(u"spanSelection"_s);
    m_selectionInfo->setWordWrap(true);
    m_legendLayout->addWidget(m_selectionInfo, 1);
    refreshSelectionInfo();
}

void TextAnnotator::refreshSelectionInfo()
{
    if (m_selectionInfo == nullptr)
        return;
    // Which span a label key or Del will act on, and whose it is; else how to start.
    const EditorSpan *selected = m_spans->span(m_spans->selectedSpan());
    if (selected == nullptr) {
        m_selectionInfo->setText(tr("Select text (Shift+arrows), press a key \u00b7 Tab: next "
                                    "span \u00b7 Del: delete"));
        setSheet(m_selectionInfo, u"color: palette(mid);"_s);
        return;
    }
    const QString text = m_spans->textOf(selected->start, selected->end).left(40);
    QString who;
    if (selected->suggested)
        who = tr("suggested by %1").arg(selected->source.mid(6));
    else if (selected->foreign)
        who = tr("by %1 (a key changes it)").arg(selected->author);
    else
        who = tr("yours");
    m_selectionInfo->setText(
        tr("Selected: <b>%1</b> \u201c%2\u201d \u00b7 %3")
            .arg(selected->label.toHtmlEscaped(), text.toHtmlEscaped(), who.toHtmlEscaped()));
    setSheet(m_selectionInfo, QString());
}

qint64 TextAnnotator::currentItemId() const
{
    return m_document->item().id;
}

void TextAnnotator::showRow(int row)
{
    if (m_items == nullptr || row < 0 || row >= rowCount())
        return;
    qint64 itemId = 0;
    if (!m_uncertaintyOrder.isEmpty()) {
        itemId = m_uncertaintyOrder.at(row);
    } else {
        const std::optional<DatasetItem> item = m_items->itemAt(row);
        if (!item) {
            m_pendingRow = row;
            m_items->prefetch(row, row);
            return;
        }
        itemId = item->id;
    }
    m_row = row;
    const QModelIndex index = m_list->model()->index(row, 0);
    m_list->setCurrentIndex(index);
    m_list->scrollTo(index);
    loadItem(itemId);
}

int TextAnnotator::rowCount() const
{
    if (!m_uncertaintyOrder.isEmpty())
        return int(m_uncertaintyOrder.size());
    return m_items != nullptr ? m_items->rowCount() : 0;
}

void TextAnnotator::next()
{
    if (m_row + 1 < rowCount())
        showRow(m_row + 1);
}

void TextAnnotator::previous()
{
    if (m_row > 0)
        showRow(m_row - 1);
}

void TextAnnotator::loadItem(qint64 itemId)
{
    if (m_worker == nullptr)
        return;
    const quint64 generation = ++m_generation;
    m_loadingItem = true;
    readInBackground(
        m_worker, m_receiver,
        [itemId](DatasetContext &context) {
            return std::pair{DatasetItemStore(context).item(itemId),
                             AnnotationStore(context).annotations(itemId)};
        },
        [this,
         generation](const std::pair<Result<DatasetItem>, Result<QList<Annotation>>> &answer) {
            const auto &[item, annotations] = answer;
            if (!item || !annotations) {
                m_loadingItem = false;
                showMessage(!item ? item.error().message : annotations.error().message);
                return;
            }
            itemArrived(generation, item.value(), annotations.value());
        });
}

void TextAnnotator::itemArrived(quint64 generation, const DatasetItem &item,
                                const QList<Annotation> &annotations)
{
    if (generation != m_generation)
        return; // the user moved on
    m_loadingItem = false;
    m_document->load(m_dataset, item, annotations);
    m_reviewComment->setText(item.reviewComment);
    // Keys go to the text shown, whichever page (unless the user is typing a comment).
    if (!m_reviewComment->hasFocus() && isVisible()) {
        if (m_stack->currentIndex() == SpansPage)
            m_spans->setFocus();
        else if (m_stack->currentIndex() == ClassesPage)
            m_classText->setFocus();
        else
            m_pair->textA()->setFocus();
    }
    Q_EMIT itemShown(item.id);
}

bool TextAnnotator::shownInEditor(const Annotation &annotation) const
{
    if (annotation.state == AnnotationState::Suggested)
        return true;
    return annotation.state == AnnotationState::Accepted &&
           (m_showOthers->isChecked() || annotation.author == m_document->author());
}

QString TextAnnotator::othersAuthor(const Annotation &annotation) const
{
    return annotation.state == AnnotationState::Accepted &&
                   annotation.author != m_document->author()
               ? annotation.author
               : QString();
}

EditorSpan TextAnnotator::toEditorSpan(const Annotation &annotation) const
{
    EditorSpan span;
    span.key = annotation.id;
    span.label = annotation.label;
    span.start = annotation.spanStart();
    span.end = annotation.spanEnd();
    span.suggested = annotation.state == AnnotationState::Suggested;
    span.source = annotation.source;
    span.score = confidenceOf(annotation);
    span.author = annotation.author;
    span.foreign =
        annotation.state == AnnotationState::Accepted && annotation.author != m_document->author();
    return span;
}

void TextAnnotator::setShowOthers(bool on)
{
    if (m_showOthers->isChecked() != on) {
        m_showOthers->setChecked(on); // calls back
        return;
    }
    if (m_dataset.task == DatasetTask::Entities && m_document->hasItem())
        refreshSpans();
}

void TextAnnotator::refreshSpans()
{
    QList<EditorSpan> spans;
    for (const Annotation &annotation : m_document->visible(m_showOthers->isChecked())) {
        if (annotation.kind == AnnotationKind::Span)
            spans.append(toEditorSpan(annotation));
    }
    m_spans->setContent(m_document->item().text, spans);
}

void TextAnnotator::resetViews()
{
    const DatasetItem &item = m_document->item();
    if (m_dataset.task == DatasetTask::Entities)
        refreshSpans();
    else if (m_dataset.task == DatasetTask::TextClassification)
        m_classText->setPlainText(item.text);
    else if (m_dataset.task == DatasetTask::Pairs)
        m_pair->setTexts(item.text, item.textB);
    refreshFromDocument();
}

void TextAnnotator::refreshFromDocument()
{
    // After each change; the span editor follows the change signals one span at a time.
    if (m_dataset.task == DatasetTask::TextClassification) {
        m_classes->setTags(m_document->tags());
        QHash<QString, double> suggested;
        for (const Annotation &annotation : m_document->suggestions()) {
            if (annotation.kind == AnnotationKind::Tag)
                suggested.insert(annotation.label, confidenceOf(annotation).value_or(std::nan("")));
        }
        m_classes->setSuggestions(suggested);
    } else if (m_dataset.task == DatasetTask::Pairs) {
        const std::optional<Annotation> judgement = m_document->pairJudgement();
        m_pair->setJudgement(judgement ? judgement->label : QString(),
                             judgement ? judgement->score() : std::nullopt);
        const QList<Annotation> pending = m_document->suggestions();
        if (!pending.isEmpty())
            m_pair->setSuggestion(pending.first().label, pending.first().score(),
                                  modelOf(pending.first()));
        else
            m_pair->setSuggestion(QString(), std::nullopt, QString());
    }
    refreshSuggestionBar();
    refreshSelectionInfo(); // the selected span may be the one changed
    refreshHeader();
}

void TextAnnotator::refreshHeader()
{
    const DatasetItem &item = m_document->item();
    if (item.id == 0) {
        m_title->setText(m_dataset.name.isEmpty() ? tr("No dataset open") : m_dataset.name);
        m_status->clear();
        m_position->clear();
        return;
    }
    // A long name is elided (in full in the tooltip): it must not push the buttons out.
    const QString title = item.sourceName.isEmpty() ? tr("Item %1").arg(item.id) : item.sourceName;
    m_title->setText(m_title->fontMetrics().elidedText(title, Qt::ElideMiddle, 220));
    m_title->setToolTip(title);
    const QColor color = TextItemDelegate::statusColor(item.status);
    m_status->setText(TextItemDelegate::statusText(item.status));
    setSheet(m_status, u"background: %1; color: white; border-radius: 8px; "
                       u"padding: 1px 8px; font-weight: 600;"_s.arg(color.name()));
    const int count = rowCount();
    m_position->setText(tr("%1 of %2").arg(m_row + 1).arg(count));
}

qint64 TextAnnotator::currentSuggestion() const
{
    if (m_dataset.task == DatasetTask::Entities) {
        const EditorSpan *selected = m_spans->span(m_spans->selectedSpan());
        if (selected != nullptr && selected->suggested)
            return selected->key;
        return m_spans->nextSuggestion(m_spans->selection().first);
    }
    const QList<Annotation> pending = m_document->suggestions();
    return pending.isEmpty() ? 0 : pending.first().id;
}

void TextAnnotator::refreshSuggestionBar()
{
    const qint64 key = currentSuggestion();
    const Annotation *suggestion = key != 0 ? m_document->annotation(key) : nullptr;
    const int pending = m_document->suggestionCount();
    m_acceptSuggestion->setEnabled(suggestion != nullptr);
    m_rejectSuggestion->setEnabled(suggestion != nullptr);
    if (suggestion == nullptr) {
        m_suggestionText->setText(tr("No suggestions for this item."));
        setSheet(m_suggestionText, u"color: palette(mid);"_s);
        return;
    }
    QString what = suggestion->label;
    if (suggestion->kind == AnnotationKind::Span)
        what = u"%1 \u201c%2\u201d"_s.arg(
            suggestion->label,
            m_spans->textOf(suggestion->spanStart(), suggestion->spanEnd()).left(40));
    else if (suggestion->kind == AnnotationKind::Pair && suggestion->label.isEmpty())
        what = tr("score");
    QString text = tr("%n suggestion(s) \u00b7 next: %1 by %2", nullptr, pending)
                       .arg(what.toHtmlEscaped(), modelOf(*suggestion).toHtmlEscaped());
    if (const std::optional<double> score = confidenceOf(*suggestion))
        text += u" \u00b7 "_s + tr("score %1").arg(*score, 0, 'f', 2);
    m_suggestionText->setText(text);
    setSheet(m_suggestionText, u"color: #6b2fb3;"_s);
}

void TextAnnotator::acceptSuggestion(qint64 key)
{
    const Annotation *suggestion = key != 0 ? m_document->annotation(key) : nullptr;
    if (suggestion == nullptr)
        return;
    if (suggestion->kind == AnnotationKind::Span && !m_dataset.options.overlappingSpans) {
        for (const Annotation &other : m_document->visible()) {
            if (other.kind == AnnotationKind::Span && other.state == AnnotationState::Accepted &&
                other.spanStart() < suggestion->spanEnd() &&
                other.spanEnd() > suggestion->spanStart()) {
                showMessage(tr("This suggestion overlaps \"%1\", and this dataset does not allow "
                               "overlapping spans: delete that span first, or reject the "
                               "suggestion.")
                                .arg(other.label));
                return;
            }
        }
    }
    if (suggestion->kind == AnnotationKind::Tag && !m_dataset.options.multiLabel) {
        // Single label: accepting a tag replaces the one set.
        push(TextCommands::setTags(m_document, {suggestion->label}));
        return;
    }
    if (suggestion->kind == AnnotationKind::Pair && m_document->pairJudgement()) {
        push(TextCommands::setPair(m_document, suggestion->label, suggestion->score()));
        return;
    }
    push(TextCommands::accept(m_document, key));
}

void TextAnnotator::rejectSuggestion(qint64 key)
{
    push(TextCommands::reject(m_document, key));
}

void TextAnnotator::push(QUndoCommand *command)
{
    if (command == nullptr || !m_document->hasItem())
        return;
    m_document->undoStack()->push(command);
}

void TextAnnotator::review(ItemStatus verdict, const QString &comment)
{
    if (!m_document->hasItem())
        return;
    if (verdict == ItemStatus::Rejected && comment.trimmed().isEmpty()) {
        showMessage(tr("Say why the item is rejected in the review comment, then reject it."));
        m_reviewComment->setFocus();
        return;
    }
    m_document->review(verdict, comment.trimmed());
    showMessage(verdict == ItemStatus::Reviewed ? tr("Approved.") : tr("Rejected."), false);
}

QString TextAnnotator::message() const
{
    return m_message->isVisible() || m_messageTimer->isActive() ? m_message->text() : QString();
}

bool TextAnnotator::isLoading() const
{
    return m_loadingDataset || m_loadingItem || m_pendingRow >= 0 ||
           (m_items != nullptr && m_items->isLoading());
}

void TextAnnotator::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    setSheet(m_message,
             error ? u"color: #b3261e; padding: 2px;"_s : u"color: #1e7d3c; padding: 2px;"_s);
    m_message->show();
    m_messageTimer->start();
}

void TextAnnotator::applyFilter()
{
    if (m_items == nullptr)
        return;
    if (m_uncertainty->isChecked() && m_list->model() == m_orderModel && m_orderModel) {
        setUncertaintyOrder(true); // again, with the new filter
        return;
    }
    ItemQuery query = m_items->query();
    const int status = m_filter->currentData().toInt();
    query.status = status < 0 ? std::nullopt : std::optional<ItemStatus>(ItemStatus(status));
    m_row = -1;
    m_items->setQuery(query);
}

void TextAnnotator::setUncertaintyOrder(bool on)
{
    if (m_uncertainty->isChecked() != on) {
        m_uncertainty->setChecked(on); // calls back
        return;
    }
    m_uncertaintyOrder.clear();
    m_row = -1;
    if (!on || m_worker == nullptr || m_dataset.id == 0) {
        m_list->setModel(m_items);
        delete m_orderModel;
        m_orderModel = nullptr;
        applyFilter();
        return;
    }
    // The model's uncertainty about each item's pending suggestions (TextSuggestions), then
    // the rows to show for the first items of that order.
    const qint64 datasetId = m_dataset.id;
    const int status = m_filter->currentData().toInt();
    m_loadingDataset = true;
    readInBackground(
        m_worker, m_receiver,
        [datasetId, status](DatasetContext &context) {
            auto order = TextSuggestions::uncertaintyOrder(context, datasetId,
                                                           UncertaintyMeasure::LeastConfidence,
                                                           status == int(ItemStatus::Unlabeled));
            QList<std::pair<DatasetItem, UncertainItem>> rows;
            QString error = order ? QString() : order.error().message;
            if (order) {
                DatasetItemStore items(context);
                for (const UncertainItem &u : order.value()) {
                    auto item = items.item(u.itemId);
                    if (!item)
                        continue;
                    if (status >= 0 && int(item->status) != status)
                        continue;
                    rows.append({item.value(), u});
                    if (rows.size() >= 5000)
                        break;
                }
            }
            return std::pair{rows, error};
        },
        [this](const std::pair<QList<std::pair<DatasetItem, UncertainItem>>, QString> &answer) {
            const auto &[rows, error] = answer;
            m_loadingDataset = false;
            if (!error.isEmpty()) {
                showMessage(error);
                return;
            }
            showUncertaintyOrder(rows);
        });
}

void TextAnnotator::showUncertaintyOrder(const QList<std::pair<DatasetItem, UncertainItem>> &rows)
{
    if (!m_uncertainty->isChecked())
        return;
    delete m_orderModel;
    m_orderModel = new QStandardItemModel(this);
    m_uncertaintyOrder.clear();
    int scored = 0;
    for (const auto &[item, u] : rows) {
        auto *row = new QStandardItem;
        QString name = item.sourceName.isEmpty() ? tr("Item %1").arg(item.id) : item.sourceName;
        if (u.uncertainty >= 0) {
            name += u"  \u00b7  "_s + tr("uncertainty %1").arg(u.uncertainty, 0, 'f', 2);
            ++scored;
        }
        row->setData(item.id, DatasetItemsModel::ItemIdRole);
        row->setData(int(item.status), DatasetItemsModel::StatusRole);
        row->setData(name, DatasetItemsModel::SourceNameRole);
        row->setData(item.text, DatasetItemsModel::TextRole);
        row->setData(true, DatasetItemsModel::LoadedRole);
        m_orderModel->appendRow(row);
        m_uncertaintyOrder.append(item.id);
    }
    m_list->setModel(m_orderModel);
    m_count->setText(tr("%n item(s)", nullptr, int(rows.size())));
    if (scored == 0)
        showMessage(tr("No item has a scored suggestion yet: run \"%1\" first, then order by "
                       "uncertainty.")
                        .arg(m_suggest->text()));
    if (!m_uncertaintyOrder.isEmpty())
        showRow(0);
}

void TextAnnotator::runSuggester()
{
    if (m_suggestCancel || m_dataset.id == 0 || m_root.isEmpty())
        return;
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_suggestCancel = cancel;
    m_suggest->setEnabled(false);
    m_suggestProgress->setRange(0, 0);
    m_suggestProgress->setFormat(tr("Exporting…"));
    m_suggestProgress->setTextVisible(true);
    m_suggestProgress->show();
    m_cancelSuggest->show();
    SuggesterRun run;
    run.templateId =
        m_dataset.task == DatasetTask::Entities ? u"text-dict-suggest"_s : u"text-tfidf-suggest"_s;
    run.cancel = cancel.get();
    QPointer<TextAnnotator> self(this);
    run.progress = [self](const QString &stage) {
        QMetaObject::invokeMethod(
            qApp,
            [self, stage] {
                if (!self)
                    return;
                const QString text = stage == u"export"_s   ? tr("Exporting…")
                                     : stage == u"run"_s    ? tr("Training and predicting…")
                                     : stage == u"import"_s ? tr("Importing suggestions…")
                                                            : stage;
                self->m_suggestProgress->setFormat(text);
            },
            Qt::QueuedConnection);
    };
    const QString root = m_root;
    const QString name = m_dataset.name;
    const QString author = m_author;
    runInBackground(
        this,
        [root, name, author, run, cancel]() -> Result<SuggestReport> {
            // A connection of its own: the catalog worker stays free for the annotator's edits.
            auto workspace = Workspace::open(root);
            if (!workspace)
                return workspace.error();
            DatasetContext context(workspace->catalog(), root);
            context.setAuthor(author);
            return TextSuggestions::runSuggester(context, name, run);
        },
        [this](const Result<SuggestReport> &report) {
            m_suggestCancel.reset();
            m_suggest->setEnabled(true);
            m_suggestProgress->hide();
            m_cancelSuggest->hide();
            if (!report) {
                showMessage(report.error().code == ErrorCode::Cancelled
                                ? tr("Suggestions cancelled.")
                                : tr("No suggestions: %1").arg(report.error().message));
                return;
            }
            showMessage(
                tr("%1 suggested %n label(s) on %2 item(s).", nullptr, int(report->suggestions))
                    .arg(report->source.mid(6))
                    .arg(report->items),
                false);
            if (m_items != nullptr)
                m_items->refresh();
            if (m_document->hasItem())
                loadItem(m_document->item().id);
            if (m_uncertainty->isChecked())
                setUncertaintyOrder(true);
        });
}

void TextAnnotator::keyPressEvent(QKeyEvent *event)
{
    // Keys the views left alone come here.
    if (m_dataset.task == DatasetTask::TextClassification && m_classes->handleKey(event))
        return;
    if (m_dataset.task == DatasetTask::Pairs && m_pair->handleKey(event))
        return;
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    if (mods == Qt::NoModifier) {
        switch (event->key()) {
        case Qt::Key_D:
        case Qt::Key_PageDown:
            next();
            return;
        case Qt::Key_A:
        case Qt::Key_PageUp:
            previous();
            return;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            acceptSuggestion(currentSuggestion());
            return;
        case Qt::Key_Delete:
        case Qt::Key_Backspace:
            rejectSuggestion(currentSuggestion());
            return;
        case Qt::Key_Escape: // a view had nothing to clear (a comment field keeps its Esc)
            if (!qobject_cast<QLineEdit *>(QApplication::focusWidget())) {
                Q_EMIT backRequested();
                return;
            }
            break;
        default:
            break;
        }
    }
    QWidget::keyPressEvent(event);
}

} // namespace atelier
