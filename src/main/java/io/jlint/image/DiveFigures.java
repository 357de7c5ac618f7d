package io.jlint.image;

/**
 * dive's own figures for an image, computed the way dive computes them (see {@link DiveCalculator}), so that a
 * {@code .dive-ci} threshold means the same under jlint.
 *
 * @param efficiency        dive's efficiency score (0..1; 1 for an image with no file bytes)
 * @param wastedBytes       dive's wasted bytes: all copies of every path seen in two or more layers (the surviving
 *                          copy included)
 * @param sizeBytes         the sum of the layers' sizes (sum of tar header sizes)
 * @param userSizeBytes     the same without the first layer
 * @param wastedUserPercent wastedBytes / userSizeBytes as a fraction; null when userSizeBytes is 0 (dive then
 *                          shows +Inf or NaN)
 */
public record DiveFigures(double efficiency, long wastedBytes, long sizeBytes, long userSizeBytes,
                          Double wastedUserPercent) {
}
