#pragma once

#include <QString>

#include <string_view>

namespace stroom {

/**
 * \brief Decides whether a value in a plate column is a pseudonym or a clear number plate (DESIGN §4).
 *
 * A pseudonym is at least 16 characters of hex, of base64 (standard or URL-safe), or a UUID. Anything
 * else stops the import before anything is stored: Belgian plates (1-ABC-234, ABC123), Dutch side codes
 * (12-ABC-3, AB-12-CD …) and any short alphanumeric are named as "looks like a number plate".
 */
class PrivacyGuard {
public:
    enum class Verdict { Pseudonym, LooksLikePlate, NotAPseudonym };
    static Verdict check(std::string_view value);
    /**
     * Whether a value outside the pseudonym column (a camera id or name, a class label, a warning's
     * sample) looks like a number plate (Belgian or Dutch patterns) or a pseudonym: such values are never
     * stored or shown there. Ordinary ids such as C001 or 130 are not.
     */
    static bool looksLikeIdentifier(std::string_view value);
    /** Why a value was refused, for the message (never repeats the value itself). */
    static QString reason(Verdict v);
};

} // namespace stroom
