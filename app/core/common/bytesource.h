#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace stroom {

/**
 * \brief Streams the bytes of an input file, inflating gzip (.gz, or any file that starts with the
 * gzip magic) on the fly and computing the SHA-256 of the file as stored, for the import record.
 *
 * Failures (missing, unreadable, a directory, truncated or corrupt gzip, read errors) throw
 * Error::input naming the file.
 */
class ByteSource {
public:
    explicit ByteSource(const QString& path);
    ~ByteSource();
    ByteSource(const ByteSource&) = delete;
    ByteSource& operator=(const ByteSource&) = delete;

    /** Reads up to \a n (decompressed) bytes; 0 at the end. */
    std::size_t read(char* out, std::size_t n);

    QString path() const { return m_path; }
    bool isGzip() const { return m_gzip; }
    /** Size of the file on disk. */
    std::int64_t fileSize() const { return m_fileSize; }
    /** Bytes of the file consumed so far (for progress). */
    std::int64_t consumed() const { return m_consumed; }
    /** Hex SHA-256 of the whole file; valid once read() returned 0. */
    QString sha256() const { return m_sha256; }

    /** SHA-256 (hex) of a whole file, fast (OpenSSL, SHA-NI where the CPU has it). */
    static QString fileSha256(const QString& path, std::int64_t maxBytes = -1);

private:
    bool fillRaw();
    struct State;
    std::unique_ptr<State> m_state;
    QString m_path;
    QString m_sha256;
    bool m_gzip = false;
    std::int64_t m_fileSize = 0;
    std::int64_t m_consumed = 0;
};

} // namespace stroom
