package org.backprop.workbench.bench;

/**
 * What {@link GradientBenchmark} measured, in seconds of wall-clock time on this machine.
 *
 * @param network                the network, as {@code Network.describe()}
 * @param samples                m
 * @param numbers                numbers in the exhaustive check (every δ, bias and weight)
 * @param naiveSeconds           the naive check of every number (two full forward passes each); extrapolated from a
 *                               stratified sample when {@code naiveExtrapolated}
 * @param incrementalSeconds     the incremental check of every number, all cores
 * @param speedup                naiveSeconds / incrementalSeconds
 * @param oneThreadSeconds       the incremental check on one thread
 * @param allThreadsSeconds      the incremental check on {@code threads} threads (= incrementalSeconds)
 * @param parallelSpeedup        oneThreadSeconds / allThreadsSeconds
 * @param coresObtained          CPU seconds per wall-clock second of the process during the all-threads run: near
 *                               the thread count on an idle machine, near 1 when other work holds the other cores
 * @param oneThreadCpuSeconds    CPU time of the one-thread run
 * @param allThreadsCpuSeconds   CPU time of the all-threads run: equal to the one-thread CPU time when splitting the
 *                               work over threads adds none
 * @param maxRelDifference       normwise relative difference of the naive and incremental numerical values over the
 *                               numbers both computed: max |naive − incremental| / max |naive|
 * @param maxElementwiseRelDifference the largest difference number by number, measured as the checks measure
 *                               errors ({@code Thresholds.relativeError} with the network's cost); near its floor it
 *                               is the rounding noise of the difference quotients, ulp(C)/2ε divided by the floor
 * @param maxAbsDifference       the largest |naive − incremental|
 * @param noise                  ulp(C) / 2ε, the change of a central difference when C moves by one unit in the last
 *                               place
 * @param threads                the threads of the all-cores run
 * @param naiveExtrapolated      true if the naive side ran on a sample and was extrapolated
 * @param naiveNumbers           the numbers the naive side actually checked
 * @param naiveMeasuredSeconds   the time of those
 * @param smoothNetwork          the network of the method comparison (all analytic, so the complex step applies)
 * @param centralSeconds         the incremental check of the smooth network by central differences
 * @param complexStepSeconds     the same by the complex step
 * @param complexToCentral       complexStepSeconds / centralSeconds
 * @param centralMedianRelError  median relative error of central differences on the smooth network
 * @param complexMedianRelError  median relative error of the complex step on the smooth network
 * @param totalSeconds           the whole benchmark, warm-up included
 */
public record BenchResult(String network, int samples, long numbers,
                          double naiveSeconds, double incrementalSeconds, double speedup,
                          double oneThreadSeconds, double allThreadsSeconds, double parallelSpeedup, double coresObtained,
                          double oneThreadCpuSeconds, double allThreadsCpuSeconds,
                          double maxRelDifference, double maxElementwiseRelDifference, double maxAbsDifference,
                          double noise, int threads, boolean naiveExtrapolated, long naiveNumbers,
                          double naiveMeasuredSeconds, String smoothNetwork, double centralSeconds,
                          double complexStepSeconds, double complexToCentral, double centralMedianRelError,
                          double complexMedianRelError, double totalSeconds) {
}
