/**
 * Model bundles: how trained models (iP-VAE, DDIM image and speech generators) are stored, shared and
 * loaded, with no Java serialisation anywhere.
 *
 * <ul>
 *   <li>{@link org.bcistream.models.bundle.ModelBundle}: a directory or zip holding {@code model.json} (kind,
 *       format version, hyper-parameters, tensor shapes, weights checksum, provenance) and
 *       {@code weights.safetensors}; versioned, and old versions stay loadable (golden files in the tests).
 *   <li>{@link org.bcistream.models.bundle.Safetensors} and {@link org.bcistream.models.bundle.Tensor}: a pure
 *       Java reader and writer of the safetensors format (F32, F64, I32, I64), readable by PyTorch users.
 *   <li>{@link org.bcistream.models.bundle.HyperParameters} and {@link org.bcistream.models.bundle.Provenance}:
 *       what each kind configures, and the seed, data fingerprint and command that trained the weights.
 *   <li>{@link org.bcistream.models.bundle.NpyArray}: import of 1-D and 2-D NumPy {@code .npy} arrays, for
 *       example a dictionary trained elsewhere.
 * </ul>
 *
 * <p>Every reader treats its input as hostile: sizes are bounded and checked before memory is allocated,
 * and anything malformed, inconsistent or tampered with raises a
 * {@link org.bcistream.models.bundle.BundleFormatException} naming the file, the field or tensor, and the
 * numbers. All types are immutable and thread-safe.
 */
package org.bcistream.models.bundle;
