import type { Results } from "../goals.js";
import type { BenchSettings } from "../settings.js";

export interface MeasureOutcome {
  values: Partial<Results>;
  /** Context lines printed under the table (how the figure came about, comparisons). */
  notes: string[];
}

export interface Measure {
  /** Short name used by `--only`. */
  name: string;
  /** The result keys this measure fills. */
  keys: readonly (keyof Results)[];
  run(settings: BenchSettings): Promise<MeasureOutcome>;
}
