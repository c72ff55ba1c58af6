package org.bcistream.streaming.lsl;

/**
 * One clock-offset estimate of an inlet ({@code lsl_time_correction_ex}).
 *
 * @param correction seconds to add to a remote time stamp to map it into the local clock (local - remote)
 * @param remoteTime the remote clock, in seconds, at the probe the estimate comes from
 * @param uncertainty the round-trip time of that probe in seconds: the estimate is within half of it
 */
public record TimeCorrection(double correction, double remoteTime, double uncertainty) {}
