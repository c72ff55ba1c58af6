package org.bcistream.decoders.readout;

/**
 * One cued trial: its class label, the cue's source time, and the mean of the chosen vectors (feature
 * values or latent rates) over the frames inside the trial window.
 *
 * @param sessionId the session
 * @param label the cued class
 * @param cueTime source time of the cue, seconds
 * @param mean the mean vector
 * @param frames how many frames were averaged, {@code >= 1}
 */
public record Trial(String sessionId, String label, double cueTime, double[] mean, int frames) {}
