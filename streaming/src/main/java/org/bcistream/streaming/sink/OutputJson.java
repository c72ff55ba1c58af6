package org.bcistream.streaming.sink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.bcistream.decoders.record.DecodedOutput;
import org.bcistream.decoders.record.FeatureFrame;
import org.bcistream.decoders.record.LatencyBreakdown;
import org.bcistream.decoders.record.LatentFrame;
import org.bcistream.decoders.record.MarkerEvent;
import org.bcistream.decoders.record.SessionOutput;
import org.bcistream.streaming.job.RejectedEvent;

/**
 * The JSON-lines form of pipeline outputs. One object per line, fields in a fixed order, numbers in Java's
 * shortest round-trip form, so equal outputs give byte-identical files. Wall-clock fields (ingest
 * instants) are left out for the same reason.
 *
 * <pre>
 * {"type":"frame","session":"sim-1","index":0,"t":1.0,"rows":8,"cols":4,"values":[...]}
 * {"type":"marker","session":"sim-1","t":2.5,"kind":"CUE","label":"A"}
 * {"type":"latent","session":"sim-1","index":0,"t":1.0,"F":12.5,"r2":0.61,"rates":[...],"spikes":[...]}
 * </pre>
 */
public final class OutputJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private OutputJson() {}

    /** The JSON line (without newline) of an output. */
    public static String line(SessionOutput output) {
        if (output.frame() != null) {
            return frame(output.frame());
        }
        if (output.marker() != null) {
            return marker(output.marker());
        }
        return output.latent() != null ? latent(output.latent()) : decoded(output.decoded());
    }

    /** The JSON line of a feature frame. */
    public static String frame(FeatureFrame f) {
        StringWriter text = new StringWriter(64 + 12 * f.rows() * f.columns());
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            g.writeStartObject();
            g.writeStringField("type", "frame");
            g.writeStringField("session", f.sessionId());
            g.writeNumberField("index", f.index());
            g.writeNumberField("t", f.frameTime());
            g.writeNumberField("rows", f.rows());
            g.writeNumberField("cols", f.columns());
            g.writeArrayFieldStart("values");
            for (int r = 0; r < f.rows(); r++) {
                for (int c = 0; c < f.columns(); c++) {
                    g.writeNumber(f.value(r, c));
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** The JSON line of a latent frame: free energy {@code F} (nats), reconstruction {@code r2}, rates and spike counts. */
    public static String latent(LatentFrame l) {
        StringWriter text = new StringWriter(96 + 16 * l.latentCount());
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            g.writeStartObject();
            g.writeStringField("type", "latent");
            g.writeStringField("session", l.sessionId());
            g.writeNumberField("index", l.index());
            g.writeNumberField("t", l.frameTime());
            g.writeNumberField("F", l.freeEnergy());
            g.writeNumberField("r2", l.reconstructionR2());
            g.writeArrayFieldStart("rates");
            for (float r : l.rates()) {
                g.writeNumber(r);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("spikes");
            for (int c : l.spikeCounts()) {
                g.writeNumber(c);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * The JSON line of a decoded output: its number and target, kind, status (generated, or why not), generator steps, budget (ms), whether the deadline was met, the
     * latency of each instant after acquisition (ms) and the payload in base64 (PNG, or 16-bit little-endian PCM).
     * The latencies are wall-clock measurements, so these lines differ between runs.
     */
    public static String decoded(DecodedOutput d) {
        StringWriter text = new StringWriter(256 + d.payload().length * 4 / 3);
        LatencyBreakdown l = d.latency();
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            g.writeStartObject();
            g.writeStringField("type", "decoded");
            g.writeStringField("session", d.sessionId());
            g.writeNumberField("index", d.index());
            g.writeStringField("target", d.target());
            g.writeStringField("kind", d.kind().name());
            g.writeStringField("status", d.status().name());
            g.writeNumberField("steps", d.generatorSteps());
            g.writeNumberField("budgetMs", d.budgetNanos() / 1e6);
            g.writeBooleanField("deadlineMet", d.deadlineMet());
            g.writeObjectFieldStart("latencyMs");
            g.writeNumberField("ingest", (l.ingestNanos() - l.acquisitionNanos()) / 1e6);
            g.writeNumberField("latent", (l.latentNanos() - l.acquisitionNanos()) / 1e6);
            g.writeNumberField("generated", (l.generatedNanos() - l.acquisitionNanos()) / 1e6);
            g.writeNumberField("emitted", (l.emittedNanos() - l.acquisitionNanos()) / 1e6);
            g.writeEndObject();
            g.writeStringField("payload", java.util.Base64.getEncoder().encodeToString(d.payload()));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** The JSON line of a marker. */
    public static String marker(MarkerEvent m) {
        StringWriter text = new StringWriter(96);
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            g.writeStartObject();
            g.writeStringField("type", "marker");
            g.writeStringField("session", m.sessionId());
            g.writeNumberField("t", m.timestamp());
            g.writeStringField("kind", m.kind().name());
            g.writeStringField("label", m.label());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** The JSON line of a refused input event. */
    public static String rejected(RejectedEvent r) {
        StringWriter text = new StringWriter(128);
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            g.writeStartObject();
            g.writeStringField("type", "rejected");
            g.writeStringField("session", r.sessionId());
            g.writeNumberField("t", r.time());
            g.writeStringField("reason", r.reason());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
