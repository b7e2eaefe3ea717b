#pragma once

#include <QImage>
#include <QString>

struct GifFileType;

namespace stroom::maps {

/**
 * \brief An animated GIF, frame by frame, through giflib (Debian's libgif): each frame quantised to its own
 * 256-colour palette (giflib's median cut), shown for a delay, the whole looping for ever. Chosen over a
 * video through ffmpeg: a GIF plays in every browser, slide deck and mail client a council uses, and giflib
 * is a small library already on the machine (GDAL's dependency) instead of a program and its codecs.
 */
class GifWriter {
public:
    /** Opens \a path for frames of \a size, each shown \a delayMs milliseconds. Throws Error::input. */
    GifWriter(const QString& path, QSize size, int delayMs);
    ~GifWriter();
    GifWriter(const GifWriter&) = delete;
    GifWriter& operator=(const GifWriter&) = delete;
    /** Adds a frame (scaled to the size when it differs). Throws Error::input. */
    void add(const QImage& frame);
    /** Finishes the file. Throws Error::input. */
    void close();
    int frames() const { return m_frames; }

private:
    GifFileType* m_gif = nullptr;
    QString m_path;
    QSize m_size;
    int m_delayCs;
    int m_frames = 0;
};

} // namespace stroom::maps
