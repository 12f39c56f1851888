import type { AppState } from '../state/types';

type Preprocessing = NonNullable<AppState['preprocessing']>;
type ModelSummary = Extract<Extract<NonNullable<AppState['modelDrop']>, { status: 'inspected' }>['inspection'], { kind: 'ready' }>['summary'];
type PreprocessingSource = ModelSummary['preprocessingSource'];

/** Where the preprocessing on screen came from: the model's metadata, Dipscope's defaults, or the user's own (edited, remembered) settings. */
export type PreprocessingOrigin = PreprocessingSource | 'yours';

/** Field by field (an absent resize is 'stretch'), so a remembered copy with another key order is still the model's own. */
export function samePreprocessing(a: Preprocessing, b: Preprocessing): boolean {
  return (
    a.width === b.width &&
    a.height === b.height &&
    a.channels === b.channels &&
    a.normalization === b.normalization &&
    a.channelOrder === b.channelOrder &&
    (a.resize ?? 'stretch') === (b.resize ?? 'stretch')
  );
}

/** 'yours' when the current settings differ from the model's; otherwise where the model's came from. */
export function preprocessingOrigin(model: Pick<ModelSummary, 'preprocessing' | 'preprocessingSource'>, current: Preprocessing): PreprocessingOrigin {
  return samePreprocessing(model.preprocessing, current) ? model.preprocessingSource : 'yours';
}

/** The sentence the preprocessing panel shows about its values; `warn` when they are guesses the user must check (a wrong normalisation silently gives a wrong curve). */
export function preprocessingOriginNote(origin: PreprocessingOrigin): { text: string; warn: boolean } {
  switch (origin) {
    case 'metadata':
      return { text: "Read from the model's metadata (userDefinedMetadata.dipscope.preprocessing in model.json).", warn: false };
    case 'default':
      return {
        text:
          'Not stated by the model: defaults (size and channels from its input shape, normalisation [0, 1]) — check them against your training code (Keras ResNet50 uses caffe, PyTorch models usually torch). A wrong normalisation gives a wrong curve without any error. To state it in the model once for all, convert with --metadata dipscope:dipscope.json (README, "Convert your model").',
        warn: true,
      };
    case 'yours':
      return { text: 'Your settings for this model (remembered).', warn: false };
  }
}

/** The exact arithmetic of the chosen normalisation on 0–255 pixel values, per channel in the order the model receives them. */
export function normalizationFormula(p: Pick<Preprocessing, 'normalization' | 'channels' | 'channelOrder'>): string {
  const grey = p.channels === 1;
  switch (p.normalization) {
    case 'unit':
      return 'x / 255 → [0, 1]';
    case 'tf':
      return 'x / 127.5 − 1 → [−1, 1]';
    case 'raw':
      return 'x as it is, 0–255';
    case 'caffe':
      if (grey) return 'x − 114.799 (mean of the ImageNet channel means), no scaling';
      return p.channelOrder === 'bgr'
        ? 'channels B, G, R; x − (103.939, 116.779, 123.68), no scaling'
        : 'channels R, G, B; x − (123.68, 116.779, 103.939), no scaling';
    case 'torch':
      if (grey) return '(x / 255 − 0.485) / 0.229 (the red channel’s ImageNet mean and std)';
      return p.channelOrder === 'bgr'
        ? 'channels B, G, R; (x / 255 − (0.406, 0.456, 0.485)) / (0.225, 0.224, 0.229)'
        : 'channels R, G, B; (x / 255 − (0.485, 0.456, 0.406)) / (0.229, 0.224, 0.225)';
  }
}
