/**
 * Samples the process's resident set size. RSS is what the operating system charges the
 * process, so it includes the V8 heap, buffers and native memory alike.
 */
export interface RssSampler {
  /** Takes one sample now (call it at points of interest, e.g. after each page). */
  sample(): void;
  /** Stops the background timer and returns baseline, peak and growth in bytes. */
  stop(): RssSummary;
}

export interface RssSummary {
  baselineBytes: number;
  peakBytes: number;
  /** Peak minus baseline, never negative. */
  growthBytes: number;
  samples: number;
}

/**
 * Starts sampling: the baseline is taken at once, then a sample every `intervalMs` (the timer is
 * unref'd so it never keeps the process alive) and whenever `sample()` is called.
 */
export function startRssSampler(options: { intervalMs?: number; read?: () => number } = {}): RssSampler {
  const read = options.read ?? (() => process.memoryUsage.rss());
  const baselineBytes = read();
  let peakBytes = baselineBytes;
  let samples = 1;
  const sample = () => {
    const value = read();
    samples += 1;
    if (value > peakBytes) peakBytes = value;
  };
  const timer = setInterval(sample, options.intervalMs ?? 20);
  timer.unref();
  return {
    sample,
    stop() {
      clearInterval(timer);
      sample();
      return { baselineBytes, peakBytes, growthBytes: Math.max(0, peakBytes - baselineBytes), samples };
    },
  };
}

export const MB = 1024 * 1024;
