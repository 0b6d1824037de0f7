package dev.cdm.kernel.matching;

/**
 * Fellegi-Sunter probabilities of one field. {@code m}: the field agrees given a true match; {@code u}: it agrees
 * by chance between two different people; {@code partialM}/{@code partialU}: the same for a partial agreement.
 * Weights are log2 likelihood ratios; a missing value weighs 0.
 */
public record FieldWeight(double m, double u, double partialM, double partialU) {

    public FieldWeight {
        if (m <= 0 || u <= 0 || m + partialM >= 1 || u + partialU >= 1 || partialM < 0 || partialU < 0) {
            throw new IllegalArgumentException("probabilities must be in (0, 1) and sum below 1");
        }
    }

    public double weight(Outcome outcome) {
        return switch (outcome) {
            case AGREE -> log2(m / u);
            case PARTIAL -> partialM == 0 || partialU == 0 ? 0 : log2(partialM / partialU);
            case DISAGREE -> log2((1 - m - partialM) / (1 - u - partialU));
            case MISSING -> 0;
        };
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
