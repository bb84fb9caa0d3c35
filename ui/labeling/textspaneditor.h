#pragma once

#include <QColor>
#include <QHash>
#include <QList>
#include <QPlainTextEdit>
#include <QString>

#include <optional>
#include <utility>

namespace atelier {

/// One span as the editor shows it: offsets in Unicode code points, end exclusive.
struct EditorSpan
{
    qint64 key = 0; ///< the annotation's key in the session (its id, or a local key)
    QString label;
    qint64 start = 0;
    qint64 end = 0;
    bool suggested = false;      ///< a model's proposal waiting for a person
    QString source;              ///< "manual" or "model:NAME@VERSION"
    std::optional<double> score; ///< the model's confidence, when it gave one
    bool foreign = false;        ///< another annotator's span: filled lighter, underline dotted
    QString author;
};

/// A label as the editor and panels show it: its colour and hotkey.
struct TextLabelStyle
{
    QString name;
    QColor color;
    QString hotkey; ///< a QKeySequence string, empty when none (digits 1–9 always work)
};

/// Maps code-point offsets to UTF-16 offsets of one text and back (astral characters such as
/// emoji take two UTF-16 units but one code point). O(log n) per lookup.
class CodePointIndex final
{
public:
    CodePointIndex() = default;
    explicit CodePointIndex(const QString &text);

    qint64 toUtf16(qint64 codePoint) const;
    /// A position inside a surrogate pair rounds down to the pair's start.
    qint64 toCodePoint(qint64 utf16) const;
    qint64 codePointCount() const { return m_codePoints; }

private:
    QList<qint64> m_astralUtf16;     // UTF-16 offset of each astral character
    QList<qint64> m_astralCodePoint; // its code-point offset
    qint64 m_codePoints = 0;
};

/// A read-only text view that highlights spans in their label colours without re-laying out
/// the text: only the visible blocks' spans are painted (translucent fill, underline; spans that
/// overlap stack their underlines; model suggestions dashed and unfilled; the selected span
/// framed). Keyboard: the arrow keys (with Shift, Ctrl) select text; 1–9 or a label's hotkey
/// labels the selection, or relabels the selected span (only it); Tab / Shift+Tab select the
/// next / previous span; Enter accepts the selected (or next) suggestion; Del / Backspace rejects
/// a suggestion or deletes a span; Esc clears (with nothing to clear it is left to the owner). A
/// click selects the span under it (one's own before another annotator's); the context menu
/// relabels or deletes. The editor never changes its spans itself: it asks through signals and
/// its owner calls addSpan() / updateSpan() / removeSpan().
class TextSpanEditor final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TextSpanEditor)

public:
    explicit TextSpanEditor(QWidget *parent = nullptr);
    ~TextSpanEditor() override;

    /// Shows \a text with \a spans (any order).
    void setContent(const QString &text, const QList<EditorSpan> &spans);
    void setLabels(const QList<TextLabelStyle> &labels);
    const QList<TextLabelStyle> &labels() const { return m_labels; }
    /// The colour of \a label (its own, else one from a fixed palette by its name).
    QColor colorOf(const QString &label) const;
    /// When false, a selection that overlaps an accepted span is refused (spanRefused).
    void setOverlapsAllowed(bool allowed) { m_overlapsAllowed = allowed; }
    bool overlapsAllowed() const { return m_overlapsAllowed; }

    void addSpan(const EditorSpan &span);
    /// Replaces the span with span.key.
    void updateSpan(const EditorSpan &span);
    void removeSpan(qint64 key);
    QList<EditorSpan> spans() const;
    const EditorSpan *span(qint64 key) const;

    /// The selected span's key, 0 when none.
    qint64 selectedSpan() const { return m_selected; }
    void setSelectedSpan(qint64 key);
    /// The text selection in code points (start, end), equal when nothing is selected.
    std::pair<qint64, qint64> selection() const;
    /// Selects code points [start, end).
    void selectRange(qint64 start, qint64 end);
    /// The viewport rectangle of the first line of the span (empty when not laid out/visible).
    QRect spanRect(qint64 key) const;
    /// The first suggestion ending after code point \a from (else the first one), 0 if none.
    qint64 nextSuggestion(qint64 from) const;
    /// What a label key does: labels the text selection, else relabels the selected span.
    void applyLabel(const QString &label);
    /// The label a key press stands for (hotkey, then 1–9), empty when none.
    QString labelForKey(const QKeyEvent *event) const;
    const CodePointIndex &index() const { return m_index; }
    /// The code points of [start, end) of the shown text.
    QString textOf(qint64 start, qint64 end) const;

Q_SIGNALS:
    /// The user asks for a new span over [start, end) code points with \a label.
    void spanRequested(qint64 start, qint64 end, const QString &label);
    void relabelRequested(qint64 key, const QString &label);
    void removeRequested(qint64 key);
    void acceptRequested(qint64 key);
    void rejectRequested(qint64 key);
    /// A request that cannot be made (overlap, empty selection), with why.
    void spanRefused(const QString &reason);
    void selectedSpanChanged(qint64 key);

protected:
    bool event(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    struct Placed
    {
        EditorSpan span;
        qint64 from = 0; // UTF-16 document positions
        qint64 to = 0;
        int lane = 0; // underline row among overlapping spans
    };
    void rebuild();
    /// Rows of the underlines; returns the range of spans whose row changed (-1 when none).
    std::pair<qint64, qint64> assignLanes();
    void updateRange(qint64 from, qint64 to);
    void updateSpanArea(const Placed &placed, std::pair<qint64, qint64> changed);
    Placed place(const EditorSpan &span) const;
    int findPlaced(qint64 key) const;
    /// Spans under the UTF-16 document position, innermost first.
    QList<qint64> spansAt(qint64 position) const;
    QList<QRectF> rectsOf(const Placed &placed, const QTextBlock &block, QPointF origin) const;
    void paintSpans(QPainter &painter, const QRect &area, bool fills);
    bool handlesKey(const QKeyEvent *event) const;
    void stepSpan(int direction);
    void requestSpan(const QString &label);
    void ensureSpanVisible(qint64 key);

    QList<TextLabelStyle> m_labels;
    QHash<QString, QColor> m_colors;
    QList<Placed> m_spans; // sorted by (from, to)
    qint64 m_longest = 0;  // longest span in UTF-16 units, to find those crossing a block
    qint64 m_selected = 0;
    bool m_overlapsAllowed = false;
    CodePointIndex m_index;
};

} // namespace atelier
