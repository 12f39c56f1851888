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
          'Not stated by the model: defaults (size and channels from its input shape, normalisation [0, 1]) — check them against your training code (Keras ResNet50 uses caffe, PyTorch models usually torch). A wrong normalisation gives a wrong curve without any error.',
        warn: true,
      };
    case 'yours':
      return { text: 'Your settings for this model (remembered).', warn: false };
  }
}
