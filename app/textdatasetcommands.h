#pragma once

#include "cliutil.h"

namespace atelier {

class Workspace;
struct ImportOptions;

/// The text parts of `atelier dataset`: suggest, agreement, resolve, queue, and the CSV column
/// options of import (--text-column, --label-column, --text-b-column, --score-column,
/// --spans-column).
namespace TextDatasetCommands {

/// Adds the options of the text actions to the `dataset` parser.
void addOptions(SubcommandParser &sub);
/// The usage lines of the text actions.
QString help();
/// True for suggest, agreement, resolve, queue.
bool handles(const QString &action);
/// Runs a text action on the open workspace.
int run(const QString &action, SubcommandParser &sub, Workspace &workspace);
/// Copies the CSV column options into \a options.formatOptions.
void applyImportOptions(const SubcommandParser &sub, ImportOptions &options);

} // namespace TextDatasetCommands

} // namespace atelier
