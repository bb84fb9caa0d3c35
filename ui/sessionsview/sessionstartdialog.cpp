#include "sessionsview/sessionstartdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

constexpr int kInputs = 5;

} // namespace

SessionStartDialog::SessionStartDialog(const QStringList &pools,
                                       const SessionSources::Available &sources, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"sessionStartDialog"_s);
    setWindowTitle(tr("Start a Jupyter session"));
    auto *form = new QFormLayout(this);

    m_name = new QLineEdit(this);
    m_name->setObjectName(u"sessionName"_s);
    m_name->setPlaceholderText(tr("a new name"));
    m_name->setToolTip(tr("A stopped session's name starts it again with its working folder."));
    m_name->setValidator(new QRegularExpressionValidator(
        QRegularExpression(u"[A-Za-z0-9][A-Za-z0-9._-]{0,63}"_s), m_name));
    form->addRow(tr("Name"), m_name);

    m_pool = new QComboBox(this);
    m_pool->setObjectName(u"sessionPool"_s);
    m_pool->addItems(pools.isEmpty() ? QStringList{u"local"_s} : pools);
    form->addRow(tr("Pool"), m_pool);

    m_cpus = new QSpinBox(this);
    m_cpus->setRange(1, 512);
    m_cpus->setSuffix(tr(" CPUs"));
    m_memory = new QSpinBox(this);
    m_memory->setRange(64, 4 * 1024 * 1024);
    m_memory->setSingleStep(512);
    m_memory->setValue(2048);
    m_memory->setSuffix(tr(" MB"));
    m_gpus = new QSpinBox(this);
    m_gpus->setRange(0, 64);
    m_gpus->setSuffix(tr(" GPUs"));
    auto *resources = new QHBoxLayout;
    resources->addWidget(m_cpus);
    resources->addWidget(m_memory);
    resources->addWidget(m_gpus);
    form->addRow(tr("Resources"), resources);

    m_idle = new QDoubleSpinBox(this);
    m_idle->setObjectName(u"sessionIdle"_s);
    m_idle->setRange(0, 7 * 24 * 60);
    m_idle->setDecimals(1);
    m_idle->setSuffix(tr(" min"));
    m_idle->setSpecialValueText(tr("never"));
    m_idle->setToolTip(tr("Stop the session after this long without kernel or browser "
                          "activity."));
    form->addRow(tr("Idle timeout"), m_idle);

    for (int slot = 0; slot < kInputs; ++slot) {
        auto *input = new QComboBox(this);
        input->setObjectName(u"sessionInput%1"_s.arg(slot));
        input->setEditable(true);
        input->setInsertPolicy(QComboBox::NoInsert);
        input->setMinimumContentsLength(28);
        input->addItem(QString());
        auto addGroup = [input](const QStringList &items) {
            if (items.isEmpty())
                return;
            input->insertSeparator(input->count());
            input->addItems(items);
        };
        addGroup(sources.datasets);
        addGroup(sources.models);
        addGroup(sources.runs);
        input->lineEdit()->setPlaceholderText(tr("none, or path:/a/folder"));
        input->setToolTip(
            tr("Bound read-only as input%1 beside the working folder home.").arg(slot));
        m_inputs.append(input);
        form->addRow(u"input%1"_s.arg(slot), input);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Start"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

QString SessionStartDialog::name() const
{
    return m_name->text().trimmed();
}

SessionOptions SessionStartDialog::options() const
{
    SessionOptions options;
    options.pool = m_pool->currentText();
    options.cpus = m_cpus->value();
    options.memoryMb = m_memory->value();
    options.gpus = m_gpus->value();
    options.idleTimeoutS = m_idle->value() * 60.0;
    for (int slot = 0; slot < m_inputs.size(); ++slot) {
        const QString source = m_inputs[slot]->currentText().trimmed();
        if (!source.isEmpty())
            options.bindings.append({slot, source});
    }
    return options;
}

void SessionStartDialog::setOptions(const QString &name, const SessionOptions &options)
{
    m_name->setText(name);
    if (const int pool = m_pool->findText(options.pool); pool >= 0)
        m_pool->setCurrentIndex(pool);
    m_cpus->setValue(options.cpus);
    m_memory->setValue(options.memoryMb);
    m_gpus->setValue(options.gpus);
    m_idle->setValue(options.idleTimeoutS / 60.0);
    for (QComboBox *input : std::as_const(m_inputs))
        input->setCurrentText(QString());
    for (const SessionBinding &binding : options.bindings)
        if (binding.slot >= 0 && binding.slot < m_inputs.size())
            m_inputs[binding.slot]->setCurrentText(binding.source);
}

} // namespace atelier
