#pragma once

#include <QString>

#include <stdexcept>

namespace stroom {

/**
 * \brief An error that Stroom reports to the user, with the category that decides the exit code.
 *
 * The message names what went wrong in the user's terms (file, line, column, reason). The command line
 * maps the kind to its exit codes (DESIGN §11): Usage 2, Input 3, Store 4.
 */
class Error : public std::runtime_error {
public:
    enum class Kind { Usage, Input, Store };

    Error(Kind kind, const QString& message)
        : std::runtime_error(message.toStdString())
        , m_kind(kind)
        , m_message(message) {}

    Kind kind() const { return m_kind; }
    QString message() const { return m_message; }

    /** The exit code of stroom-cli for this error. */
    int exitCode() const {
        switch (m_kind) {
        case Kind::Usage:
            return 2;
        case Kind::Input:
            return 3;
        case Kind::Store:
            return 4;
        }
        return 1;
    }

    static Error usage(const QString& m) { return Error(Kind::Usage, m); }
    static Error input(const QString& m) { return Error(Kind::Input, m); }
    static Error store(const QString& m) { return Error(Kind::Store, m); }

private:
    Kind m_kind;
    QString m_message;
};

} // namespace stroom
