#include "privacy/privacyguard.h"

#include <QCoreApplication>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string>

namespace stroom {

namespace {

bool isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool isAlnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isUuid(std::string_view s) {
    if (s.size() != 36)
        return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (s[i] != '-')
                return false;
        } else if (!isHex(s[i])) {
            return false;
        }
    }
    return true;
}

bool isBase64(std::string_view s) {
    std::size_t n = s.size();
    while (n > 0 && s[n - 1] == '=')
        --n;
    if (s.size() - n > 2)
        return false;
    for (std::size_t i = 0; i < n; ++i) {
        const char c = s[i];
        if (!isAlnum(c) && c != '+' && c != '/' && c != '-' && c != '_')
            return false;
    }
    return true;
}

/** Letters and digits only, upper-cased, separators (- space .) dropped. */
std::string compact(std::string_view s) {
    std::string out;
    for (char c : s)
        if (isAlnum(c))
            out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    return out;
}

} // namespace

PrivacyGuard::Verdict PrivacyGuard::check(std::string_view v) {
    while (!v.empty() && v.front() == ' ')
        v.remove_prefix(1);
    while (!v.empty() && v.back() == ' ')
        v.remove_suffix(1);
    if (v.size() >= 16) {
        if (std::all_of(v.begin(), v.end(), isHex) || isUuid(v))
            return Verdict::Pseudonym;
        // Base64 of real hash output mixes cases and digits; 16+ capitals and digits alone could be a
        // row of plates glued together, so ask for some variety.
        if (isBase64(v)) {
            const bool lower = std::any_of(v.begin(), v.end(), [](char c) { return c >= 'a' && c <= 'z'; });
            const bool upperOrDigit = std::any_of(
                v.begin(), v.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
            if (lower && upperOrDigit)
                return Verdict::Pseudonym;
        }
        return Verdict::NotAPseudonym;
    }
    // Short values: plates or plate-like. Belgian (1-ABC-234, ABC-123, ABC123), Dutch side codes
    // (XX-99-99, 99-XXX-9 …), foreign plates: all are short runs of letters and digits.
    const std::string c = compact(v);
    const bool onlyPlateChars = std::all_of(
        v.begin(), v.end(), [](char ch) { return isAlnum(ch) || ch == '-' || ch == ' ' || ch == '.'; });
    if (!c.empty() && c.size() <= 10 && onlyPlateChars)
        return Verdict::LooksLikePlate;
    return Verdict::NotAPseudonym;
}

bool PrivacyGuard::looksLikeIdentifier(std::string_view v) {
    while (!v.empty() && v.front() == ' ')
        v.remove_prefix(1);
    while (!v.empty() && v.back() == ' ')
        v.remove_suffix(1);
    // Hash output: 16+ hex digits, a UUID, or 22+ base64 characters mixing digits and both cases (names
    // such as Sint-Pietersstation are long base64-looking words too, but without digits).
    if (v.size() >= 16 && (std::all_of(v.begin(), v.end(), isHex) || isUuid(v)))
        return true;
    if (v.size() >= 22 && isBase64(v) &&
        std::any_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
        std::any_of(v.begin(), v.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
        std::any_of(v.begin(), v.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        return true;
    // The value's shape: L for a letter, D for a digit, '-' kept (spaces and dots read as '-').
    std::string shape;
    for (char c : v) {
        if (c >= '0' && c <= '9')
            shape.push_back('D');
        else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            shape.push_back('L');
        else if (c == '-' || c == ' ' || c == '.')
            shape.push_back('-');
        else
            return false;
    }
    // Belgian plates (1-ABC-234, 1ABC234, ABC-123, ABC123) and Dutch side codes (AB-12-34, 12-ABC-3 …).
    static const char* const plates[] = {"D-LLL-DDD", "DLLLDDD",  "LLL-DDD",  "DDD-LLL",  "LL-DD-DD",
                                         "DD-DD-LL",  "DD-LL-DD", "LL-DD-LL", "LL-LL-DD", "DD-LL-LL",
                                         "DD-LLL-D",  "D-LLL-DD", "LL-DDD-L", "L-DDD-LL", "LLL-DD-L",
                                         "L-DD-LLL",  "D-LL-DDD", "DDD-LL-D"};
    return std::find(std::begin(plates), std::end(plates), shape) != std::end(plates);
}

QString PrivacyGuard::reason(Verdict v) {
    switch (v) {
    case Verdict::Pseudonym:
        return QString();
    case Verdict::LooksLikePlate:
        return QCoreApplication::translate(
            "PrivacyGuard", "looks like a clear number plate, not a pseudonym; Stroom never stores "
                            "plates. Pseudonymise the export first, or import with --pseudonymise");
    case Verdict::NotAPseudonym:
        return QCoreApplication::translate(
            "PrivacyGuard", "is not a pseudonym (expected at least 16 characters of hex or base64, "
                            "or a UUID); import with --pseudonymise to hash it on import");
    }
    return QString();
}

} // namespace stroom
