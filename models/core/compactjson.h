#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>

namespace atelier {

/// A JSON value's compact text, byte for byte what QJsonDocument::toJson(Compact) writes for
/// it (keys in QJsonObject's order, QJsonDocument's numbers and escapes), without building a
/// document: the catalog stores 100,000s of these in one import. A scalar is written bare.
QByteArray compactJson(const QJsonValue &value);

/// An object's compact text; "{}" when empty.
QByteArray compactJson(const QJsonObject &object);

/// Appends \a v as QJsonDocument's compact form writes it: integral values below 2^52 as
/// integers, others shortest-round-trip. False for a number this does not handle (too large,
/// not finite): the caller falls back to QJsonDocument.
bool appendJsonNumber(QByteArray &out, double v);

} // namespace atelier
