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
    /** Why a value was refused, for the message (never repeats the value itself). */
    static QString reason(Verdict v);
};

/** \brief Vehicle classes (DESIGN §4) and the labels exports use for them. */
namespace vehicleclass {
enum Code : int { Unknown = 0, Car = 1, Van = 2, Truck = 3, Bus = 4, Motorcycle = 5 };
constexpr int kCount = 6;
/** Class of a label (car, M1, personenwagen, N1, bestelwagen, vrachtwagen, …); -1 when not recognised. */
int fromLabel(std::string_view label);
/** The English key: unknown, car, van, truck, bus, motorcycle. */
const char* key(int code);
} // namespace vehicleclass

} // namespace stroom
