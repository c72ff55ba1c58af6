/**
 * Trial-level readouts for evaluation: per-trial mean feature or latent vectors cut from a session's
 * outputs around its cue markers ({@link org.bcistream.decoders.readout.TrialSet}), and a shrinkage linear
 * discriminant ({@link org.bcistream.decoders.readout.ShrinkageLda}) that maps them to classes.
 */
package org.bcistream.decoders.readout;
