/**
 * Image → model input, as pure functions over pixel bytes.
 *
 * Normalisation presets follow Keras' `imagenet_utils.preprocess_input` modes:
 *  - 'unit':  x / 255                      → [0, 1]
 *  - 'tf':    x / 127.5 − 1                → [−1, 1]
 *  - 'caffe': RGB→BGR, minus ImageNet mean (103.939, 116.779, 123.68), no scaling
 *  - 'torch': x / 255, minus mean (0.485, 0.456, 0.406), divided by std (0.229, 0.224, 0.225)
 *  - 'raw':   x (0–255)
 */
import { inputLayout, preparedShape } from './inputLayout';

export type Normalization = 'unit' | 'tf' | 'caffe' | 'torch' | 'raw';
export type ChannelOrder = 'rgb' | 'bgr';
export type ResizeMode = 'stretch' | 'crop' | 'letterbox';

export interface Preprocessing {
  width: number;
  height: number;
  channels: 1 | 3;
  normalization: Normalization;
  channelOrder: ChannelOrder;
  /** How images are fitted to width × height (absent: 'stretch'). */
  resize?: ResizeMode;
}

const NORMALIZATIONS: readonly Normalization[] = ['unit', 'tf', 'caffe', 'torch', 'raw'];

/**
 * Reads preprocessing from the model's input shape ([batch, H, W, C], NHWC as
 * tfjs uses) and, where present, Dipscope's user-defined metadata
 * (`{dipscope: {preprocessing: {...}}}`, written by scripts/train-demo-model.ts).
 * Throws when the shape is not an image input.
 */
export function preprocessingFromModel(inputShape: readonly (number | null)[], metadata?: unknown, dtype?: string): Preprocessing {
  return readPreprocessing(inputShape, metadata, dtype).preprocessing;
}

/**
 * Where the model's preprocessing came from: 'metadata' when the model states
 * its normalisation (`userDefinedMetadata.dipscope.preprocessing.normalization`),
 * 'default' when the normalisation is Dipscope's guess ([0, 1]) — size and
 * channels from the input shape alone do not say how pixels were scaled.
 */
export type PreprocessingSource = 'metadata' | 'default';

/**
 * preprocessingFromModel, and whether the model stated it (see
 * PreprocessingSource). The input shape may be any layout inputLayout knows
 * (NHWC, channels-first, no channel axis, a flat vector of a square image);
 * an integer input (a graph model taking uint8/int32 pixels) defaults to raw
 * 0–255 values. Throws InputShapeError for inputs that are not images.
 */
export function readPreprocessing(
  inputShape: readonly (number | null)[],
  metadata?: unknown,
  dtype?: string,
): {
  preprocessing: Preprocessing;
  source: PreprocessingSource;
  /** Height and width are fixed by the input shape or stated in the metadata (else 224 × 224 is a guess the user must confirm). */
  sizeStated: boolean;
  /** Metadata fields that were there but not usable (named with their value and what is allowed). */
  metadataProblems: string[];
} {
  const layout = inputLayout(inputShape);
  const [, h, w] = preparedShape(layout);
  const meta = readMeta(metadata);
  const height = h ?? meta.size?.[0] ?? 224;
  const width = w ?? meta.size?.[1] ?? 224;
  const channels = layout.channels ?? (meta.channels === 1 ? 1 : 3);
  return {
    preprocessing: {
      width,
      height,
      channels,
      normalization: meta.normalization ?? (dtype !== undefined && /int/.test(dtype) ? 'raw' : 'unit'),
      channelOrder: meta.channelOrder ?? (meta.normalization === 'caffe' ? 'bgr' : 'rgb'),
    },
    source: meta.normalization ? 'metadata' : 'default',
    sizeStated: (h !== null && w !== null) || meta.size !== undefined,
    metadataProblems: meta.problems,
  };
}

interface MetaPreprocessing {
  size?: [number, number];
  channels?: 1 | 3;
  normalization?: Normalization;
  channelOrder?: ChannelOrder;
  /** Fields that are there but unusable, each said with the value and what is allowed (they are then not used). */
  problems: string[];
}

/** Largest input side read from metadata (a typo of 22400 must not allocate gigapixel batches). */
const MAX_META_SIDE = 4096;

/**
 * `userDefinedMetadata.dipscope.preprocessing`: each field read when valid;
 * an invalid one is left out (the default or the user's choice applies, and
 * a model-free size is asked for) and named in `problems`, so a model that
 * believes it states its preprocessing is never silently read otherwise.
 */
function readMeta(metadata: unknown): MetaPreprocessing {
  const p = (metadata as { dipscope?: { preprocessing?: Record<string, unknown> } } | undefined)?.dipscope?.preprocessing;
  const out: MetaPreprocessing = { problems: [] };
  if (!p || typeof p !== 'object') return out;
  const bad = (field: string, value: unknown, allowed: string) => out.problems.push(`dipscope.preprocessing.${field} is ${JSON.stringify(value)}, not ${allowed}: not used`);
  const side = (v: unknown) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_META_SIDE;
  if (p.size !== undefined) {
    if (Array.isArray(p.size) && p.size.length === 2 && p.size.every(side)) out.size = [p.size[0] as number, p.size[1] as number];
    else bad('size', p.size, `[height, width] in whole pixels from 1 to ${MAX_META_SIDE}`);
  }
  if (p.channels !== undefined) {
    if (p.channels === 1 || p.channels === 3) out.channels = p.channels;
    else bad('channels', p.channels, '1 or 3');
  }
  if (p.normalization !== undefined) {
    if (typeof p.normalization === 'string' && (NORMALIZATIONS as readonly string[]).includes(p.normalization)) out.normalization = p.normalization as Normalization;
    else bad('normalization', p.normalization, `one of ${NORMALIZATIONS.join(', ')}`);
  }
  if (p.channelOrder !== undefined) {
    if (p.channelOrder === 'rgb' || p.channelOrder === 'bgr') out.channelOrder = p.channelOrder;
    else bad('channelOrder', p.channelOrder, 'rgb or bgr');
  }
  return out;
}

const CAFFE_MEAN_BGR = [103.939, 116.779, 123.68];
const TORCH_MEAN = [0.485, 0.456, 0.406];
const TORCH_STD = [0.229, 0.224, 0.225];

/**
 * Writes one image into `out` at `offset` as [H, W, C] float32.
 * `rgba` is width·height·4 bytes (as ImageData gives). Alpha is ignored — a fully
 * transparent pixel keeps its colour (case I1). One channel = ITU-R BT.601 luma.
 */
export function rgbaToInput(rgba: ArrayLike<number>, p: Preprocessing, out: Float32Array, offset: number): void {
  const n = p.width * p.height;
  if (rgba.length !== n * 4) throw new Error(`expected ${n * 4} RGBA bytes for ${p.width}×${p.height}, got ${rgba.length}`);
  const norm = normalizer(p);
  if (p.channels === 1) {
    for (let i = 0; i < n; i++) {
      const y = 0.299 * rgba[4 * i] + 0.587 * rgba[4 * i + 1] + 0.114 * rgba[4 * i + 2];
      out[offset + i] = norm(y, 0);
    }
    return;
  }
  const bgr = p.channelOrder === 'bgr';
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < 3; c++) {
      const src = bgr ? 2 - c : c; // output channel c reads B,G,R when bgr
      out[offset + 3 * i + c] = norm(rgba[4 * i + src], c);
    }
  }
}

function normalizer(p: Preprocessing): (v: number, outChannel: number) => number {
  switch (p.normalization) {
    case 'unit':
      return (v) => v / 255;
    case 'tf':
      return (v) => v / 127.5 - 1;
    case 'raw':
      return (v) => v;
    case 'caffe': {
      // Mean is per *output* channel in BGR order (Keras caffe mode).
      const mean = p.channels === 1 ? [(CAFFE_MEAN_BGR[0] + CAFFE_MEAN_BGR[1] + CAFFE_MEAN_BGR[2]) / 3] : p.channelOrder === 'bgr' ? CAFFE_MEAN_BGR : [...CAFFE_MEAN_BGR].reverse();
      return (v, c) => v - mean[c];
    }
    case 'torch': {
      const order = p.channelOrder === 'bgr' ? [2, 1, 0] : [0, 1, 2];
      return (v, c) => {
        const k = p.channels === 1 ? 0 : order[c];
        return (v / 255 - TORCH_MEAN[k]) / TORCH_STD[k];
      };
    }
  }
}

/** Number of floats one preprocessed image takes. */
export function inputSize(p: Preprocessing): number {
  return p.width * p.height * p.channels;
}
