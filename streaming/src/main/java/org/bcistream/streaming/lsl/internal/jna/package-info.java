/**
 * The JNA binding to liblsl's C API ({@link org.bcistream.streaming.lsl.internal.jna.NativeLslRuntime}), the only
 * place that imports {@code com.sun.jna}. It fixes the old Java binding's defects (spec 5.7): {@code unsigned long}
 * counts are {@code NativeLong}, chunk sizes go to C in values and come back converted to samples, strings are
 * passed with explicit lengths as UTF-8 and every string liblsl allocates is freed, and error codes become typed
 * exceptions. Internal: use the API of the parent package.
 */
package org.bcistream.streaming.lsl.internal.jna;
