/**
 * Turns a tfjs-written model config into the JSON that Keras 3 +
 * tensorflowjs_converter write for the same model (layout copied from a real
 * converter output, tensorflow/tfjs#8328): InputLayer `batch_shape`,
 * `DTypePolicy` objects, initializers with `module`/`registered_name`,
 * `{args: [__keras_tensor__], kwargs}` inbound nodes. Used by
 * make-model-fixtures.ts for case M3. Handles Flatten and Dense only.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type J = any;

const policy = (name = 'float32') => ({ module: 'keras', class_name: 'DTypePolicy', config: { name }, registered_name: null });
const init = (className: string, config: J = {}) => ({ module: 'keras.initializers', class_name: className, config, registered_name: null });

function layerConfig(className: string, c: J): J {
  if (className === 'Flatten') return { name: c.name, trainable: true, dtype: policy(), data_format: 'channels_last' };
  if (className === 'Dense') {
    return {
      name: c.name,
      trainable: true,
      dtype: policy(),
      units: c.units,
      activation: c.activation,
      use_bias: c.use_bias,
      kernel_initializer: init('GlorotUniform', { seed: null }),
      bias_initializer: init('Zeros'),
      kernel_regularizer: null,
      bias_regularizer: null,
      kernel_constraint: null,
      bias_constraint: null,
      lora_rank: null,
    };
  }
  throw new Error(`keras3Json: no Keras 3 layout for ${className}`);
}

function outShape(className: string, c: J, inShape: (number | null)[]): (number | null)[] {
  if (className === 'Flatten') return [inShape[0], inShape.slice(1).reduce((a, b) => (a ?? 1) * (b ?? 1), 1)];
  return [inShape[0], c.units];
}

const tensor = (shape: (number | null)[], from: string) => ({ class_name: '__keras_tensor__', config: { shape, dtype: 'float32', keras_history: [from, 0, 0] } });

/** `{keras_version, backend, model_config}` for a tfjs Functional ('Model') or Sequential config. */
export function keras3Model(className: 'Functional' | 'Sequential', tfjsConfig: J, version: string): J {
  const shapes = new Map<string, (number | null)[]>();
  const layers: J[] = [];
  if (className === 'Sequential') {
    const first = tfjsConfig.layers[0].config;
    let shape: (number | null)[] = first.batch_input_shape;
    layers.push({ module: 'keras.layers', class_name: 'InputLayer', config: { batch_shape: shape, dtype: 'float32', sparse: false, name: 'input_layer' }, registered_name: null });
    for (const l of tfjsConfig.layers) {
      layers.push({ module: 'keras.layers', class_name: l.class_name, config: layerConfig(l.class_name, l.config), registered_name: null, build_config: { input_shape: shape } });
      shape = outShape(l.class_name, l.config, shape);
    }
    return { keras_version: version, backend: 'tensorflow', model_config: { class_name: 'Sequential', config: { name: tfjsConfig.name, trainable: true, dtype: policy(), layers } } };
  }
  for (const l of tfjsConfig.layers) {
    if (l.class_name === 'InputLayer') {
      shapes.set(l.name, l.config.batch_input_shape);
      layers.push({ class_name: 'InputLayer', config: { batch_shape: l.config.batch_input_shape, dtype: 'float32', sparse: false, name: l.name }, name: l.name, inbound_nodes: [] });
      continue;
    }
    const from: string = l.inbound_nodes[0][0][0];
    const inShape = shapes.get(from)!;
    shapes.set(l.name, outShape(l.class_name, l.config, inShape));
    layers.push({ class_name: l.class_name, config: layerConfig(l.class_name, l.config), name: l.name, inbound_nodes: [{ args: [tensor(inShape, from)], kwargs: {} }] });
  }
  return {
    keras_version: version,
    backend: 'tensorflow',
    model_config: {
      class_name: 'Functional',
      config: { name: tfjsConfig.name, trainable: true, layers, input_layers: tfjsConfig.input_layers, output_layers: tfjsConfig.output_layers },
    },
  };
}
