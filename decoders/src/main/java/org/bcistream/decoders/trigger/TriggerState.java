package org.bcistream.decoders.trigger;

/**
 * One session's trigger state, a Flink POJO kept in keyed state: the open window's rate sums, the recent
 * frames of a cadence, the settledness count of a confidence trigger, and the session's generation count.
 * Created by {@link TriggerStage#newState()}; only the stage changes it.
 */
public final class TriggerState {
    private long requests;
    private String target;
    private double openedAt;
    private boolean open;
    private float[] rateSums;
    private int frames;
    private long newestIngestNanos;
    private float[] recent;
    private int recentCount;
    private int recentNext;
    private long framesSinceRequest;
    private double lastFreeEnergy;
    private boolean armed;

    /** For Flink's POJO serializer; use {@link TriggerStage#newState()}. */
    public TriggerState() {}

    public long getRequests() {
        return requests;
    }

    public void setRequests(long requests) {
        this.requests = requests;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public double getOpenedAt() {
        return openedAt;
    }

    public void setOpenedAt(double openedAt) {
        this.openedAt = openedAt;
    }

    public boolean isOpen() {
        return open;
    }

    public void setOpen(boolean open) {
        this.open = open;
    }

    public float[] getRateSums() {
        return rateSums;
    }

    public void setRateSums(float[] rateSums) {
        this.rateSums = rateSums;
    }

    public int getFrames() {
        return frames;
    }

    public void setFrames(int frames) {
        this.frames = frames;
    }

    public long getNewestIngestNanos() {
        return newestIngestNanos;
    }

    public void setNewestIngestNanos(long newestIngestNanos) {
        this.newestIngestNanos = newestIngestNanos;
    }

    public float[] getRecent() {
        return recent;
    }

    public void setRecent(float[] recent) {
        this.recent = recent;
    }

    public int getRecentCount() {
        return recentCount;
    }

    public void setRecentCount(int recentCount) {
        this.recentCount = recentCount;
    }

    public int getRecentNext() {
        return recentNext;
    }

    public void setRecentNext(int recentNext) {
        this.recentNext = recentNext;
    }

    public long getFramesSinceRequest() {
        return framesSinceRequest;
    }

    public void setFramesSinceRequest(long framesSinceRequest) {
        this.framesSinceRequest = framesSinceRequest;
    }

    public double getLastFreeEnergy() {
        return lastFreeEnergy;
    }

    public void setLastFreeEnergy(double lastFreeEnergy) {
        this.lastFreeEnergy = lastFreeEnergy;
    }

    public boolean isArmed() {
        return armed;
    }

    public void setArmed(boolean armed) {
        this.armed = armed;
    }
}
