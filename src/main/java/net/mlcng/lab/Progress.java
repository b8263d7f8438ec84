package net.mlcng.lab;

/** Where the engine reports how far a long operation got (a progress bar, plain lines, or nothing). */
public interface Progress {
    /** A new stage begins with {@code total} steps (0 when it has no countable steps). */
    void stage(String name, int total);

    /** One step of the current stage is done. */
    void step();

    /** The current stage ended. */
    void endStage();

    Progress NONE = new Progress() {
        @Override
        public void stage(String name, int total) {}

        @Override
        public void step() {}

        @Override
        public void endStage() {}
    };
}
