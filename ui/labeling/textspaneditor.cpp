#include "labeling/textspaneditor.h"

#include <QAbstractTextDocumentLayout>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QKeySequence>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextLayout>
#include <QToolTip>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

constexpr int kUnderline = 2; // px per underline
constexpr int kLaneStep = 3;  // px between stacked underlines
constexpr int kMaxLanes = 4;  // deeper overlaps share the last row

QColor paletteColor(const QString &label)
{
    static const QList<QColor> palette = {
        QColor(0x2f, 0x80, 0xed), QColor(0xeb, 0x57, 0x57), QColor(0x27, 0xae, 0x60),
        QColor(0xf2, 0x99, 0x4a), QColor(0x9b, 0x51, 0xe0), QColor(0x00, 0xa3, 0xa3),
        QColor(0xd6, 0x33, 0x84), QColor(0x82, 0x82, 0x00), QColor(0x56, 0x6c, 0xa8),
    };
    return palette.at(int(qHash(label) % uint(palette.size())));
}

} // namespace

CodePointIndex::CodePointIndex(const QString &text)
{
    qint64 codePoint = 0;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i, ++codePoint) {
        if (text.at(i).isHighSurrogate() && i + 1 < n && text.at(i + 1).isLowSurrogate()) {
            m_astralUtf16.append(i);
            m_astralCodePoint.append(codePoint);
            ++i;
        }
    }
    m_codePoints = codePoint;
}

qint64 CodePointIndex::toUtf16(qint64 codePoint) const
{
    const auto before =
        std::lower_bound(m_astralCodePoint.cbegin(), m_astralCodePoint.cend(), codePoint) -
        m_astralCodePoint.cbegin();
    return codePoint + before;
}

qint64 CodePointIndex::toCodePoint(qint64 utf16) const
{
    // Each astral character starting before utf16 took one unit more; inside a pair this
    // gives the pair's own code point.
    const auto before = std::lower_bound(m_astralUtf16.cbegin(), m_astralUtf16.cend(), utf16) -
                        m_astralUtf16.cbegin();
    return utf16 - before;
}

TextSpanEditor::TextSpanEditor(QWidget *parent) : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setMouseTracking(true);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    document()->setDocumentMargin(12);
    setFrameShape(QFrame::NoFrame);
    QFont font = this->font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    setFont(font);
    // Room under each line for stacked underlines: the layout itself is never changed.
    setViewportMargins(0, 0, 0, 0);
}

TextSpanEditor::~TextSpanEditor() = default;

void TextSpanEditor::setContent(const QString &text, const QList<EditorSpan> &spans)
{
    // QTextDocument turns "\r\n" into one block separator; keep one position per UTF-16 unit.
    QString shown = text;
    for (qsizetype i = 0; i + 1 < shown.size(); ++i) {
        if (shown.at(i) == u'\r' && shown.at(i + 1) == u'\n')
            shown[i] = u' ';
    }
    m_index = CodePointIndex(text);
    m_selected = 0;
    m_spans.clear();
    m_spans.reserve(spans.size());
    for (const EditorSpan &span : spans)
        m_spans.append(place(span));
    rebuild();
    setPlainText(shown);
    moveCursor(QTextCursor::Start);
    Q_EMIT selectedSpanChanged(0);
}

void TextSpanEditor::setLabels(const QList<TextLabelStyle> &labels)
{
    m_labels = labels;
    m_colors.clear();
    for (const TextLabelStyle &label : labels) {
        if (label.color.isValid())
            m_colors.insert(label.name, label.color);
    }
    viewport()->update();
}

QColor TextSpanEditor::colorOf(const QString &label) const
{
    const auto found = m_colors.constFind(label);
    return found != m_colors.cend() ? *found : paletteColor(label);
}

TextSpanEditor::Placed TextSpanEditor::place(const EditorSpan &span) const
{
    Placed placed;
    placed.span = span;
    placed.from = m_index.toUtf16(span.start);
    placed.to = m_index.toUtf16(span.end);
    return placed;
}

namespace {
bool placedBefore(qint64 aFrom, qint64 aTo, qint64 bFrom, qint64 bTo)
{
    return aFrom != bFrom ? aFrom < bFrom : aTo > bTo;
}
} // namespace

void TextSpanEditor::rebuild()
{
    std::stable_sort(m_spans.begin(), m_spans.end(), [](const Placed &a, const Placed &b) {
        return placedBefore(a.from, a.to, b.from, b.to);
    });
    assignLanes();
}

std::pair<qint64, qint64> TextSpanEditor::assignLanes()
{
    // Greedy interval partitioning: each span takes the first row free at its start.
    QList<qint64> laneEnds;
    m_longest = 0;
    qint64 changedFrom = -1;
    qint64 changedTo = -1;
    for (Placed &placed : m_spans) {
        m_longest = std::max(m_longest, placed.to - placed.from);
        int lane = 0;
        while (lane < laneEnds.size() && laneEnds.at(lane) > placed.from)
            ++lane;
        if (lane == laneEnds.size())
            laneEnds.append(placed.to);
        else
            laneEnds[lane] = placed.to;
        lane = std::min(lane, kMaxLanes - 1);
        if (placed.lane != lane) {
            if (changedFrom < 0)
                changedFrom = placed.from;
            changedTo = std::max(changedTo, placed.to);
            placed.lane = lane;
        }
    }
    return {changedFrom, changedTo};
}

void TextSpanEditor::updateRange(qint64 from, qint64 to)
{
    // Repaint only the visible lines between two document positions.
    const QRect area = viewport()->rect();
    QTextBlock block = document()->findBlock(int(from));
    const QTextBlock first = firstVisibleBlock();
    if (block.isValid() && first.isValid() && block.blockNumber() < first.blockNumber())
        block = first;
    QRect dirty;
    for (; block.isValid() && block.position() <= to; block = block.next()) {
        const QRect rect = blockBoundingGeometry(block).translated(contentOffset()).toAlignedRect();
        if (rect.top() > area.bottom())
            break;
        dirty |= rect.intersected(area);
    }
    if (!dirty.isEmpty())
        viewport()->update(dirty.adjusted(0, -1, 0, 1));
}

void TextSpanEditor::updateSpanArea(const Placed &placed, std::pair<qint64, qint64> changed)
{
    qint64 from = placed.from;
    qint64 to = placed.to;
    if (changed.first >= 0) {
        from = std::min(from, changed.first);
        to = std::max(to, changed.second);
    }
    updateRange(from, to);
}

int TextSpanEditor::findPlaced(qint64 key) const
{
    for (qsizetype i = 0; i < m_spans.size(); ++i) {
        if (m_spans.at(i).span.key == key)
            return int(i);
    }
    return -1;
}

void TextSpanEditor::addSpan(const EditorSpan &span)
{
    const Placed placed = place(span);
    // Insert in order and recompute rows: no re-layout of the text, one repaint.
    const auto at = std::lower_bound(
        m_spans.begin(), m_spans.end(), placed,
        [](const Placed &a, const Placed &b) { return placedBefore(a.from, a.to, b.from, b.to); });
    m_spans.insert(at, placed);
    updateSpanArea(placed, assignLanes()); // the order holds: no sort
}

void TextSpanEditor::updateSpan(const EditorSpan &span)
{
    const int at = findPlaced(span.key);
    if (at < 0) {
        addSpan(span);
        return;
    }
    const Placed old = m_spans.takeAt(at);
    updateRange(old.from, old.to);
    addSpan(span);
}

void TextSpanEditor::removeSpan(qint64 key)
{
    const int at = findPlaced(key);
    if (at < 0)
        return;
    const Placed removed = m_spans.takeAt(at);
    updateSpanArea(removed, assignLanes());
    if (m_selected == key) {
        m_selected = 0;
        Q_EMIT selectedSpanChanged(0);
    }
}

QList<EditorSpan> TextSpanEditor::spans() const
{
    QList<EditorSpan> out;
    out.reserve(m_spans.size());
    for (const Placed &placed : m_spans)
        out.append(placed.span);
    return out;
}

const EditorSpan *TextSpanEditor::span(qint64 key) const
{
    const int at = findPlaced(key);
    return at < 0 ? nullptr : &m_spans.at(at).span;
}

void TextSpanEditor::setSelectedSpan(qint64 key)
{
    if (key != 0 && findPlaced(key) < 0)
        key = 0;
    if (m_selected == key)
        return;
    for (const qint64 changed : {m_selected, key}) {
        if (const int at = findPlaced(changed); at >= 0)
            updateRange(m_spans.at(at).from, m_spans.at(at).to);
    }
    m_selected = key;
    if (key != 0)
        ensureSpanVisible(key);
    Q_EMIT selectedSpanChanged(key);
}

std::pair<qint64, qint64> TextSpanEditor::selection() const
{
    const QTextCursor cursor = textCursor();
    return {m_index.toCodePoint(cursor.selectionStart()),
            m_index.toCodePoint(cursor.selectionEnd())};
}

void TextSpanEditor::selectRange(qint64 start, qint64 end)
{
    QTextCursor cursor(document());
    cursor.setPosition(int(m_index.toUtf16(start)));
    cursor.setPosition(int(m_index.toUtf16(end)), QTextCursor::KeepAnchor);
    setTextCursor(cursor);
}

QString TextSpanEditor::textOf(qint64 start, qint64 end) const
{
    const qint64 from = m_index.toUtf16(start);
    const qint64 to = m_index.toUtf16(end);
    QTextCursor cursor(document());
    cursor.setPosition(int(from));
    cursor.setPosition(int(to), QTextCursor::KeepAnchor);
    return cursor.selectedText().replace(QChar::ParagraphSeparator, u'\n');
}

qint64 TextSpanEditor::nextSuggestion(qint64 from) const
{
    const qint64 position = m_index.toUtf16(from);
    qint64 first = 0;
    for (const Placed &placed : m_spans) {
        if (!placed.span.suggested)
            continue;
        if (first == 0)
            first = placed.span.key;
        if (placed.to > position)
            return placed.span.key;
    }
    return first;
}

QList<qint64> TextSpanEditor::spansAt(qint64 position) const
{
    // Another annotator's span often covers the same text as one's own: one's own (and the
    // suggestions) come first, so that a click picks what the user is working on.
    QList<std::tuple<bool, qint64, qint64>> hits; // (foreign, length, key)
    for (const Placed &placed : m_spans) {
        if (placed.from > position)
            break;
        if (placed.to > position)
            hits.append({placed.span.foreign, placed.to - placed.from, placed.span.key});
    }
    std::sort(hits.begin(), hits.end());
    QList<qint64> keys;
    for (const auto &hit : hits)
        keys.append(std::get<2>(hit));
    return keys;
}

QList<QRectF> TextSpanEditor::rectsOf(const Placed &placed, const QTextBlock &block,
                                      QPointF origin) const
{
    QList<QRectF> rects;
    const qint64 blockStart = block.position();
    const qint64 from = std::max<qint64>(placed.from - blockStart, 0);
    const qint64 to = std::min<qint64>(placed.to - blockStart, block.length() - 1);
    const QTextLayout *layout = block.layout();
    if (layout == nullptr || to <= from)
        return rects;
    for (int i = 0; i < layout->lineCount(); ++i) {
        const QTextLine line = layout->lineAt(i);
        const qint64 lineStart = line.textStart();
        const qint64 lineEnd = lineStart + line.textLength();
        if (lineEnd <= from || lineStart >= to)
            continue;
        const qreal x1 = line.cursorToX(int(std::max(from, lineStart)));
        const qreal x2 = line.cursorToX(int(std::min(to, lineEnd)));
        rects.append(QRectF(std::min(x1, x2), line.y(), std::abs(x2 - x1), line.height())
                         .translated(origin));
    }
    return rects;
}

QRect TextSpanEditor::spanRect(qint64 key) const
{
    const int at = findPlaced(key);
    if (at < 0)
        return {};
    const Placed &placed = m_spans.at(at);
    const QTextBlock block = document()->findBlock(int(placed.from));
    if (!block.isValid())
        return {};
    const QPointF origin = blockBoundingGeometry(block).translated(contentOffset()).topLeft();
    const QList<QRectF> rects = rectsOf(placed, block, origin);
    return rects.isEmpty() ? QRect() : rects.first().toAlignedRect();
}

void TextSpanEditor::paintSpans(QPainter &painter, const QRect &area, bool fills)
{
    if (m_spans.isEmpty())
        return;
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QPointF offset = contentOffset();
    for (QTextBlock block = firstVisibleBlock(); block.isValid(); block = block.next()) {
        const QRectF bounds = blockBoundingGeometry(block).translated(offset);
        if (bounds.top() > area.bottom())
            break;
        if (bounds.bottom() < area.top() || !block.isVisible())
            continue;
        const qint64 blockStart = block.position();
        const qint64 blockEnd = blockStart + block.length();
        // Spans crossing the block start no earlier than the longest span before it.
        Placed probe;
        probe.from = blockStart - m_longest;
        auto it =
            std::lower_bound(m_spans.cbegin(), m_spans.cend(), probe,
                             [](const Placed &a, const Placed &b) { return a.from < b.from; });
        for (; it != m_spans.cend() && it->from < blockEnd; ++it) {
            if (it->to <= blockStart)
                continue;
            const QColor color = colorOf(it->span.label);
            const bool selected = it->span.key == m_selected;
            const QList<QRectF> rects = rectsOf(*it, block, bounds.topLeft());
            for (const QRectF &rect : rects) {
                if (fills) {
                    if (it->span.suggested)
                        continue;
                    // Every accepted span is filled in its label's colour; another annotator's
                    // more lightly, so that one's own stand out.
                    QColor fill = color;
                    fill.setAlpha(selected ? 120 : it->span.foreign ? 40 : 60);
                    painter.fillRect(rect, fill);
                    continue;
                }
                if (it->span.suggested) {
                    QPen pen(color.darker(110), 1.3, Qt::DashLine);
                    pen.setDashPattern({3.0, 2.0});
                    painter.setPen(pen);
                    painter.setBrush(Qt::NoBrush);
                    painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5));
                } else {
                    const qreal y = rect.bottom() - kUnderline - it->lane * kLaneStep;
                    if (it->span.foreign) {
                        painter.setPen(QPen(color, kUnderline, Qt::DotLine));
                        painter.drawLine(QPointF(rect.left(), y + 1), QPointF(rect.right(), y + 1));
                    } else {
                        painter.fillRect(QRectF(rect.left(), y, rect.width(), kUnderline), color);
                    }
                }
                if (selected) {
                    // The span a label key or Del acts on: a solid frame, whoever's it is.
                    painter.setPen(QPen(color.darker(160), 2.0));
                    painter.setBrush(Qt::NoBrush);
                    painter.drawRect(rect.adjusted(1, 1, -1, -1));
                }
            }
        }
    }
}

void TextSpanEditor::paintEvent(QPaintEvent *event)
{
    {
        QPainter painter(viewport());
        paintSpans(painter, event->rect(), true);
    }
    QPlainTextEdit::paintEvent(event);
    QPainter painter(viewport());
    paintSpans(painter, event->rect(), false);
}

QString TextSpanEditor::labelForKey(const QKeyEvent *event) const
{
    if (m_labels.isEmpty())
        return {};
    const Qt::KeyboardModifiers mods =
        event->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier);
    const QKeySequence pressed(
        QKeyCombination(event->modifiers() & ~Qt::KeypadModifier, Qt::Key(event->key())));
    for (const TextLabelStyle &label : m_labels) {
        if (!label.hotkey.isEmpty() && QKeySequence(label.hotkey) == pressed)
            return label.name;
    }
    if (mods == Qt::NoModifier && event->key() >= Qt::Key_1 && event->key() <= Qt::Key_9) {
        const int index = event->key() - Qt::Key_1;
        if (index < m_labels.size())
            return m_labels.at(index).name;
    }
    return {};
}

bool TextSpanEditor::handlesKey(const QKeyEvent *event) const
{
    switch (event->key()) {
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
    case Qt::Key_Escape:
        return event->modifiers() == Qt::NoModifier || event->modifiers() == Qt::ShiftModifier ||
               event->modifiers() == Qt::KeypadModifier;
    default:
        return !labelForKey(event).isEmpty();
    }
}

bool TextSpanEditor::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QList<qint64> hits = spansAt(cursorForPosition(help->pos()).position());
        QStringList lines;
        for (const qint64 key : hits) {
            const EditorSpan *hit = span(key);
            QString line = u"<b>%1</b> \u00b7 \"%2\""_s.arg(
                hit->label.toHtmlEscaped(), textOf(hit->start, hit->end).left(60).toHtmlEscaped());
            if (!hit->suggested && !hit->author.isEmpty())
                line += u" \u00b7 "_s + tr("by %1").arg(hit->author.toHtmlEscaped());
            if (hit->suggested)
                line +=
                    u" \u00b7 "_s + tr("suggested by %1").arg(hit->source.mid(6).toHtmlEscaped());
            else if (hit->source.startsWith(u"model:"_s))
                line +=
                    u" \u00b7 "_s + tr("accepted from %1").arg(hit->source.mid(6).toHtmlEscaped());
            if (hit->score)
                line += u" \u00b7 "_s + tr("score %1").arg(*hit->score, 0, 'f', 2);
            lines.append(line);
        }
        if (lines.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), lines.join(u"<br>"_s), viewport());
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

bool TextSpanEditor::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (handlesKey(key)) {
            event->accept();
            return true;
        }
    }
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab) {
            keyPressEvent(key);
            return true;
        }
    }
    return QPlainTextEdit::event(event);
}

void TextSpanEditor::requestSpan(const QString &label)
{
    const QTextCursor cursor = textCursor();
    const qint64 first = cursor.selectionStart();
    qint64 from = first;
    qint64 to = cursor.selectionEnd();
    const QString text = cursor.selectedText(); // one unit per document position
    // Blanks at the edges of a selection never belong to an entity.
    while (from < to && text.at(from - first).isSpace())
        ++from;
    while (to > from && text.at(to - 1 - first).isSpace())
        --to;
    if (to <= from) {
        Q_EMIT spanRefused(tr("Select some text first (Shift+arrows, or drag with the mouse)."));
        return;
    }
    const qint64 start = m_index.toCodePoint(from);
    const qint64 end = m_index.toCodePoint(to);
    if (!m_overlapsAllowed) {
        for (const Placed &placed : m_spans) {
            if (!placed.span.suggested && !placed.span.foreign && placed.from < to &&
                placed.to > from) {
                Q_EMIT spanRefused(tr("This dataset does not allow overlapping spans: the "
                                      "selection overlaps \"%1\". Delete that span first.")
                                       .arg(placed.span.label));
                return;
            }
        }
    }
    Q_EMIT spanRequested(start, end, label);
}

void TextSpanEditor::stepSpan(int direction)
{
    if (m_spans.isEmpty())
        return;
    int at = findPlaced(m_selected);
    if (at < 0) {
        // From the cursor: the first span after it (or the last before it).
        const qint64 position = textCursor().position();
        at = direction > 0 ? -1 : int(m_spans.size());
        for (qsizetype i = 0; i < m_spans.size(); ++i) {
            if (m_spans.at(i).from >= position) {
                at = int(i) - (direction > 0 ? 1 : 0);
                break;
            }
        }
    }
    at = int((at + direction + m_spans.size()) % m_spans.size());
    const Placed &placed = m_spans.at(at);
    QTextCursor cursor(document());
    cursor.setPosition(int(placed.from));
    setTextCursor(cursor);
    setSelectedSpan(placed.span.key);
}

void TextSpanEditor::ensureSpanVisible(qint64 key)
{
    const int at = findPlaced(key);
    if (at < 0)
        return;
    QTextCursor cursor(document());
    cursor.setPosition(int(m_spans.at(at).from));
    const QRect rect = cursorRect(cursor);
    if (!viewport()->rect().contains(rect)) {
        const QTextCursor saved = textCursor();
        setTextCursor(cursor);
        centerCursor();
        setTextCursor(saved);
    }
}

void TextSpanEditor::applyLabel(const QString &label)
{
    if (textCursor().hasSelection())
        requestSpan(label);
    else if (m_selected != 0)
        Q_EMIT relabelRequested(m_selected, label); // the selected span, and only it
    else
        Q_EMIT spanRefused(tr("Select some text first, or a span (click it or press Tab)."));
}

void TextSpanEditor::keyPressEvent(QKeyEvent *event)
{
    const QString label = labelForKey(event);
    if (!label.isEmpty()) {
        applyLabel(label);
        return;
    }
    const EditorSpan *selected = span(m_selected);
    switch (event->key()) {
    case Qt::Key_Tab:
        stepSpan(+1);
        return;
    case Qt::Key_Backtab:
        stepSpan(-1);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter: {
        qint64 key = selected != nullptr && selected->suggested ? m_selected : 0;
        if (key == 0) // the next suggestion from the cursor
            key = nextSuggestion(m_index.toCodePoint(textCursor().selectionStart()));
        if (key != 0)
            Q_EMIT acceptRequested(key);
        return;
    }
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        if (selected == nullptr)
            return;
        if (selected->suggested)
            Q_EMIT rejectRequested(m_selected);
        else
            Q_EMIT removeRequested(m_selected);
        return;
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
        if (event->modifiers() == Qt::NoModifier) {
            event->ignore(); // previous / next item, for the owner
            return;
        }
        break;
    case Qt::Key_Escape:
        if (m_selected == 0 && !textCursor().hasSelection()) {
            event->ignore(); // nothing to clear: the owner's (back to the list)
            return;
        }
        setSelectedSpan(0);
        {
            QTextCursor cursor = textCursor();
            cursor.clearSelection();
            setTextCursor(cursor);
        }
        return;
    default:
        break;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void TextSpanEditor::mousePressEvent(QMouseEvent *event)
{
    QPlainTextEdit::mousePressEvent(event);
    if (event->button() != Qt::LeftButton && event->button() != Qt::RightButton)
        return;
    const QTextCursor cursor = cursorForPosition(event->position().toPoint());
    const QList<qint64> hits = spansAt(cursor.position());
    if (hits.isEmpty()) {
        if (event->button() == Qt::LeftButton)
            setSelectedSpan(0);
        return;
    }
    // A second click on a selected span cycles through the spans stacked under it.
    qint64 key = hits.first();
    const qsizetype current = hits.indexOf(m_selected);
    if (current >= 0 && event->button() == Qt::LeftButton)
        key = hits.at((current + 1) % hits.size());
    else if (current >= 0)
        key = m_selected;
    setSelectedSpan(key);
}

void TextSpanEditor::contextMenuEvent(QContextMenuEvent *event)
{
    const EditorSpan *selected = span(m_selected);
    if (selected == nullptr && !textCursor().hasSelection()) {
        QPlainTextEdit::contextMenuEvent(event);
        return;
    }
    QMenu menu(this);
    const qint64 key = m_selected;
    const bool newSpan = textCursor().hasSelection();
    QMenu *labels = menu.addMenu(newSpan ? tr("Label selection as") : tr("Relabel as"));
    for (qsizetype i = 0; i < m_labels.size(); ++i) {
        const TextLabelStyle &style = m_labels.at(i);
        QPixmap swatch(12, 12);
        swatch.fill(colorOf(style.name));
        const QString hint = !style.hotkey.isEmpty() ? style.hotkey
                             : i < 9                 ? QString::number(i + 1)
                                                     : QString();
        QAction *action = labels->addAction(
            QIcon(swatch), hint.isEmpty() ? style.name : u"%1\t%2"_s.arg(style.name, hint));
        const QString name = style.name;
        connect(action, &QAction::triggered, this, [this, key, name, newSpan] {
            if (newSpan)
                requestSpan(name);
            else
                Q_EMIT relabelRequested(key, name);
        });
    }
    if (selected != nullptr) {
        if (selected->suggested) {
            connect(menu.addAction(tr("Accept suggestion\tEnter")), &QAction::triggered, this,
                    [this, key] { Q_EMIT acceptRequested(key); });
            connect(menu.addAction(tr("Reject suggestion\tDel")), &QAction::triggered, this,
                    [this, key] { Q_EMIT rejectRequested(key); });
        } else {
            connect(menu.addAction(tr("Delete span\tDel")), &QAction::triggered, this,
                    [this, key] { Q_EMIT removeRequested(key); });
        }
    }
    menu.exec(event->globalPos());
}

} // namespace atelier
