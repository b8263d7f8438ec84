package net.mlcng.hostnet;

/**
 * Impairment of frames a shared-medium bridge forwards from port {@code in} to port {@code out}:
 * a loss in per mille (0: none), all of them dropped when {@code down}, and a rate limit
 * ({@code rateBitsPerSecond}, null: none) enforced by htb class {@code 1:rateClass} on {@code out}'s
 * egress (rateClass unique per lab, 1..0xffff; 0 when there is no rate).
 */
public record PairImpairment(String in, String out, int lossPerMille, boolean down, Long rateBitsPerSecond, int rateClass) {
    public boolean drops() {
        return down || lossPerMille > 0;
    }
}
