#include "canvas/canvasstyle.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace atelier {

QColor CanvasStyle::portColor(const QString &type)
{
    static const QHash<QString, QColor> colours = {
        {u"file"_s, QColor(0xe0, 0x9a, 0x2b)},      // amber
        {u"directory"_s, QColor(0xa8, 0x6b, 0x3c)}, // brown
        {u"table"_s, QColor(0x2e, 0xa0, 0x5f)},     // green
        {u"dataset"_s, QColor(0x2f, 0x7b, 0xe6)},   // blue
        {u"model"_s, QColor(0x8e, 0x4d, 0xd6)},     // purple
        {u"metrics"_s, QColor(0xe0, 0x4f, 0x86)},   // pink
        {u"any"_s, QColor(0x8a, 0x94, 0xa6)},       // grey
    };
    return colours.value(type, QColor(0x8a, 0x94, 0xa6));
}

QColor CanvasStyle::stateColor(NodeRunState state)
{
    switch (state) {
    case NodeRunState::Idle:
        return QColor(0xb4, 0xbb, 0xc8);
    case NodeRunState::Queued:
        return QColor(0xd9, 0xa4, 0x0b);
    case NodeRunState::Running:
        return QColor(0x2f, 0x7b, 0xe6);
    case NodeRunState::Succeeded:
        return QColor(0x27, 0xa0, 0x5a);
    case NodeRunState::Failed:
        return QColor(0xd6, 0x3c, 0x3c);
    case NodeRunState::Cached:
        return QColor(0x14, 0x9c, 0xa0);
    case NodeRunState::Skipped:
        return QColor(0x9a, 0xa3, 0xb5);
    case NodeRunState::Stopped:
        return QColor(0xe6, 0x7e, 0x22);
    case NodeRunState::Lost:
        return QColor(0x8a, 0x23, 0x4a); // as in the task timeline
    }
    return QColor(0xb4, 0xbb, 0xc8);
}

QString CanvasStyle::stateText(NodeRunState state)
{
    switch (state) {
    case NodeRunState::Idle:
        return QString();
    case NodeRunState::Queued:
        return tr("Queued");
    case NodeRunState::Running:
        return tr("Running");
    case NodeRunState::Succeeded:
        return tr("Succeeded");
    case NodeRunState::Failed:
        return tr("Failed");
    case NodeRunState::Cached:
        return tr("Cached");
    case NodeRunState::Skipped:
        return tr("Skipped");
    case NodeRunState::Stopped:
        return tr("Stopped");
    case NodeRunState::Lost:
        return tr("Lost");
    }
    return QString();
}

QColor CanvasStyle::diffColor(NodeDiffMark mark)
{
    switch (mark) {
    case NodeDiffMark::None:
        return QColor();
    case NodeDiffMark::Added:
        return QColor(0x27, 0xa0, 0x5a);
    case NodeDiffMark::Removed:
        return QColor(0xd6, 0x3c, 0x3c);
    case NodeDiffMark::Changed:
        return QColor(0xe0, 0x9a, 0x2b);
    }
    return QColor();
}

NodeRunState CanvasStyle::stateFromString(const QString &state)
{
    static const QHash<QString, NodeRunState> states = {
        {u"idle"_s, NodeRunState::Idle},           {u"pending"_s, NodeRunState::Queued},
        {u"queued"_s, NodeRunState::Queued},       {u"running"_s, NodeRunState::Running},
        {u"succeeded"_s, NodeRunState::Succeeded}, {u"failed"_s, NodeRunState::Failed},
        {u"cached"_s, NodeRunState::Cached},       {u"skipped"_s, NodeRunState::Skipped},
        {u"stopped"_s, NodeRunState::Stopped},     {u"lost"_s, NodeRunState::Lost},
    };
    return states.value(state.toLower(), NodeRunState::Idle);
}

QFont CanvasStyle::titleFont()
{
    QFont font;
    font.setPointSizeF(10);
    font.setWeight(QFont::DemiBold);
    return font;
}

QFont CanvasStyle::smallFont()
{
    QFont font;
    font.setPointSizeF(8);
    return font;
}

} // namespace atelier
