#include "gifwriter.h"

#include "common/error.h"

#include <gif_lib.h>

#include <algorithm>
#include <vector>

namespace stroom::maps {

namespace {

QString gifError(const QString& path, int code) {
    const char* text = GifErrorString(code);
    return QStringLiteral("%1: cannot write the animation (%2)")
        .arg(path, text ? QString::fromLatin1(text) : QString::number(code));
}

} // namespace

GifWriter::GifWriter(const QString& path, QSize size, int delayMs)
    : m_path(path)
    , m_size(size)
    , m_delayCs(std::max(2, (delayMs + 5) / 10)) {
    int error = 0;
    m_gif = EGifOpenFileName(path.toLocal8Bit().constData(), false, &error);
    if (!m_gif)
        throw Error::input(gifError(path, error));
    EGifSetGifVersion(m_gif, true); // GIF89a: delays and the loop
    if (EGifPutScreenDesc(m_gif, size.width(), size.height(), 8, 0, nullptr) == GIF_ERROR)
        throw Error::input(gifError(path, m_gif->Error));
    // NETSCAPE2.0: loop for ever.
    const unsigned char app[] = {'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0'};
    const unsigned char loop[] = {1, 0, 0};
    if (EGifPutExtensionLeader(m_gif, APPLICATION_EXT_FUNC_CODE) == GIF_ERROR ||
        EGifPutExtensionBlock(m_gif, sizeof app, app) == GIF_ERROR ||
        EGifPutExtensionBlock(m_gif, sizeof loop, loop) == GIF_ERROR ||
        EGifPutExtensionTrailer(m_gif) == GIF_ERROR)
        throw Error::input(gifError(path, m_gif->Error));
}

GifWriter::~GifWriter() {
    if (m_gif) {
        int error = 0;
        EGifCloseFile(m_gif, &error);
    }
}

void GifWriter::add(const QImage& frame) {
    const QImage rgb =
        (frame.size() == m_size ? frame
                                : frame.scaled(m_size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation))
            .convertToFormat(QImage::Format_RGB888);
    const int w = m_size.width(), h = m_size.height();
    const std::size_t n = static_cast<std::size_t>(w) * static_cast<std::size_t>(h);
    std::vector<GifByteType> red(n), green(n), blue(n), indices(n);
    for (int y = 0; y < h; ++y) {
        const uchar* line = rgb.constScanLine(y);
        for (int x = 0; x < w; ++x) {
            const std::size_t i =
                static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x);
            red[i] = line[3 * x];
            green[i] = line[3 * x + 1];
            blue[i] = line[3 * x + 2];
        }
    }
    int colours = 256;
    ColorMapObject* map = GifMakeMapObject(colours, nullptr);
    if (!map)
        throw Error::input(gifError(m_path, E_GIF_ERR_NOT_ENOUGH_MEM));
    if (GifQuantizeBuffer(static_cast<unsigned>(w), static_cast<unsigned>(h), &colours, red.data(),
                          green.data(), blue.data(), indices.data(), map->Colors) == GIF_ERROR) {
        GifFreeMapObject(map);
        throw Error::input(gifError(m_path, E_GIF_ERR_NOT_ENOUGH_MEM));
    }
    GraphicsControlBlock gcb;
    gcb.DisposalMode = DISPOSE_DO_NOT;
    gcb.UserInputFlag = false;
    gcb.DelayTime = m_delayCs;
    gcb.TransparentColor = NO_TRANSPARENT_COLOR;
    GifByteType extension[4];
    const std::size_t length = EGifGCBToExtension(&gcb, extension);
    bool ok =
        EGifPutExtension(m_gif, GRAPHICS_EXT_FUNC_CODE, static_cast<int>(length), extension) != GIF_ERROR &&
        EGifPutImageDesc(m_gif, 0, 0, w, h, false, map) != GIF_ERROR;
    for (int y = 0; ok && y < h; ++y)
        ok = EGifPutLine(m_gif, indices.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(w),
                         w) != GIF_ERROR;
    GifFreeMapObject(map);
    if (!ok)
        throw Error::input(gifError(m_path, m_gif->Error));
    ++m_frames;
}

void GifWriter::close() {
    if (!m_gif)
        return;
    int error = 0;
    const int rc = EGifCloseFile(m_gif, &error);
    m_gif = nullptr;
    if (rc == GIF_ERROR)
        throw Error::input(gifError(m_path, error));
}

} // namespace stroom::maps
