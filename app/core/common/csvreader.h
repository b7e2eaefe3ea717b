#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace stroom {

class ByteSource;

/**
 * \brief A streaming CSV reader for large exports: RFC 4180 quoting (doubled quotes, quoted delimiters
 * and newlines), any one-byte delimiter, UTF-8 BOM, LF or CRLF, and bounded memory whatever the file.
 *
 * Hand-written because neither Qt nor GDAL's CSV driver stream tens of millions of rows with per-line
 * error positions fast enough (GDAL's OGR feature path costs microseconds a row). Fields are views
 * into the reader's buffer, valid until the next call of next().
 */
class CsvReader {
public:
    enum class Status {
        Record,  ///< fields() holds the next record
        End,     ///< no more records
        TooLong, ///< the record at line() exceeded maxRecordBytes(); it was skipped
        Binary,  ///< the record at line() holds a NUL byte: not text; it was skipped
    };

    explicit CsvReader(ByteSource& source, char delimiter = ',');

    void setDelimiter(char d) { m_delimiter = d; }
    char delimiter() const { return m_delimiter; }

    Status next();
    const std::vector<std::string_view>& fields() const { return m_fields; }
    /** The current record as it stands in the file (without the line end). */
    std::string_view raw() const { return m_raw; }
    /** Physical line (1-based) at which the current record starts. */
    std::int64_t line() const { return m_line; }
    /** Lines of the file consumed so far. */

    static constexpr std::size_t maxRecordBytes() { return 1 << 20; }

    /** The delimiter a header line most likely uses: the most frequent of , ; TAB | outside quotes. */
    static char sniffDelimiter(std::string_view headerLine);
    /** \a s without leading and trailing blanks (spaces, tabs). */
    static std::string_view trimmed(std::string_view s) {
        while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
            s.remove_prefix(1);
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
            s.remove_suffix(1);
        return s;
    }
    /** True when \a s is well-formed UTF-8. */
    static bool isValidUtf8(std::string_view s);

private:
    bool fill();
    void splitSimple(const char* b, const char* e);
    void splitQuoted(const char* b, const char* e);
    Status skipRestOfLine();

    ByteSource& m_source;
    char m_delimiter;
    std::vector<char> m_buf;
    std::size_t m_begin = 0, m_end = 0;
    bool m_eof = false;
    bool m_bomChecked = false;
    std::vector<std::string_view> m_fields;
    std::string m_scratch;
    std::string_view m_raw;
    std::int64_t m_line = 0;
    std::int64_t m_nextLine = 1;
};

} // namespace stroom
