#pragma once

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QVarLengthArray>

#include <optional>

namespace atelier {

/// Where one JSON value lies in the text: [begin, begin + size).
struct JsonSlice
{
    qsizetype begin = 0;
    qsizetype size = 0;
    QByteArrayView in(QByteArrayView text) const { return text.sliced(begin, size); }
};

/// The top level of a COCO file found without building a document (a QJsonDocument of a
/// COCO file takes about 8× its size): the byte range of each top-level value, and of every
/// element of the "images", "annotations" and "categories" arrays. The elements are parsed one
/// by one when needed. Values are skipped by their brackets and strings, not validated: an
/// element that is not valid JSON is found when it is parsed.
struct CocoScan
{
    QHash<QByteArray, JsonSlice> values; ///< top-level key (as written) → its value
    QList<JsonSlice> images;
    QList<JsonSlice> annotations;
    QList<JsonSlice> categories;

    /// nullopt when \a text is not one JSON object (QJsonDocument then says why).
    static std::optional<CocoScan> scan(QByteArrayView text);
    /// The raw text of the values of \a keys among the top-level members of the object
    /// \a object (e.g. "image_id" → "101"), in the order of \a keys; a null view for a key not
    /// present. Of a key given twice, the last. (No hash: it runs once per annotation.)
    static QVarLengthArray<QByteArrayView, 4> fields(QByteArrayView object,
                                                     const QList<QByteArrayView> &keys);

    /// One member of an object: its key's raw bytes (between the quotes, escapes as written)
    /// and where the member and its value lie in the object's text.
    struct Member
    {
        QByteArrayView key;
        JsonSlice member; ///< from the key's opening quote to the value's end
        JsonSlice value;
    };
    /// The top-level members of the object \a object in their order; nullopt when its
    /// structure is not that of one object (values are not validated, as in scan()).
    static std::optional<QList<Member>> members(QByteArrayView object);
};

} // namespace atelier
