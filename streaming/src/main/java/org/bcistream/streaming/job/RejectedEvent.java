package org.bcistream.streaming.job;

/**
 * An input event the pipeline refused, with why.
 *
 * @param sessionId the session it belonged to
 * @param time its source time, seconds
 * @param reason the pipeline's message (carries the numbers)
 */
public record RejectedEvent(String sessionId, double time, String reason) {}
