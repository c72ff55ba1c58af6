/**
 * Renderers that turn generated outputs into files people can open: glyph images as 8-bit greyscale PNG
 * ({@link org.bcistream.decoders.render.PngRenderer}) and a session's speech as one growing 16-bit PCM WAV
 * file ({@link org.bcistream.decoders.render.WavStreamWriter}). Both use only the JDK (ImageIO, NIO) and
 * the WAV layout of {@link org.bcistream.models.audio.WavHeader}; PNG rendering needs no display.
 */
package org.bcistream.decoders.render;
