import * as tf from '@tensorflow/tfjs';
import type { LoadedArtifacts } from '../../../src/model/loadModel';
import { registerL2Normalize, L2Normalize } from '../../../src/model/l2NormalizeLayer';

/** A real (tiny) tfjs layers-model — 4×4×1 input → Dense(3) → L2Normalize — serialised to artifacts as model.json would hold them. */
export async function tinyModelArtifacts(): Promise<LoadedArtifacts> {
  registerL2Normalize();
  const model = tf.sequential({
    layers: [
      tf.layers.flatten({ inputShape: [4, 4, 1] }),
      tf.layers.dense({ units: 3, kernelInitializer: tf.initializers.randomNormal({ seed: 7 }), biasInitializer: 'ones' }),
      new L2Normalize({}),
    ],
  });
  let artifacts: tf.io.ModelArtifacts | null = null;
  await model.save(tf.io.withSaveHandler(async (a) => ((artifacts = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
  model.dispose();
  return { artifacts: artifacts!, format: 'layers-model', metadata: undefined };
}

/** 16 pixels of a 4×4 grey image. */
export const PIXELS = Array.from({ length: 16 }, (_, k) => k * 16);
