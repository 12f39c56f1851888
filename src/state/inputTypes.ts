import type { DroppedFile } from '../io/dropFiles';
import type { DataInspection } from '../io/dataDrop';
import type { ModelInspection } from '../model/inspectModel';
import type { Preprocessing } from '../model/preprocess';
import type { PreprocessPreview } from '../model/preprocessPreview';

/** What can be handed to a drop action: a drop event's DataTransfer, an input's FileList, or files. */
export type DropSource = DataTransfer | FileList | readonly File[];

export type ModelDropView =
  | { status: 'reading'; detail: string }
  | { status: 'error'; message: string }
  | { status: 'inspected'; inspection: ModelInspection };

/** One validation image after the current preprocessing (what the model will receive). */
export type PreviewView = { status: 'ready'; path: string; image: PreprocessPreview } | { status: 'error'; path: string; message: string };

export type DataDropView =
  | { status: 'reading'; detail: string }
  | { status: 'error'; message: string }
  /** `combined`: this drop was read together with the previous one (a list and its images in two drops), and how. */
  | { status: 'inspected'; inspection: DataInspection; combined?: string };

/**
 * How class folders are paired: every pair while there are at most `limit`;
 * above it, every positive pair plus a seeded sample of `negativeRatio`
 * negatives per positive (io/classPairs.ts).
 */
export interface PairSampling {
  limit: number;
  negativeRatio: number;
  seed: number;
}

/**
 * 2,000,000 pairs (≈ 2,000 images): all pairs cost ~13 bytes each in the
 * metrics worker (float32 score, uint8 label, uint32 rank, sort scratch), so
 * ~26 MB and well under a second to score and sort (bench in the pairs
 * branch report); past it, all positives + 10 negatives per positive keeps
 * every positive while the pair count grows with the positives, not with n².
 */
export const DEFAULT_PAIR_SAMPLING: PairSampling = { limit: 2_000_000, negativeRatio: 10, seed: 1 };

/** The user's own model and validation set, before a run. */
export interface InputSlice {
  /** Pairing of class folders (sampling past the limit). */
  pairSampling: PairSampling;
  setPairSampling(p: Partial<PairSampling>): void;
  modelDrop: ModelDropView | null;
  dataDrop: DataDropView | null;
  /** Preprocessing the run will use for the dropped model (as read from it, or as the user edited it). */
  preprocessing: Preprocessing | null;
  /** The model takes any input size and the user has not yet set or confirmed one (nothing remembered either): the run waits for it. */
  sizeToConfirm: boolean;
  /** The first validation image after `preprocessing` (null until both a model and images are dropped). */
  preview: PreviewView | null;
  /** The output the run embeds with (one of the ready model's outputs): its default, or the user's pick remembered for this model. */
  modelOutput: string | null;
  /** Call synchronously inside a `drop` handler (the DataTransfer is emptied after it returns). */
  dropModel(src: DropSource): Promise<void>;
  /** Applies one of a 'choose' plan's offers (M1 L2-normalise in the app, M2 use the shared tower) and inspects again. */
  chooseModelOffer(id: string): Promise<void>;
  dropData(src: DropSource): Promise<void>;
  /** Edits the preprocessing; remembered for this model (by its hash). */
  setPreprocessing(p: Preprocessing): void;
  /** Back to the model's own preprocessing. */
  resetPreprocessing(): void;
  /** Picks the output to embed with (a model with several); remembered for this model (by its hash). */
  setModelOutput(name: string): void;
  /** What the last cache action did (shown next to the control), or null. */
  cacheNote: string | null;
  /** Deletes every stored embedding (all models). */
  clearEmbeddingCache(): Promise<void>;
}

/** Browser adapters the input slice needs (injected; tests pass fakes). */
export interface InputServices {
  fromDataTransfer(dt: DataTransfer): Promise<DroppedFile[]>;
  fromList(list: FileList | readonly File[]): DroppedFile[];
  inspectModel(files: readonly DroppedFile[]): Promise<ModelInspection>;
  /** Applies the offer `id` of a 'choose' inspection and inspects the result. */
  applyOffer(inspection: Extract<ModelInspection, { kind: 'choose' }>, id: string): Promise<ModelInspection>;
  inspectData(files: readonly DroppedFile[]): Promise<DataInspection>;
  /** Decodes `file` and preprocesses it as the run would. */
  previewImage(file: File, p: Preprocessing): Promise<PreprocessPreview>;
  /** Stored preprocessing for a model hash, or null. */
  loadPreprocessing(modelHash: string): Preprocessing | null;
  savePreprocessing(modelHash: string, p: Preprocessing | null): void;
  /** Stored output choice for a model hash, or null. */
  loadOutput(modelHash: string): string | null;
  saveOutput(modelHash: string, output: string | null): void;
  clearEmbeddingCache(): Promise<void>;
  /** A blob: URL for a file (revoked with revokeUrl when its dataset is replaced). */
  objectUrl(file: Blob): string;
  revokeUrl(url: string): void;
}
