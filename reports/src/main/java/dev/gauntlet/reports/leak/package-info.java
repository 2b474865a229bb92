/**
 * The leak detector: memory against tasks served, fitted by least squares, gives a leak rate in MB per task
 * (per inference) with a confidence interval; across restarts, one slope shared by the segments between them. See
 * {@link dev.gauntlet.reports.leak.LeakDetector}.
 */
package dev.gauntlet.reports.leak;
