#pragma once

// The image formats' importers and exporters (registered by registerImageFormats).

#include "datasets/formatregistry.h"

namespace atelier {

Result<ImportReport> importImageFolder(DatasetContext &, const DatasetInfo &, const QString &,
                                       const ImportOptions &);
Result<ExportReport> exportImageFolder(const DatasetSnapshot &, const QString &,
                                       const ExportOptions &);
Result<ImportReport> importImageCsv(DatasetContext &, const DatasetInfo &, const QString &,
                                    const ImportOptions &);
Result<ExportReport> exportImageCsv(const DatasetSnapshot &, const QString &,
                                    const ExportOptions &);
Result<ImportReport> importImageJsonl(DatasetContext &, const DatasetInfo &, const QString &,
                                      const ImportOptions &);
std::optional<TaskChoice> inferImageJsonlTask(const QString &path);
Result<ExportReport> exportImageJsonl(const DatasetSnapshot &, const QString &,
                                      const ExportOptions &);
Result<ImportReport> importCoco(DatasetContext &, const DatasetInfo &, const QString &,
                                const ImportOptions &);
Result<ExportReport> exportCoco(const DatasetSnapshot &, const QString &, const ExportOptions &);
/// COCO's task from the content: segmentation when polygons or RLE masks are present.
std::optional<TaskChoice> inferCocoTask(const QString &path);
Result<ImportReport> importVoc(DatasetContext &, const DatasetInfo &, const QString &,
                               const ImportOptions &);
Result<ExportReport> exportVoc(const DatasetSnapshot &, const QString &, const ExportOptions &);
/// Segmentation when the folder has SegmentationClass/ or SegmentationObject/ PNGs.
std::optional<TaskChoice> inferVocTask(const QString &path);
Result<ImportReport> importPngMasks(DatasetContext &, const DatasetInfo &, const QString &,
                                    const ImportOptions &);
Result<ExportReport> exportPngMasks(const DatasetSnapshot &, const QString &,
                                    const ExportOptions &);
Result<ImportReport> importYolo(DatasetContext &, const DatasetInfo &, const QString &,
                                const ImportOptions &);
Result<ExportReport> exportYolo(const DatasetSnapshot &, const QString &, const ExportOptions &);
/// Segmentation when the label files have polygon rows, detection for box rows only.
std::optional<TaskChoice> inferYoloTask(const QString &path);
Result<ImportReport> importLabelme(DatasetContext &, const DatasetInfo &, const QString &,
                                   const ImportOptions &);
Result<ExportReport> exportLabelme(const DatasetSnapshot &, const QString &, const ExportOptions &);
/// Segmentation when the shapes have polygons or circles, detection for rectangles only.
std::optional<TaskChoice> inferLabelmeTask(const QString &path);

/// Splits one CSV record (RFC 4180 quotes) from \a text starting at \a pos; advances pos.
QStringList readCsvRecord(const QString &text, qsizetype &pos);
/// One CSV field, quoted when it needs to be.
QString csvField(const QString &value);
/// \a value printed with up to 2 decimals when fractional ("12", "12.5").
QString pixelNumber(double value);

} // namespace atelier
