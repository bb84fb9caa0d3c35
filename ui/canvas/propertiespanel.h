#pragma once

#include "pipeline/pipelinedocument.h"
#include "pipeline/templatespec.h"

#include <QJsonValue>
#include <QMap>
#include <QWidget>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;
class QVBoxLayout;

namespace atelier {

class SweepMarker;
class SweepSectionBox;

/// The properties of the selected node, made from its template's param schema: one editor per
/// param type with its default, help and the reason a value is refused, then the node's
/// execution settings (resources, retries, timeout, pool, skip).
///
/// The panel never changes the document itself: it emits one edit per gesture (a line edit on
/// editingFinished, a check box or a choice at once, a spin box live with the same gesture
/// number for a whole focus session so the receiver can merge them into one undo step).
class PropertiesPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PropertiesPanel)

public:
    explicit PropertiesPanel(QWidget *parent = nullptr);
    ~PropertiesPanel() override;

    /// Shows \a node; \a spec is its template, or nothing with \a templateError saying why.
    /// Rebuilds the editors only when the node or its template changed; otherwise only the
    /// values are refreshed (an undo does not steal the focus).
    void setNode(const NodeSpec &node, const std::optional<TemplateSpec> &spec,
                 const QString &templateError = {});
    /// Nothing selected (\a count 0) or several nodes.
    void showHint(int selectedCount);
    /// A message instead of properties (no pipeline open, …).
    void showMessage(const QString &text);
    /// Nothing selected: the pipeline's own fields, its schedule and what a run would refuse.
    void showPipeline(const PipelineDocument &doc, const QStringList &problems);
    /// The images the environment box offers (`atelier image list`); any NAME[:TAG] may be typed.
    void setImages(const QStringList &images);
    void setPools(const QStringList &pools);
    void setReadOnly(bool readOnly);
    /// Checks a value of the shown node at a property path ("params.x"); the reason or empty.
    /// Without one, TemplateSpec::checkValue() is used.
    using Checker = std::function<QString(const QString &nodeId, const QString &property,
                                          const QJsonValue &value)>;
    void setChecker(Checker checker) { m_checker = std::move(checker); }
    /// Where the pipeline's saved sweep is read; with one, each sweepable param gets a
    /// "Sweep" marker whose edits are emitted as pipelineEdited("sweep", section).
    using SweepSource = std::function<std::optional<SweepSection>()>;
    void setSweepSource(SweepSource source) { m_sweepSource = std::move(source); }
    /// The sweep marker of param \a name (for tests), or null.
    SweepMarker *sweepMarker(const QString &name) const;

    QString nodeId() const { return m_node.id; }
    /// The editor of param \a name (for tests), or null.
    QWidget *editor(const QString &name) const;
    /// The reason shown under param \a name; empty when the value fits.
    QString problem(const QString &name) const;

Q_SIGNALS:
    /// \a value Undefined: back to the template's default (the key is removed).
    void paramEdited(const QString &nodeId, const QString &param, const QJsonValue &value,
                     int gesture);
    /// \a field: name, resources.cpus, resources.memory_mb, resources.gpus, retries,
    /// timeout_s, pool, skip, environment. Undefined: back to the template's value.
    void settingEdited(const QString &nodeId, const QString &field, const QJsonValue &value,
                       int gesture);
    /// A field of the pipeline itself: name, description, sweep (the section, or null).
    void pipelineEdited(const QString &field, const QJsonValue &value);
    void scheduleRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct ParamRow
    {
        ParamSpec spec;
        QWidget *editor = nullptr;
        QLabel *problem = nullptr;
        SweepMarker *sweep = nullptr;
    };

    void commitFocusedEditor();
    void rebuild();
    void refreshValues();
    QWidget *makeEditor(const ParamSpec &spec);
    void setEditorValue(ParamRow &row, const QJsonValue &value);
    void validate(ParamRow &row, const QJsonValue &value);
    void emitParam(const QString &name, const QJsonValue &value);
    void emitSetting(const QString &field, const QJsonValue &value);
    void emitSweep(const QString &param, const QString &spec);
    QWidget *buildExecution();
    QWidget *buildPipelinePage();
    int nextGesture();

    Checker m_checker;
    SweepSource m_sweepSource;
    NodeSpec m_node;
    std::optional<TemplateSpec> m_spec;
    QString m_templateError;
    bool m_readOnly = false;
    int m_gesture = 0;
    QMap<QString, ParamRow> m_rows;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_description = nullptr;
    QLineEdit *m_name = nullptr;
    QWidget *m_paramsBox = nullptr;
    QFormLayout *m_paramsForm = nullptr;
    QLabel *m_noParams = nullptr;
    QSpinBox *m_cpus = nullptr;
    QSpinBox *m_memory = nullptr;
    QSpinBox *m_gpus = nullptr;
    QSpinBox *m_retries = nullptr;
    QSpinBox *m_timeout = nullptr;
    QComboBox *m_pool = nullptr;
    QComboBox *m_environment = nullptr; ///< editable: the host, or an image NAME[:TAG]
    QComboBox *m_distributed = nullptr; ///< none, or a strategy the template supports
    QSpinBox *m_processes = nullptr;    ///< resources.processes_per_node
    QCheckBox *m_skip = nullptr;
    QStringList m_pools;
    PipelineDocument m_pipeline;
    QLineEdit *m_pipelineName = nullptr;
    QLineEdit *m_pipelineDescription = nullptr;
    QLabel *m_pipelineFacts = nullptr;
    QLabel *m_schedule = nullptr;
    SweepSectionBox *m_sweepBox = nullptr;
    QLabel *m_problems = nullptr;
    QLabel *m_pipelineHint = nullptr;
};

} // namespace atelier
