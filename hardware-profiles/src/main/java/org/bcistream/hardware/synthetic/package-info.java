/**
 * The synthetic labelled subject: a simulated device in the spirit of BrainFlow's synthetic board whose
 * subject imagines a known sequence of targets, so the whole decoding chain can be trained, tested and
 * benchmarked without hardware. Entry point: {@link org.bcistream.hardware.synthetic.SyntheticSubject}
 * with a {@link org.bcistream.hardware.DeviceProfile} and a
 * {@link org.bcistream.hardware.synthetic.SyntheticSubjectConfig}. The package depends on no other module:
 * it yields plain {@link org.bcistream.hardware.synthetic.SyntheticBlock}s that the streaming module wraps.
 *
 * <h2>Trials</h2>
 * Trial {@code i} is {@code rest} seconds of rest, a {@code CUE} marker, {@code imagery} seconds of imagery
 * of target {@code k_i}, a {@code TRIAL_END} marker, and a pause uniform in {@code [0, jitter]}; all
 * rounded to samples. The targets come in rounds, each a uniformly shuffled permutation of the target set.
 *
 * <h2>EEG model (profiles of modality EEG or SYNTHETIC)</h2>
 * Every neural channel {@code c} at sample {@code n} (rate {@code fs}) carries, in microvolts,
 * <pre>
 * x_c(n) = sum_s B[c,s] p_s(n) + g_c q_c(n)                      1/f background
 *        + sum_r R[c,r] (1 - d[k,r] e(n)) rho_r(n)             alpha, mu, beta with ERD
 *        + [imagery of k] sum_j M[k,j,c] a[k,j] h_kj(n) sin(w_kj n' + phi_j)   target signature
 *        + L_c cos(2 pi f_mains n / fs + psi_c)                  mains
 *        + blink weight_c b(n) + EMG weight_c m(n) v_c(n)        artifacts
 * </pre>
 * <ul>
 *   <li><b>Background.</b> {@code p_s} (4 shared sources) and {@code q_c} (one private source per channel)
 *       are unit-variance 1/f noises: white Gaussian noise through a cascade of first-order pole-zero
 *       sections with poles at 0.5, 1, 2, ... Hz (up to {@code min(0.45 fs, 150 Hz)}) and each zero half an
 *       octave above its pole, so the power falls as {@code 1/f} (within 0.2 dB from 2 to 40 Hz at 250 Hz).
 *       The random mixing {@code B} carries 70 % of each channel's power, {@code g_c} the rest; each
 *       channel's background RMS is 15 microvolts times U(0.8, 1.25).
 *   <li><b>Rhythms.</b> {@code rho_r} are unit-variance resonators (two-pole narrow-band noise) at the
 *       subject's alpha frequency (9 to 11 Hz, bandwidth 1.5 Hz), a mu rhythm 0.5 to 1.5 Hz above it and
 *       a beta rhythm at 18 to 24 Hz (bandwidth 3 Hz), each multiplied by a slow log-normal amplitude
 *       {@code exp(0.5 z - 0.25)} with {@code z} an AR(1) process of 2 s time constant: the rhythms wax and
 *       wane. {@code R} puts alpha on posterior channels ({@code alphaUv} RMS on the most posterior) and
 *       mu (0.6 of it) and beta (0.4 of it) on central channels, positions read from 10-20 labels (else
 *       from channel order, first = frontal).
 *   <li><b>Target signature.</b> Each target {@code k} owns three sources {@code j}: a frequency
 *       {@code w_kj} in 6 to 35 Hz, a Hann envelope {@code h_kj} that starts in the first 40 % of the
 *       imagery window and covers 50 to 100 % of the rest, and a spatial pattern {@code M[k,j,.]} (a fixed
 *       random mixing from the seed, mean square 1 over the channels); {@code n'} counts samples from the
 *       cue; each trial draws its phases {@code phi_j} and log-normal gains (mean square 1). The
 *       amplitudes {@code a[k,j]} make the signature's mean power over the imagery window and the channels
 *       equal to {@code 10^(snrDb/10)} times the mean background power. In addition the target
 *       desynchronises the rhythms: {@code d[k,r] = 0.8 s / (1 + s) U(0.3, 1)} with
 *       {@code s = 10^(snrDb/10)}, applied through {@code e(n)}, which rises over 0.5 s after the cue and
 *       falls over the last 0.5 s of imagery. At very low SNR both vanish and targets become
 *       indistinguishable.
 *   <li><b>Mains.</b> A sinusoid at 50 or 60 Hz, amplitude {@code lineNoiseUv} times U(0.5, 1.5) per
 *       channel, phase spread of 0.3 rad.
 *   <li><b>Blinks.</b> A Poisson process at {@code blinksPerMinute}; each blink is a positive
 *       {@code sin^2} deflection of 100 to 200 microvolts lasting 250 to 400 ms, weighted
 *       {@code 0.05 + 0.95 (1 - y)^2.5} by the channel's frontality ({@code y = 0} frontopolar,
 *       {@code y = 1} occipital).
 *   <li><b>EMG.</b> A Poisson process at {@code emgBurstsPerMinute}; each burst lasts 0.2 to 1 s with a
 *       half-sine envelope peaking at 20 to 50 microvolts RMS of differenced white noise (power rising
 *       with frequency), weighted {@code 0.1 + 0.9 lateral^2} (temporal channels).
 *   <li><b>Auxiliary channels</b> carry plausible values (gravity on accelerometers, counters counting,
 *       trigger levels during imagery; see {@code AuxSignals}) or zeros.
 * </ul>
 * The background and rhythm filters start from 5 s of warm-up, so the first block is already stationary.
 *
 * <h2>Intracortical model (profiles of modality INTRACORTICAL)</h2>
 * Each neural channel is a Poisson unit with a baseline rate {@code b_u} (log-uniform 2 to 20 Hz) at rest;
 * while target {@code k} of {@code K} is imagined, a tuned unit (70 %) fires at
 * {@code b_u exp(kappa_u cos(2 pi k / K - theta_u))} with a preferred angle {@code theta_u} and
 * {@code kappa_u = U(0.5, 1) min(ln(1 + 10^(snrDb/20)), 2)}. No voltages are produced.
 *
 * <h2>Randomness, determinism and state</h2>
 * All randomness comes from commons-rng {@code XO_RO_SHI_RO_128_PP} generators, one per purpose (head
 * model, trials, background, rhythms, artifacts, spikes, auxiliary), seeded from the master seed through a
 * SplitMix64 sequence (see {@code RandomStreams}). The head model is re-derived from the seed; everything
 * that changes while running (sample counter, trial, target round, filter memories, artifact schedules,
 * generator positions) is captured by {@link org.bcistream.hardware.synthetic.SyntheticSubject#snapshot()}
 * as a small, versioned {@link org.bcistream.hardware.synthetic.SyntheticSubjectState}.
 */
package org.bcistream.hardware.synthetic;
