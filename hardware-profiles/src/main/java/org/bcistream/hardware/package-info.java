/**
 * Device profiles: what the engine knows about each supported acquisition device (EEG headsets and
 * amplifiers, intracortical systems, synthetic boards) and how to find the profile for a stream.
 *
 * <ul>
 *   <li>{@link org.bcistream.hardware.DeviceProfile} is one device: the channels of its primary stream in
 *       stream order (with {@link org.bcistream.hardware.ChannelType types} that separate neural from
 *       auxiliary channels), sampling rates in hertz, ADC step in microvolts, hardware reference, transport,
 *       LSL naming, device latency in milliseconds, recommended mains notch, and which values are still
 *       unverified, with their sources.</li>
 *   <li>{@link org.bcistream.hardware.DeviceProfiles} is a registry: the built-in profiles shipped as JSON
 *       resources, user profile files (strictly validated; errors name the file, JSON path, line and
 *       column), or both.</li>
 *   <li>{@link org.bcistream.hardware.LslMatcher} ranks profiles against an
 *       {@link org.bcistream.hardware.LslStreamDescription} and picks the single best one or explains why
 *       there is none.</li>
 * </ul>
 *
 * <p>The JSON format, the table of built-in profiles and the sources behind every number are in
 * {@code docs/devices.md}; each profile lists its source keys and the fields no source confirms.
 */
package org.bcistream.hardware;
