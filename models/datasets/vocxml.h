#pragma once

// Pascal VOC annotation XML: reading every field (the ones Atelier has columns for and the
// rest, kept as JSON) and writing it back; VOC's 1-based pixel boxes.

#include "core/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QRectF>
#include <QString>
#include <QXmlStreamWriter>

#include <optional>

namespace atelier {

/// One <object> of a VOC file.
struct VocObject
{
    QString name;
    QString author;            ///< Atelier's own <author> (written by its export)
    std::optional<QRectF> box; ///< in Atelier's pixels (vocToRect); nullopt when not numeric
    /// "difficult", "truncated", "occluded" (numbers when whole), "pose", and under "voc"
    /// every other child as JSON (<part>, <actions>, <attributes>, …).
    QJsonObject attributes;
};

/// One VOC annotation file.
struct VocFile
{
    QString filename;
    QString path;
    int width = 0;
    int height = 0;
    QList<VocObject> objects;
    /// Every other child of <annotation> as JSON: "folder", "source", "owner", "segmented",
    /// "path", … (what the item keeps under its "voc" attribute).
    QJsonObject other;
};

/// Reads \a file (Invalid with the line when it is not VOC XML).
Result<VocFile> parseVocXml(const QString &file);

/// VOC numbers pixels from 1 and its boxes include both ends (xmin = 1, xmax = W covers the
/// whole width); Atelier's boxes are edges from 0. So a VOC box is [xmin − 1, ymin − 1] to
/// [xmax, ymax] here (as Detectron2 reads VOC) and is written back exactly.
QRectF vocToRect(double xmin, double ymin, double xmax, double ymax);

/// A box in VOC's whole 1-based pixels.
struct VocBox
{
    int xmin = 1, ymin = 1, xmax = 1, ymax = 1;
    bool rounded = false; ///< the edges were not whole pixels
};
/// \a rect's edges rounded to the nearest whole pixel, then made 1-based, inside the
/// width × height image when it is known (> 0) and at least one pixel wide.
VocBox rectToVoc(const QRectF &rect, int width, int height);

/// Writes \a value as the element \a tag: an object as child elements (an array member as the
/// element repeated), anything else as its text — the inverse of how parseVocXml keeps fields.
void writeVocElement(QXmlStreamWriter &xml, const QString &tag, const QJsonValue &value);

} // namespace atelier
