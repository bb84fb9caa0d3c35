#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace atelier {

/// Kinds of expected failure; callers branch on these, users read the message.
enum class ErrorCode {
    Invalid,     ///< the input was refused (bad argument, bad file content)
    NotFound,    ///< a file, object, commit or record does not exist
    Io,          ///< the operating system refused a read or a write
    Corrupt,     ///< stored data does not match what it claims to be
    Conflict,    ///< the target already exists or is in the wrong state
    Unsupported, ///< made by a newer version, or a feature not available here
    Cancelled,   ///< the user stopped the operation
    Internal,    ///< a library failed in a way the user cannot fix
};

/// An expected failure: a code to branch on and a one-line, translated message for the user.
struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
};

/// A value or an Error; expected failures are values, not exceptions.
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T *operator->() const { return &std::get<0>(m_data); }
    T *operator->() { return &std::get<0>(m_data); }

    const Error &error() const { return std::get<1>(m_data); }
    /// The value, or \a fallback on an error.
    T value_or(T fallback) const { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, Error> m_data;
};

/// Success or an Error.
template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

inline Error makeError(ErrorCode code, QString message)
{
    return Error{code, std::move(message)};
}

} // namespace atelier
