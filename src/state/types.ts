import type { BackendName, BackendReport } from '../model/backendTypes';
import type { EmbedResult } from '../model/embedPipeline';
import type { Evaluation, ScoreMetric } from '../metrics/evaluateEmbeddings';
import type { PairFilter, PairOrder } from '../diagnostics/listPairs';
import type { Embedder } from '../workers/embed.client';
import type { Evaluator } from '../workers/metrics.client';
import type { Flag } from '../diagnostics/flags';
import type { CounterfactualResult } from '../workers/protocol';
import type { InputServices, InputSlice } from './inputTypes';
import type { ScoresTableView } from './scoresRun';
import type { PairListFormat } from '../io/pairListDrop';

export interface DatasetImage {
  /** URL the browser loads the image from. */
  url: string;
  /** Path as the user knows it (class folder / file). */
  path: string;
  label: number;
  /** The dropped file (absent for the demo's served images): read directly, not through its URL. */
  file?: Blob;
}

/**
 * The pairs a dataset is evaluated on when it is not every pair i < j: a pair
 * list the user dropped, or a seeded sample of class-folder pairs. Pair k is
 * (images[a[k]], images[b[k]]) with label labels[k] (1 = same).
 */
export interface DatasetPairs {
  a: Uint32Array;
  b: Uint32Array;
  labels: Uint8Array;
  origin: PairListOrigin | PairSampleOrigin;
}

export interface PairListOrigin {
  kind: 'list';
  /** The list file as dropped, and its format. */
  file: string;
  format: PairListFormat;
  /** 1-based list line of each pair. */
  line: Uint32Array;
  /** Pairs of the list left out (a bad line, a missing image). */
  skippedPairs: number;
  /** false: the labels are as listed and the images' classes are unknown (class confusion is not shown). */
  classesKnown: boolean;
  classesNote: string;
  /** What the drop said was left out of the list (missing images, bad lines), one line each, shown with the results too. */
  problems?: string[];
  /** What was kept but read with an assumption (repeated pairs, a header that does not match), likewise. */
  notes?: string[];
}

export interface PairSampleOrigin {
  kind: 'sample';
  seed: number;
  negativeRatio: number;
  /** The all-pairs limit the set went over. */
  limit: number;
  allPositives: number;
  allNegatives: number;
  /** Past maxPositives the positives are sampled too. */
  positivesSampled: boolean;
}

export interface Dataset {
  name: string;
  classes: string[];
  images: DatasetImage[];
  /** When a subset was taken (?limit=), how many images the full set has. */
  subsetOf?: number;
  /** Evaluate these pairs only (absent: every pair i < j, labelled by class). */
  pairs?: DatasetPairs;
}

export interface ModelInfo {
  name: string;
  url: string;
  /** What identifies the model's embeddings: its weights hash and output (a dropped model), its URL (the demo); absent without a model. */
  key?: string;
}

export type RunStatus = 'idle' | 'loading' | 'backend' | 'embedding' | 'scoring' | 'ready' | 'error' | 'cancelled';

export interface Progress {
  done: number;
  total: number;
  startedAt: number;
  /** performance.now() of the latest update */
  updatedAt: number;
}

export interface Timings {
  backendSeconds: number;
  embedSeconds: number;
  scoreSeconds: number;
  totalSeconds: number;
}

export type DemoVariant = 'clean' | 'noisy';

export interface RunOptions {
  /** 'noisy': the demo set plus planted cross-class byte duplicates (public/demo/manifest-noisy.json). */
  variant?: DemoVariant;
  /** Evenly spread subset of this many images (for slow backends). */
  limit?: number;
  backend?: BackendName;
}

export interface RunSlice {
  status: RunStatus;
  stageDetail: string;
  progress: Progress | null;
  backend: BackendReport | null;
  /** What failed or was skipped (an image, a file, a session), each naming the file and the fix: shown as alerts. */
  errors: string[];
  /** What was read with an assumption or is worth knowing, nothing lost (16-bit images reduced, float64 read as float32, a session's differences): shown as notes. */
  notes: string[];
  dataset: Dataset | null;
  model: ModelInfo | null;
  embedding: EmbedResult | null;
  /** The run's scores table (rows named by line, with or without a, b names); null for other runs. */
  scoresTable: ScoresTableView | null;
  timings: Timings | null;
  runDemo(opts?: RunOptions): Promise<void>;
  /** Runs the dropped model over the dropped class folders or pair list (same path as the demo; a list embeds only the images it names). */
  runUserData(opts?: RunOptions): Promise<void>;
  /** Runs the last run again (demo or the user's data). */
  rerun(opts?: RunOptions): Promise<void>;
  /** Stops any run and goes back to the start page (the dropped model and data stay). */
  backToStart(): void;
  cancel(): void;
  dismissError(index: number): void;
  dismissNote(index: number): void;
}

export type CurveAxis = 'linear' | 'log' | 'rank';

export interface CurveSlice {
  evaluation: Evaluation | null;
  metric: ScoreMetric;
  /** x axis: recall (linear or log) or rank (top-k pairs, log). */
  axis: CurveAxis;
  /** Zoomed x range in the axis' units, or null for the whole curve. */
  zoom: [number, number] | null;
  setAxis(axis: CurveAxis): void;
  setZoom(zoom: [number, number] | null): void;
  setMetric(metric: ScoreMetric): Promise<void>;
}

export interface SelectionSlice {
  /** Selected curve index (scikit-learn order): the lower end of the selected stretch, or null. */
  selectedIdx: number | null;
  /** Upper end of a brushed stretch (a higher curve index), or null when the stretch starts at the top of the ranking. */
  stretchTopIdx: number | null;
  /** Selects the stretch of the ranking between two curve points (brush). */
  selectStretch(topIdx: number, endIdx: number): void;
  filter: PairFilter;
  order: PairOrder;
  select(idx: number | null): void;
  setFilter(filter: PairFilter): void;
  setOrder(order: PairOrder): void;
}

export interface DiagnosticsSlice {
  /** What the user marked: excluded pairs/images, label errors, relabelled images. */
  flags: Flag[];
  /** The curve replayed with the flags applied (null without flags). */
  counterfactual: CounterfactualResult | null;
  addFlag(flag: Flag): void;
  /** Adds each flag not already there, then replays the curve once. */
  addFlags(flags: Flag[]): void;
  removeFlag(index: number): void;
  clearFlags(): void;
  /** Recomputes the counterfactual from the current evaluation and flags (latest request wins). */
  replay(): Promise<void>;
  /** Adds a session file's flags to the user's and applies its view, with one note on what applied and what differs; a session for other data is refused and nothing changes (with `restore`, only flags that could not be restored are noted). */
  importSession(text: string, opts?: { restore?: boolean }): Promise<void>;
}

export type AppState = RunSlice & CurveSlice & SelectionSlice & DiagnosticsSlice & InputSlice;

/** Services are injected so tests can build a store with fakes. */
export interface Services {
  embedder: Embedder;
  evaluator: Evaluator;
  fetchJson(url: string): Promise<unknown>;
  /** Base URL the demo files are served under (the app's own origin and path). */
  baseUrl: string;
  now(): number;
  /** Reading and inspecting the user's drops (absent in tests that do not drop files). */
  inputs?: InputServices;
}
