// TextAnnotator: building its two panes, the item list and the annotation page.
#include "labeling/textannotator.h"

#include "datasets/datasetitemsmodel.h"
#include "datasets/textannotationdocument.h"
#include "labeling/textagreementview.h"
#include "labeling/textclassificationpanel.h"
#include "labeling/textitemdelegate.h"
#include "labeling/textpairview.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

QPushButton *smallButton(const QString &text, QWidget *parent, const QString &name)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(name);
    button->setFocusPolicy(Qt::NoFocus);
    return button;
}

} // namespace

QWidget *TextAnnotator::makeListPane()
{
    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(8, 8, 4, 8);
    auto *title = new QLabel(tr("Items"), pane);
    title->setStyleSheet(u"font-weight: 600; font-size: 13px;"_s);
    m_count = new QLabel(pane);
    m_count->setObjectName(u"itemCount"_s);
    m_count->setStyleSheet(u"color: palette(mid);"_s);
    auto *head = new QHBoxLayout;
    head->addWidget(title);
    head->addStretch();
    head->addWidget(m_count);
    layout->addLayout(head);
    m_filter = new QComboBox(pane);
    m_filter->setObjectName(u"statusFilter"_s);
    m_filter->addItem(tr("All items"), -1);
    for (const ItemStatus status :
         {ItemStatus::Unlabeled, ItemStatus::Labeled, ItemStatus::Reviewed, ItemStatus::Rejected})
        m_filter->addItem(TextItemDelegate::statusText(status), int(status));
    m_filter->setFocusPolicy(Qt::NoFocus);
    layout->addWidget(m_filter);
    m_uncertainty = new QCheckBox(tr("Order by uncertainty"), pane);
    m_uncertainty->setObjectName(u"uncertaintyOrder"_s);
    m_uncertainty->setFocusPolicy(Qt::NoFocus);
    m_uncertainty->setToolTip(
        tr("Most uncertain first, by the model's pending suggestions (active learning)"));
    layout->addWidget(m_uncertainty);
    m_list = new QListView(pane);
    m_list->setObjectName(u"itemList"_s);
    m_list->setItemDelegate(new TextItemDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addWidget(m_list, 1);
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] { applyFilter(); });
    connect(m_uncertainty, &QCheckBox::toggled, this, [this](bool on) { setUncertaintyOrder(on); });
    connect(m_list, &QListView::clicked, this,
            [this](const QModelIndex &index) { showRow(index.row()); });
    return pane;
}

QWidget *TextAnnotator::makeAnnotatePane()
{
    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(4, 8, 8, 8);
    layout->setSpacing(6);

    // Header: item name, status, position, navigation and undo.
    auto *header = new QHBoxLayout;
    // The way back, as the image annotator's "‹ Images" (also Alt+Left, or Esc with nothing
    // selected).
    auto *back = new QToolButton(pane);
    back->setObjectName(u"datasetsBackButton"_s);
    back->setText(tr("\u2039 Datasets"));
    back->setToolTip(tr("Back to the list of datasets (Alt+Left, or Esc)"));
    back->setAutoRaise(true);
    back->setFocusPolicy(Qt::NoFocus);
    connect(back, &QToolButton::clicked, this, &TextAnnotator::backRequested);
    auto *backShortcut = new QShortcut(QKeySequence::Back, this);
    backShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(backShortcut, &QShortcut::activated, this, &TextAnnotator::backRequested);
    header->addWidget(back);
    m_title = new QLabel(pane);
    m_title->setObjectName(u"itemTitle"_s);
    m_title->setStyleSheet(u"font-weight: 600; font-size: 14px;"_s);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status = new QLabel(pane);
    m_status->setObjectName(u"itemStatus"_s);
    m_position = new QLabel(pane);
    m_position->setObjectName(u"itemPosition"_s);
    m_position->setStyleSheet(u"color: palette(mid);"_s);
    header->addWidget(m_title);
    header->addWidget(m_status);
    header->addStretch();
    // Every span is shown by default (what is labeled must be seen); this hides the others'.
    m_showOthers = new QCheckBox(tr("Others' spans"), pane);
    m_showOthers->setObjectName(u"showOthers"_s);
    m_showOthers->setFocusPolicy(Qt::NoFocus);
    m_showOthers->setChecked(true);
    m_showOthers->setToolTip(tr("Show the spans other annotators accepted (lighter, dotted "
                                "underline; hover for the author). Untick to see only yours."));
    connect(m_showOthers, &QCheckBox::toggled, this, [this](bool on) { setShowOthers(on); });
    header->addWidget(m_position);
    auto *previous = new QToolButton(pane);
    previous->setObjectName(u"previousItem"_s);
    previous->setText(u"\u25c0"_s);
    previous->setToolTip(tr("Previous item (A, Page Up)"));
    auto *next = new QToolButton(pane);
    next->setObjectName(u"nextItem"_s);
    next->setText(u"\u25b6"_s);
    next->setToolTip(tr("Next item (D, Page Down)"));
    for (QToolButton *button : {previous, next})
        button->setFocusPolicy(Qt::NoFocus);
    auto *undo = new QToolButton(pane);
    auto *redo = new QToolButton(pane);
    header->addWidget(previous);
    header->addWidget(next);
    header->addWidget(undo);
    header->addWidget(redo);
    connect(previous, &QToolButton::clicked, this, &TextAnnotator::previous);
    connect(next, &QToolButton::clicked, this, &TextAnnotator::next);
    layout->addLayout(header);

    // Legend: the labels with their colours and keys (a click applies the label).
    m_legend = new QWidget(pane);
    m_legend->setObjectName(u"labelLegend"_s);
    m_legendLayout = new QHBoxLayout(m_legend);
    m_legendLayout->setContentsMargins(0, 0, 0, 0);
    m_legendLayout->setSpacing(6);
    auto *legendRow = new QHBoxLayout;
    legendRow->addWidget(m_legend, 1);
    legendRow->addWidget(m_showOthers, 0, Qt::AlignTop);
    layout->addLayout(legendRow);

    m_stack = new QStackedWidget(pane);
    m_spans = new TextSpanEditor(m_stack);
    m_spans->setObjectName(u"spanEditor"_s);
    m_stack->addWidget(m_spans);
    auto *classes = new QWidget(m_stack);
    auto *classLayout = new QVBoxLayout(classes);
    classLayout->setContentsMargins(0, 0, 0, 0);
    m_classText = new QPlainTextEdit(classes);
    m_classText->setObjectName(u"classificationText"_s);
    m_classText->setReadOnly(true);
    m_classText->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_classText->document()->setDocumentMargin(12);
    {
        QFont font = m_classText->font();
        font.setPointSizeF(font.pointSizeF() * 1.15);
        m_classText->setFont(font);
    }
    m_classes = new TextClassificationPanel(classes);
    m_classes->setObjectName(u"classificationPanel"_s);
    classLayout->addWidget(m_classText, 1);
    classLayout->addWidget(m_classes);
    m_stack->addWidget(classes);
    m_pair = new TextPairView(m_stack);
    m_pair->setObjectName(u"pairView"_s);
    m_stack->addWidget(m_pair);
    layout->addWidget(m_stack, 1);

    // Suggestions: the one Enter accepts, and the TF-IDF suggester.
    auto *suggestions = new QFrame(pane);
    suggestions->setObjectName(u"suggestionBar"_s);
    suggestions->setFrameShape(QFrame::StyledPanel);
    auto *suggestionRow = new QHBoxLayout(suggestions);
    suggestionRow->setContentsMargins(8, 4, 8, 4);
    m_suggestionText = new QLabel(suggestions);
    m_suggestionText->setObjectName(u"suggestionText"_s);
    m_suggestionText->setWordWrap(true); // a long suggestion wraps, never widens the pane
    m_acceptSuggestion = smallButton(tr("Accept"), suggestions, u"acceptSuggestion"_s);
    m_acceptSuggestion->setToolTip(tr("Accept the suggestion (Enter)"));
    m_rejectSuggestion = smallButton(tr("Reject"), suggestions, u"rejectSuggestion"_s);
    m_rejectSuggestion->setToolTip(tr("Reject the suggestion (Del)"));
    m_suggest = smallButton(tr("Suggest labels"), suggestions, u"suggestTfidf"_s);
    m_suggest->setToolTip(tr("Train a TF-IDF model on the labeled items and suggest labels for "
                             "the others (runs in the background)"));
    m_suggestProgress = new QProgressBar(suggestions);
    m_suggestProgress->setObjectName(u"suggestProgress"_s);
    m_suggestProgress->setMaximumWidth(160);
    m_suggestProgress->hide();
    m_cancelSuggest = smallButton(tr("Cancel"), suggestions, u"cancelSuggest"_s);
    m_cancelSuggest->hide();
    suggestionRow->addWidget(m_suggestionText, 1);
    suggestionRow->addWidget(m_acceptSuggestion);
    suggestionRow->addWidget(m_rejectSuggestion);
    suggestionRow->addSpacing(12);
    suggestionRow->addWidget(m_suggestProgress);
    suggestionRow->addWidget(m_cancelSuggest);
    suggestionRow->addWidget(m_suggest);
    layout->addWidget(suggestions);
    connect(m_acceptSuggestion, &QPushButton::clicked, this,
            [this] { acceptSuggestion(currentSuggestion()); });
    connect(m_rejectSuggestion, &QPushButton::clicked, this,
            [this] { rejectSuggestion(currentSuggestion()); });
    connect(m_suggest, &QPushButton::clicked, this, &TextAnnotator::runSuggester);
    connect(m_cancelSuggest, &QPushButton::clicked, this, [this] {
        if (m_suggestCancel)
            *m_suggestCancel = true;
    });

    // Review.
    auto *reviewRow = new QHBoxLayout;
    m_reviewComment = new QLineEdit(pane);
    m_reviewComment->setObjectName(u"reviewComment"_s);
    m_reviewComment->setPlaceholderText(tr("Review comment (optional)"));
    m_approve = smallButton(tr("Approve"), pane, u"approveItem"_s);
    m_approve->setToolTip(tr("Mark the item reviewed (Ctrl+Enter)"));
    m_approve->setShortcut(QKeySequence(u"Ctrl+Return"_s));
    m_rejectItem = smallButton(tr("Reject item"), pane, u"rejectItem"_s);
    m_rejectItem->setToolTip(tr("Send the item back with the comment (Ctrl+Backspace)"));
    m_rejectItem->setShortcut(QKeySequence(u"Ctrl+Backspace"_s));
    reviewRow->addWidget(new QLabel(tr("Review:"), pane));
    reviewRow->addWidget(m_reviewComment, 1);
    reviewRow->addWidget(m_approve);
    reviewRow->addWidget(m_rejectItem);
    layout->addLayout(reviewRow);
    connect(m_approve, &QPushButton::clicked, this,
            [this] { review(ItemStatus::Reviewed, m_reviewComment->text()); });
    connect(m_rejectItem, &QPushButton::clicked, this,
            [this] { review(ItemStatus::Rejected, m_reviewComment->text()); });
    connect(m_reviewComment, &QLineEdit::returnPressed, this, [this] { m_spans->setFocus(); });

    m_message = new QLabel(pane);
    m_message->setObjectName(u"annotatorMessage"_s);
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);
    m_messageTimer = new QTimer(this);
    m_messageTimer->setSingleShot(true);
    m_messageTimer->setInterval(8000);
    connect(m_messageTimer, &QTimer::timeout, m_message, &QLabel::hide);

    // Fixed labels (the action's text names the step; it goes in the tooltip).
    undo->setText(tr("Undo"));
    redo->setText(tr("Redo"));
    undo->setObjectName(u"undoButton"_s);
    redo->setObjectName(u"redoButton"_s);
    for (QToolButton *button : {undo, redo}) {
        button->setFocusPolicy(Qt::NoFocus);
        button->setEnabled(false);
    }
    QUndoStack *stack = m_document->undoStack();
    connect(undo, &QToolButton::clicked, stack, &QUndoStack::undo);
    connect(redo, &QToolButton::clicked, stack, &QUndoStack::redo);
    connect(stack, &QUndoStack::canUndoChanged, undo, &QToolButton::setEnabled);
    connect(stack, &QUndoStack::canRedoChanged, redo, &QToolButton::setEnabled);
    connect(stack, &QUndoStack::undoTextChanged, undo, [undo](const QString &text) {
        undo->setToolTip(text.isEmpty() ? QString() : tr("Undo %1 (Ctrl+Z)").arg(text));
    });
    connect(stack, &QUndoStack::redoTextChanged, redo, [redo](const QString &text) {
        redo->setToolTip(text.isEmpty() ? QString() : tr("Redo %1 (Ctrl+Shift+Z)").arg(text));
    });
    return pane;
}

} // namespace atelier
