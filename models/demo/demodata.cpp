#include "demo/demodata.h"

#include <QByteArray>
#include <QColor>
#include <QDir>
#include <QImage>
#include <QImageWriter>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPainter>
#include <QPointF>
#include <QSaveFile>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <optional>

namespace atelier {

using namespace Qt::StringLiterals;

namespace {

// splitmix64: tiny, fast and the same on every platform, unlike std:: distributions.
class Rng final
{
public:
    explicit Rng(quint64 seed) : m_state(seed) {}

    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    /// Uniform in [lo, hi], both inclusive.
    int between(int lo, int hi) { return lo + int(next() % quint64(hi - lo + 1)); }

    /// Uniform in [0, 1).
    double unit() { return double(next() >> 11) * 0x1.0p-53; }

    bool chance(double p) { return unit() < p; }

    template <typename List> const auto &pick(const List &list)
    {
        return list[between(0, int(std::size(list)) - 1)];
    }

private:
    quint64 m_state;
};

constexpr quint64 kSeed = 0xA7E1'1E12'DE30'0001ULL;

// Each item gets its own stream, so changing one part of the demo leaves the others' bytes alone.
Rng rngFor(quint64 stream, quint64 index)
{
    Rng mixer(kSeed ^ (stream * 0xD1B54A32D192ED03ULL) ^ (index * 0x9E3779B97F4A7C15ULL));
    return Rng(mixer.next());
}

enum class Shape { Circle, Square, Triangle };

constexpr std::array kShapes = {Shape::Circle, Shape::Square, Shape::Triangle};

QString shapeName(Shape shape)
{
    switch (shape) {
    case Shape::Circle:
        return u"circle"_s;
    case Shape::Square:
        return u"square"_s;
    case Shape::Triangle:
        return u"triangle"_s;
    }
    return {};
}

constexpr int kClassificationPerClass = 80;
constexpr int kClassificationSize = 96;
constexpr int kDetectionImages = 60;
constexpr int kDetectionWidth = 160;
constexpr int kDetectionHeight = 120;
constexpr int kSentencesPerLanguage = 100;
// 96 dpi, set explicitly: QImage's default depends on whether a screen is present.
constexpr int kDotsPerMeter = 3780;

int clampByte(int v)
{
    return std::clamp(v, 0, 255);
}

/// A saturated colour, clearly distinct from the low-chroma backgrounds.
QColor vividColor(Rng &rng)
{
    return QColor::fromHsv(rng.between(0, 359), rng.between(170, 255), rng.between(140, 245));
}

/// Fills \a image with a pale or noisy background. With \a lowChroma the colour noise stays
/// small (every pixel's max-min channel spread under 30) so shapes stand out from it.
void paintBackground(QImage &image, Rng &rng, bool lowChroma)
{
    const bool noisy = rng.chance(0.5);
    const int level = noisy ? rng.between(120, 215) : rng.between(205, 240);
    const int tintRange = lowChroma ? 10 : (noisy ? 25 : 12);
    const std::array tint = {rng.between(-tintRange, tintRange), rng.between(-tintRange, tintRange),
                             rng.between(-tintRange, tintRange)};
    const int lumaNoise = noisy ? (lowChroma ? 30 : 40) : 6;
    const int channelNoise = lowChroma ? 3 : (noisy ? 12 : 2);
    const double gradient = rng.between(-12, 12);
    const bool vertical = rng.chance(0.5);

    const int w = image.width();
    const int h = image.height();
    for (int y = 0; y < h; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < w; ++x) {
            const double t = vertical ? double(y) / h : double(x) / w;
            const int base = level + int(std::lround(gradient * (2.0 * t - 1.0))) +
                             rng.between(-lumaNoise, lumaNoise);
            const int r = base + tint[0] + rng.between(-channelNoise, channelNoise);
            const int g = base + tint[1] + rng.between(-channelNoise, channelNoise);
            const int b = base + tint[2] + rng.between(-channelNoise, channelNoise);
            line[x] = qRgb(clampByte(r), clampByte(g), clampByte(b));
        }
    }
}

QPointF randomPoint(Rng &rng, int w, int h)
{
    return {rng.between(-10, w + 10) + rng.unit(), rng.between(-10, h + 10) + rng.unit()};
}

/// Lines and dots; grey ones when \a grey, so detection images keep colour for the shapes.
void paintDistractors(QPainter &painter, Rng &rng, int w, int h, bool grey, int lines, int dots)
{
    auto colour = [&rng, grey]() {
        if (grey) {
            const int v = rng.between(60, 190);
            return QColor(v, v, v);
        }
        return QColor::fromHsv(rng.between(0, 359), rng.between(30, 220), rng.between(60, 230));
    };
    for (int i = 0; i < lines; ++i) {
        painter.setPen(QPen(colour(), rng.between(1, 2), Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(randomPoint(rng, w, h), randomPoint(rng, w, h));
    }
    painter.setPen(Qt::NoPen);
    for (int i = 0; i < dots; ++i) {
        painter.setBrush(colour());
        const double radius = 0.8 + 1.6 * rng.unit();
        painter.drawEllipse(
            QPointF(rng.between(0, w - 1) + rng.unit(), rng.between(0, h - 1) + rng.unit()), radius,
            radius);
    }
}

QImage newImage(int w, int h)
{
    QImage image(w, h, QImage::Format_RGB32);
    image.setDotsPerMeterX(kDotsPerMeter);
    image.setDotsPerMeterY(kDotsPerMeter);
    return image;
}

QImage classificationImage(Shape shape, int index)
{
    Rng rng = rngFor(1 + quint64(shape), quint64(index));
    const int size = kClassificationSize;
    QImage image = newImage(size, size);
    paintBackground(image, rng, false);

    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    paintDistractors(painter, rng, size, size, false, rng.between(2, 5), rng.between(4, 18));

    const QColor fill = vividColor(rng);
    if (rng.chance(0.4)) {
        painter.setPen(QPen(fill.darker(160), 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    } else {
        painter.setPen(Qt::NoPen);
    }
    painter.setBrush(fill);

    switch (shape) {
    case Shape::Circle: {
        const int r = rng.between(12, 32);
        const QPointF centre(rng.between(r + 2, size - r - 2), rng.between(r + 2, size - r - 2));
        painter.drawEllipse(centre, r, r);
        break;
    }
    case Shape::Square: {
        const int side = rng.between(22, 54);
        const int reach = int(std::ceil(side / std::numbers::sqrt2)) + 2;
        painter.save();
        painter.translate(rng.between(reach, size - reach), rng.between(reach, size - reach));
        painter.rotate(rng.between(0, 89));
        painter.drawRect(QRectF(-side / 2.0, -side / 2.0, side, side));
        painter.restore();
        break;
    }
    case Shape::Triangle: {
        const int radius = rng.between(16, 36);
        const int reach = radius + 3;
        const QPointF centre(rng.between(reach, size - reach), rng.between(reach, size - reach));
        const double turn = 2.0 * std::numbers::pi * rng.unit();
        std::array<QPointF, 3> points;
        for (int i = 0; i < 3; ++i) {
            const double angle =
                turn + i * 2.0 * std::numbers::pi / 3.0 + 0.25 * (rng.unit() - 0.5);
            const double reachHere = radius * (0.85 + 0.15 * rng.unit());
            points[i] = centre + QPointF(reachHere * std::cos(angle), reachHere * std::sin(angle));
        }
        painter.drawPolygon(points.data(), int(points.size()));
        break;
    }
    }

    // A line or two across the shape, so the shape is not always whole.
    paintDistractors(painter, rng, size, size, false, rng.between(0, 2), 0);
    painter.end();
    return image;
}

struct Box
{
    Shape shape = Shape::Circle;
    int x = 0;
    int y = 0;
    int w = 0;
    int h = 0;
    QList<QPointF> outline; ///< the exact polygon drawn (a circle: its 32-gon for COCO)
    bool circle = false;

    bool closeTo(const Box &other, int gap) const
    {
        return x < other.x + other.w + gap && other.x < x + w + gap &&
               y < other.y + other.h + gap && other.y < y + h + gap;
    }
};

double round2(double v)
{
    return std::round(v * 100.0) / 100.0;
}

QList<Box> placeBoxes(Rng &rng)
{
    QList<Box> boxes;
    const int wanted = rng.between(1, 3);
    for (int attempt = 0; attempt < 200 && boxes.size() < wanted; ++attempt) {
        Box box;
        box.shape = rng.pick(kShapes);
        const int s = rng.between(22, 46);
        switch (box.shape) {
        case Shape::Circle:
            box.w = box.h = s & ~1; // even, so the centre and radius are whole pixels
            break;
        case Shape::Square:
            box.w = box.h = s;
            break;
        case Shape::Triangle:
            box.w = s;
            box.h = std::max(18, int(std::lround(s * (0.8 + 0.3 * rng.unit()))));
            break;
        }
        box.x = rng.between(2, kDetectionWidth - 2 - box.w);
        box.y = rng.between(2, kDetectionHeight - 2 - box.h);
        const bool clash = std::any_of(boxes.cbegin(), boxes.cend(),
                                       [&box](const Box &other) { return box.closeTo(other, 6); });
        if (clash) {
            continue;
        }
        const double x0 = box.x;
        const double y0 = box.y;
        const double x1 = box.x + box.w;
        const double y1 = box.y + box.h;
        switch (box.shape) {
        case Shape::Circle: {
            box.circle = true;
            const double r = box.w / 2.0;
            for (int i = 0; i < 32; ++i) {
                const double angle = i * 2.0 * std::numbers::pi / 32.0;
                box.outline.append(QPointF(round2(x0 + r + r * std::cos(angle)),
                                           round2(y0 + r + r * std::sin(angle))));
            }
            break;
        }
        case Shape::Square:
            box.outline = {QPointF(x0, y0), QPointF(x1, y0), QPointF(x1, y1), QPointF(x0, y1)};
            break;
        case Shape::Triangle: {
            // Apex on one edge, base along the opposite one: the box is tight by construction.
            const double apexX = box.x + rng.between(box.w / 4, box.w - box.w / 4);
            if (rng.chance(0.5)) {
                box.outline = {QPointF(apexX, y0), QPointF(x1, y1), QPointF(x0, y1)};
            } else {
                box.outline = {QPointF(x0, y0), QPointF(x1, y0), QPointF(apexX, y1)};
            }
            break;
        }
        }
        boxes.append(box);
    }
    return boxes;
}

double polygonArea(const QList<QPointF> &points)
{
    double twice = 0;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const QPointF &a = points[i];
        const QPointF &b = points[(i + 1) % points.size()];
        twice += a.x() * b.y() - b.x() * a.y();
    }
    return std::abs(twice) / 2.0;
}

QImage detectionImage(const QList<Box> &boxes, Rng &rng)
{
    QImage image = newImage(kDetectionWidth, kDetectionHeight);
    paintBackground(image, rng, true);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    paintDistractors(painter, rng, kDetectionWidth, kDetectionHeight, true, rng.between(2, 6),
                     rng.between(5, 25));
    // No outline pen: the filled area ends exactly at the box.
    painter.setPen(Qt::NoPen);
    for (const Box &box : boxes) {
        painter.setBrush(vividColor(rng));
        if (box.circle) {
            painter.drawEllipse(QRectF(box.x, box.y, box.w, box.h));
        } else {
            painter.drawPolygon(box.outline.constData(), int(box.outline.size()));
        }
    }
    painter.end();
    return image;
}

// ---- Text ----

struct Lexicon
{
    QStringList persons;
    QStringList places;
    QStringList days;
    std::array<QStringList, 3> orgs;      ///< per class
    std::array<QStringList, 3> templates; ///< per class
};

const std::array<QString, 3> kTextClasses = {u"sports"_s, u"technology"_s, u"weather"_s};

Lexicon englishLexicon()
{
    Lexicon l;
    l.persons = {u"Alice Johnson"_s,  u"Marcus Lee"_s,   u"Priya Patel"_s,   u"Tom Becker"_s,
                 u"Sofia Rossi"_s,    u"Hannah Kim"_s,   u"Diego Alvarez"_s, u"Emma Clarke"_s,
                 u"Kenji Watanabe"_s, u"Olivia Brown"_s, u"Lucas Martin"_s,  u"Fatima Khan"_s,
                 u"Noah Fischer"_s,   u"Grace Liu"_s,    u"Daniel Novak"_s,  u"Amara Okafor"_s};
    l.places = {u"London"_s,  u"Paris"_s,  u"New York"_s, u"Tokyo"_s, u"Berlin"_s, u"Sydney"_s,
                u"Toronto"_s, u"Madrid"_s, u"Chicago"_s,  u"Seoul"_s, u"Mumbai"_s, u"Cape Town"_s};
    l.days = {u"Monday"_s, u"Tuesday"_s,  u"Wednesday"_s, u"Thursday"_s,
              u"Friday"_s, u"Saturday"_s, u"Sunday"_s};
    l.orgs[0] = {u"Manchester United"_s, u"Real Madrid"_s, u"FC Barcelona"_s,
                 u"Bayern Munich"_s,     u"Juventus"_s,    u"Boston Celtics"_s};
    l.orgs[1] = {u"Google"_s,  u"Microsoft"_s, u"Apple"_s, u"Nvidia"_s,
                 u"Samsung"_s, u"IBM"_s,       u"Intel"_s, u"Huawei"_s};
    l.orgs[2] = {u"Met Office"_s, u"National Weather Service"_s, u"NOAA"_s, u"Environment Canada"_s,
                 u"Bureau of Meteorology"_s};
    l.templates[0] = {u"{PER} scored twice as {ORG} won in {LOC} on {DAY}."_s,
                      u"{ORG} signed {PER} ahead of the new season."_s,
                      u"Fans in {LOC} cheered as {PER} crossed the finish line first."_s,
                      u"{PER} will captain {ORG} in the final on {DAY}."_s,
                      u"{ORG} beat {ORG} {NUM} to 1 in {LOC}."_s};
    l.templates[1] = {u"{ORG} unveiled a new AI chip at its event in {LOC}."_s,
                      u"{PER} joined {ORG} to lead its cloud computing team."_s,
                      u"Engineers at {ORG} in {LOC} released an open-source database."_s,
                      u"{PER} said {ORG} will ship the software update on {DAY}."_s,
                      u"A startup founded by {PER} in {LOC} was bought by {ORG}."_s};
    l.templates[2] = {u"Heavy rain is expected in {LOC} on {DAY}, according to {ORG}."_s,
                      u"{ORG} issued a heat warning for {LOC} this week."_s,
                      u"{PER}, a forecaster at {ORG}, predicts snow in {LOC} by {DAY}."_s,
                      u"Strong winds closed schools across {LOC} on {DAY}."_s,
                      u"Temperatures in {LOC} will reach {DEG} degrees, {PER} said."_s};
    return l;
}

Lexicon chineseLexicon()
{
    Lexicon l;
    l.persons = {u"张伟"_s, u"王芳"_s,   u"李娜"_s, u"刘洋"_s,  u"陈静"_s, u"杨磊"_s,
                 u"赵敏"_s, u"黄晓明"_s, u"周杰"_s, u"吴婷"_s,  u"徐强"_s, u"孙丽"_s,
                 u"马超"_s, u"朱琳"_s,   u"胡军"_s, u"郭晶晶"_s};
    l.places = {u"北京"_s, u"上海"_s, u"广州"_s, u"深圳"_s, u"杭州"_s, u"成都"_s,
                u"武汉"_s, u"西安"_s, u"南京"_s, u"重庆"_s, u"天津"_s, u"厦门"_s};
    l.days = {u"周一"_s, u"周二"_s, u"周三"_s, u"周四"_s, u"周五"_s, u"周六"_s, u"周日"_s};
    l.orgs[0] = {u"北京国安"_s, u"上海申花"_s, u"中国女排"_s, u"山东泰山"_s, u"广州队"_s};
    l.orgs[1] = {u"华为"_s, u"腾讯"_s, u"阿里巴巴"_s, u"百度"_s, u"小米"_s, u"京东"_s};
    l.orgs[2] = {u"中国气象局"_s, u"中央气象台"_s, u"国家气候中心"_s, u"广东省气象局"_s};
    l.templates[0] = {u"{PER}在{LOC}的比赛中为{ORG}攻入两球。"_s,
                      u"{ORG}在{LOC}主场以{NUM}比1战胜{ORG}。"_s,
                      u"{PER}正式加盟{ORG}，将于{DAY}首次亮相。"_s,
                      u"{LOC}的球迷为{PER}夺冠欢呼。"_s, u"{ORG}宣布{PER}出任新赛季队长。"_s};
    l.templates[1] = {
        u"{ORG}在{LOC}发布了新一代人工智能芯片。"_s, u"{PER}加入{ORG}负责云计算业务。"_s,
        u"{ORG}位于{LOC}的研发中心开源了一个数据库。"_s, u"{PER}表示{ORG}将于{DAY}推送系统更新。"_s,
        u"{PER}在{LOC}创办的初创公司被{ORG}收购。"_s};
    l.templates[2] = {u"{ORG}预计{DAY}{LOC}将有大雨。"_s, u"{ORG}发布了{LOC}高温预警。"_s,
                      u"{ORG}预报员{PER}说{LOC}{DAY}将迎来降雪。"_s,
                      u"受强风影响，{LOC}多所学校{DAY}停课。"_s,
                      u"{PER}称{LOC}最高气温将达到{DEG}度。"_s};
    return l;
}

qsizetype codePoints(const QString &text)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!(text.at(i).isLowSurrogate() && i > 0 && text.at(i - 1).isHighSurrogate())) {
            ++n;
        }
    }
    return n;
}

struct Sentence
{
    QString text;
    QJsonArray spans;
};

/// Fills the placeholders of \a pattern; entity spans are counted in code points.
Sentence fill(const QString &pattern, const Lexicon &lexicon, int klass, Rng &rng)
{
    Sentence sentence;
    qsizetype cursor = 0; // code points in sentence.text so far
    QStringList used;
    qsizetype pos = 0;
    while (pos < pattern.size()) {
        const qsizetype open = pattern.indexOf(u'{', pos);
        const QString literal = pattern.mid(pos, open < 0 ? -1 : open - pos);
        sentence.text += literal;
        cursor += codePoints(literal);
        if (open < 0) {
            break;
        }
        const qsizetype close = pattern.indexOf(u'}', open);
        const QString key = pattern.mid(open + 1, close - open - 1);
        pos = close + 1;

        const QStringList *choices = nullptr;
        if (key == u"PER"_s) {
            choices = &lexicon.persons;
        } else if (key == u"ORG"_s) {
            choices = &lexicon.orgs[klass];
        } else if (key == u"LOC"_s) {
            choices = &lexicon.places;
        }
        QString value;
        if (choices != nullptr) {
            do {
                value = rng.pick(*choices);
            } while (used.contains(value));
            used.append(value);
            const qsizetype length = codePoints(value);
            sentence.spans.append(
                QJsonObject{{u"start"_s, cursor}, {u"end"_s, cursor + length}, {u"label"_s, key}});
        } else if (key == u"DAY"_s) {
            value = rng.pick(lexicon.days);
        } else if (key == u"NUM"_s) {
            value = QString::number(rng.between(2, 5));
        } else {
            value = QString::number(rng.between(25, 42));
        }
        sentence.text += value;
        cursor += codePoints(value);
    }
    return sentence;
}

/// Counts files and checks for cancellation; owns the messages for failed writes.
class Writer final
{
public:
    Writer(const DemoData::Progress &progress, const std::atomic_bool *cancel, int total)
        : m_progress(progress), m_cancel(cancel), m_total(total)
    {
    }

    std::optional<Error> stopRequested() const
    {
        if (m_cancel != nullptr && m_cancel->load()) {
            return makeError(ErrorCode::Cancelled,
                             DemoData::tr("Writing the demo data was cancelled."));
        }
        return std::nullopt;
    }

    std::optional<Error> writePng(const QString &path, const QImage &image)
    {
        if (auto stop = stopRequested()) {
            return stop;
        }
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            return failed(path, file.errorString());
        }
        QImageWriter writer(&file, "png");
        if (!writer.write(image)) {
            file.cancelWriting();
            return failed(path, writer.errorString());
        }
        if (!file.commit()) {
            return failed(path, file.errorString());
        }
        return advance();
    }

    std::optional<Error> writeBytes(const QString &path, const QByteArray &bytes)
    {
        if (auto stop = stopRequested()) {
            return stop;
        }
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() ||
            !file.commit()) {
            return failed(path, file.errorString());
        }
        return advance();
    }

private:
    static Error failed(const QString &path, const QString &why)
    {
        return makeError(
            ErrorCode::Io,
            DemoData::tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), why));
    }

    std::optional<Error> advance()
    {
        ++m_done;
        if (m_progress) {
            m_progress(m_done, m_total);
        }
        return std::nullopt;
    }

    const DemoData::Progress &m_progress;
    const std::atomic_bool *m_cancel;
    int m_total;
    int m_done = 0;
};

std::optional<Error> makeFolder(const QString &path)
{
    if (!QDir().mkpath(path)) {
        return makeError(
            ErrorCode::Io,
            DemoData::tr("Could not create the folder %1.").arg(QDir::toNativeSeparators(path)));
    }
    return std::nullopt;
}

QString numbered(int n)
{
    return u"%1.png"_s.arg(n, 4, 10, QChar(u'0'));
}

} // namespace

Result<DemoSummary> DemoData::generate(const QString &dir, const Progress &progress,
                                       const std::atomic_bool *cancel)
{
    const int total = int(kShapes.size()) * kClassificationPerClass + kDetectionImages + 2;
    Writer writer(progress, cancel, total);
    if (auto stop = writer.stopRequested()) {
        return *stop;
    }

    const QDir root(dir);
    const QString classificationDir = root.filePath(u"images/classification"_s);
    const QString detectionDir = root.filePath(u"images/detection"_s);
    const QString textDir = root.filePath(u"text"_s);
    QStringList folders = {detectionDir, textDir};
    for (Shape shape : kShapes) {
        folders.append(classificationDir + u'/' + shapeName(shape));
    }
    for (const QString &folder : folders) {
        if (auto error = makeFolder(folder)) {
            return *error;
        }
    }

    DemoSummary summary;

    for (Shape shape : kShapes) {
        const QDir classDir(classificationDir + u'/' + shapeName(shape));
        for (int i = 1; i <= kClassificationPerClass; ++i) {
            if (auto error = writer.writePng(classDir.filePath(numbered(i)),
                                             classificationImage(shape, i))) {
                return *error;
            }
            ++summary.classificationImages;
        }
    }

    const QDir detection(detectionDir);
    QJsonArray images;
    QJsonArray annotations;
    for (int i = 1; i <= kDetectionImages; ++i) {
        Rng rng = rngFor(10, quint64(i));
        const QList<Box> boxes = placeBoxes(rng);
        if (auto error =
                writer.writePng(detection.filePath(numbered(i)), detectionImage(boxes, rng))) {
            return *error;
        }
        images.append(QJsonObject{{u"id"_s, i},
                                  {u"file_name"_s, numbered(i)},
                                  {u"width"_s, kDetectionWidth},
                                  {u"height"_s, kDetectionHeight}});
        for (const Box &box : boxes) {
            QJsonArray polygon;
            for (const QPointF &point : box.outline) {
                polygon.append(point.x());
                polygon.append(point.y());
            }
            ++summary.boxes;
            annotations.append(QJsonObject{{u"id"_s, summary.boxes},
                                           {u"image_id"_s, i},
                                           {u"category_id"_s, int(box.shape) + 1},
                                           {u"bbox"_s, QJsonArray{box.x, box.y, box.w, box.h}},
                                           {u"area"_s, round2(polygonArea(box.outline))},
                                           {u"segmentation"_s, QJsonArray{QJsonValue(polygon)}},
                                           {u"iscrowd"_s, 0}});
        }
        ++summary.detectionImages;
    }
    QJsonArray categories;
    for (Shape shape : kShapes) {
        categories.append(QJsonObject{{u"id"_s, int(shape) + 1},
                                      {u"name"_s, shapeName(shape)},
                                      {u"supercategory"_s, u"shape"_s}});
    }
    const QJsonObject coco{{u"info"_s, QJsonObject{{u"description"_s, u"Atelier demo shapes"_s},
                                                   {u"version"_s, u"1.0"_s}}},
                           {u"licenses"_s, QJsonArray{}},
                           {u"images"_s, images},
                           {u"annotations"_s, annotations},
                           {u"categories"_s, categories}};
    if (auto error = writer.writeBytes(detection.filePath(u"instances.json"_s),
                                       QJsonDocument(coco).toJson(QJsonDocument::Indented))) {
        return *error;
    }

    const std::array lexicons = {englishLexicon(), chineseLexicon()};
    const std::array languages = {u"en"_s, u"zh"_s};
    QSet<QString> seen;
    QByteArray lines;
    for (int n = 0; n < 2 * kSentencesPerLanguage; ++n) {
        const int language = n % 2;
        const int klass = (n / 2) % 3;
        const Lexicon &lexicon = lexicons[language];
        Rng rng = rngFor(20, quint64(n));
        Sentence sentence;
        do {
            sentence = fill(rng.pick(lexicon.templates[klass]), lexicon, klass, rng);
        } while (seen.contains(sentence.text));
        seen.insert(sentence.text);
        summary.spans += int(sentence.spans.size());
        const QJsonObject line{{u"id"_s, n + 1},
                               {u"text"_s, sentence.text},
                               {u"lang"_s, languages[language]},
                               {u"label"_s, kTextClasses[klass]},
                               {u"spans"_s, sentence.spans}};
        lines += QJsonDocument(line).toJson(QJsonDocument::Compact);
        lines += '\n';
        ++summary.sentences;
    }
    if (auto error = writer.writeBytes(QDir(textDir).filePath(u"sentences.jsonl"_s), lines)) {
        return *error;
    }
    return summary;
}

} // namespace atelier
