#pragma once

#include "datasets/datasetstoreworker.h"
#include "datasets/datasettypes.h"
#include "datasets/textsuggestions.h"
#include "labeling/textspaneditor.h"

#include <QPointer>
#include <QWidget>

#include <atomic>
#include <memory>
#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTimer;
class QUndoCommand;
class QHBoxLayout;
class QStandardItemModel;

namespace atelier {

class DatasetItemsModel;
class TextAgreementView;
class TextAnnotationDocument;
class TextClassificationPanel;
class TextPairView;

/// The labeling view of a text dataset: the item list (paged from the catalog, filtered by
/// status, optionally in active-learning order) beside the annotator for the dataset's task —
/// the span editor (entities), the label buttons (classification) or the pair view — with the
/// model's suggestions (accept with Enter, reject with Del), review (approve / reject with a
/// comment), undo / redo, next / previous (D / A, PgDn / PgUp), and an Agreement tab. Every
/// change is written to the catalog at once through a DatasetStoreWorker (off the GUI thread).
class TextAnnotator final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TextAnnotator)

public:
    explicit TextAnnotator(QWidget *parent = nullptr);
    ~TextAnnotator() override;

    /// Opens dataset \a datasetName of the workspace in \a workspaceRoot, through \a worker when
    /// given (it must outlive the annotator), else through a worker of the annotator's own.
    /// Asynchronous: opened() or failed() follows.
    void open(const QString &workspaceRoot, const QString &datasetName,
              DatasetStoreWorker *worker = nullptr);
    /// The person labeling (default: the annotator name from the settings).
    void setAuthor(const QString &author);
    QString author() const;

    const DatasetInfo &dataset() const { return m_dataset; }
    const QList<DatasetLabel> &labels() const { return m_labels; }
    TextAnnotationDocument *document() const { return m_document; }
    DatasetStoreWorker *worker() const { return m_worker; }
    DatasetItemsModel *itemsModel() const { return m_items; }
    TextSpanEditor *spanEditor() const { return m_spans; }
    TextClassificationPanel *classificationPanel() const { return m_classes; }
    TextPairView *pairView() const { return m_pair; }
    TextAgreementView *agreementView() const { return m_agreement; }
    QListView *itemList() const { return m_list; }
    /// The item shown, 0 when none.
    qint64 currentItemId() const;
    int currentRow() const { return m_row; }
    /// Shows the item at \a row of the list (loading its page when needed).
    void showRow(int row);
    /// Rows in the list shown (the uncertainty order or the catalog's).
    int rowCount() const;
    void next();
    void previous();
    /// Records a review of the current item: \a verdict Reviewed or Rejected.
    void review(ItemStatus verdict, const QString &comment);
    /// The suggestion Enter would accept now (its key), 0 when none.
    qint64 currentSuggestion() const;
    void acceptSuggestion(qint64 key);
    void rejectSuggestion(qint64 key);
    /// The last message shown to the user (a refusal, an error), empty when none.
    QString message() const;
    /// True while the dataset, an item or a page is being read.
    bool isLoading() const;
    /// Orders the list by the model's uncertainty (most uncertain first) or by position.
    void setUncertaintyOrder(bool on);
    /// Entities: also shows the accepted spans of the other annotators (the default).
    void setShowOthers(bool on);
    /// Runs the built-in suggester (TF-IDF for classes and pairs, dictionary for entities) on a
    /// thread of its own, with progress and Cancel; its suggestions then show on the items.
    void runSuggester();
    /// True while the suggester runs.
    bool isSuggesting() const { return bool(m_suggestCancel); }

Q_SIGNALS:
    void opened();
    void failed(const QString &message);
    /// An item is shown (after its annotations arrived).
    void itemShown(qint64 itemId);
    /// The user asks for the list of datasets ("‹ Datasets", Alt+Left, Esc).
    void backRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QWidget *makeListPane();
    QWidget *makeAnnotatePane();
    void datasetArrived(const DatasetInfo &dataset, const QList<DatasetLabel> &labels);
    void loadItem(qint64 itemId);
    void itemArrived(quint64 generation, const DatasetItem &item,
                     const QList<Annotation> &annotations);
    void resetViews();
    void refreshFromDocument();
    void refreshSpans();
    void refreshSuggestionBar();
    void refreshHeader();
    void rebuildLegend();
    void refreshSelectionInfo();
    /// Whether the span editor shows \a annotation (suggestions, one's own, others' if asked).
    bool shownInEditor(const Annotation &annotation) const;
    /// The author of \a annotation when it is another annotator's accepted one, else empty.
    QString othersAuthor(const Annotation &annotation) const;
    void showMessage(const QString &text, bool error = true);
    void push(QUndoCommand *command);
    void applyFilter();
    void showUncertaintyOrder(const QList<std::pair<DatasetItem, UncertainItem>> &rows);
    EditorSpan toEditorSpan(const Annotation &annotation) const;
    QList<TextLabelStyle> labelStyles() const;

    QString m_root;
    QString m_author;
    std::unique_ptr<DatasetStoreWorker> m_ownWorker;
    DatasetStoreWorker *m_worker = nullptr;
    DatasetStoreWorker::ReceiverPtr m_receiver;
    DatasetInfo m_dataset;
    QList<DatasetLabel> m_labels;
    TextAnnotationDocument *m_document;
    DatasetItemsModel *m_items = nullptr;
    quint64 m_generation = 0;
    int m_row = -1;
    int m_pendingRow = -1;
    bool m_loadingItem = false;
    bool m_loadingDataset = false;
    QList<qint64> m_uncertaintyOrder; // item ids, most uncertain first; empty: list order
    QStandardItemModel *m_orderModel = nullptr;

    QTabWidget *m_tabs;
    QListView *m_list;
    QComboBox *m_filter;
    QCheckBox *m_uncertainty;
    QCheckBox *m_showOthers;
    QLabel *m_count;
    QLabel *m_title;
    QLabel *m_status;
    QLabel *m_position;
    QWidget *m_legend;
    QHBoxLayout *m_legendLayout;
    QLabel *m_selectionInfo = nullptr;
    QStackedWidget *m_stack;
    TextSpanEditor *m_spans;
    QPlainTextEdit *m_classText;
    TextClassificationPanel *m_classes;
    TextPairView *m_pair;
    QLabel *m_suggestionText;
    QPushButton *m_acceptSuggestion;
    QPushButton *m_rejectSuggestion;
    QPushButton *m_suggest;
    QProgressBar *m_suggestProgress;
    QPushButton *m_cancelSuggest;
    std::shared_ptr<std::atomic_bool> m_suggestCancel;
    QLineEdit *m_reviewComment;
    QPushButton *m_approve;
    QPushButton *m_rejectItem;
    QLabel *m_message;
    QTimer *m_messageTimer;
    QAction *m_undo;
    QAction *m_redo;
    TextAgreementView *m_agreement;
};

} // namespace atelier
