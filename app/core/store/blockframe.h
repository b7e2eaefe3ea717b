#pragma once

#include <QByteArray>

#include <string>

namespace stroom::blockframe {

/**
 * \brief The frame of the store's compressed blocks (reads and trip days): a magic byte, a version byte, the
 * raw size (LEB128) and the raw bytes compressed with zstd.
 */
QByteArray pack(char magic, const std::string& raw);
/**
 * The raw bytes of a frame; false when they are damaged (another magic or version, sizes that disagree, not
 * zstd, over 2 GiB), checked before anything is allocated from them.
 */
bool unpack(const QByteArray& data, char magic, std::string* raw);

} // namespace stroom::blockframe
