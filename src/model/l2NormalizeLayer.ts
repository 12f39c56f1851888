import * as tf from '@tensorflow/tfjs';

/**
 * L2-normalises the last axis: y = x / max(‖x‖₂, ε).
 *
 * Keras users write this as a `Lambda` layer, which tfjs cannot load (the Python
 * function is not serialisable). Dipscope's own models use this named layer
 * instead; registering it lets `tf.loadLayersModel` rebuild the demo model.
 * Both the training script (Node) and the app (browser) import this file.
 */
export class L2Normalize extends tf.layers.Layer {
  static className = 'L2Normalize';

  computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      const norm = tf.maximum(tf.norm(x, 'euclidean', -1, true), 1e-12);
      return tf.div(x, norm);
    });
  }

  getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig() };
  }
}

let registered = false;
/** Idempotent: safe to call from every entry point. */
export function registerL2Normalize(): void {
  if (registered) return;
  tf.serialization.registerClass(L2Normalize);
  registered = true;
}
