#include "core/textwidth.h"

#include <QChar>
#include <QList>

#include <algorithm>
#include <iterator>
#include <utility>

namespace atelier {

namespace {

/// East Asian Width W and F ranges (UAX #11; emoji blocks taken whole), sorted.
constexpr std::pair<char32_t, char32_t> kWide[] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},
    {0x23F0, 0x23F0},   {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},
    {0x2648, 0x2653},   {0x267F, 0x267F},   {0x2693, 0x2693},   {0x26A1, 0x26A1},
    {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},   {0x26CE, 0x26CE},
    {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},
    {0x26FA, 0x26FA},   {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},
    {0x2728, 0x2728},   {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},
    {0x2757, 0x2757},   {0x2795, 0x2797},   {0x27B0, 0x27B0},   {0x27BF, 0x27BF},
    {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},   {0x2E80, 0x303E},
    {0x3041, 0x4DBF},   {0x4E00, 0xA4CF},   {0xA960, 0xA97F},   {0xAC00, 0xD7A3},
    {0xF900, 0xFAFF},   {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},
    {0xFFE0, 0xFFE6},   {0x16FE0, 0x18CFF}, {0x1B000, 0x1B2FF}, {0x1F300, 0x1F64F},
    {0x1F680, 0x1FAFF}, {0x20000, 0x3FFFD},
};

int columnsOf(char32_t c)
{
    if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF)
        return 0; // zero-width space, joiners, word joiner, BOM
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_Enclosing:
    case QChar::Other_Control:
        return 0;
    default:
        break;
    }
    const auto wide = std::upper_bound(
        std::cbegin(kWide), std::cend(kWide), c,
        [](char32_t value, const std::pair<char32_t, char32_t> &r) { return value < r.first; });
    if (wide != std::cbegin(kWide) && c <= std::prev(wide)->second)
        return 2;
    return 1;
}

} // namespace

int terminalWidth(QStringView text)
{
    int columns = 0;
    for (const char32_t c : text.toUcs4())
        columns += columnsOf(c);
    return columns;
}

QString padToWidth(const QString &text, int columns, bool alignRight)
{
    const int missing = columns - terminalWidth(text);
    if (missing <= 0)
        return text;
    const QString fill(missing, u' ');
    return alignRight ? fill + text : text + fill;
}

} // namespace atelier
