import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../state/context';
import type { AppState } from '../state/types';
import { normalizationFormula, preprocessingOrigin, preprocessingOriginNote } from './preprocessingNote';

type Prep = NonNullable<AppState['preprocessing']>;

const NORMALIZATIONS: [Prep['normalization'], string][] = [
  ['unit', '[0, 1] — x / 255'],
  ['tf', '[−1, 1] — Keras "tf" (x / 127.5 − 1)'],
  ['caffe', 'caffe — BGR, ImageNet mean subtracted (Keras ResNet50, VGG)'],
  ['torch', 'torch — ImageNet mean / std (torchvision)'],
  ['raw', 'raw 0–255'],
];
const RESIZE: [NonNullable<Prep['resize']>, string][] = [
  ['stretch', 'stretch to the input size'],
  ['crop', 'scale and crop the centre'],
  ['letterbox', 'fit inside (letterbox, black bars)'],
];

const inputShapeText = (shape: (number | null)[]) => `[${shape.map((d) => (d === null ? '?' : d)).join(', ')}]`;
const fmt = (v: number) => (Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(3));

/** The preprocessing the run will use, editable, with one validation image as the model will receive it. Remembered per model. */
export function PreprocessingPanel() {
  const s = useApp(
    useShallow((st) => ({
      p: st.preprocessing,
      drop: st.modelDrop,
      // A scores table or precomputed embeddings run without the model: its preprocessing does not apply.
      modelUnused: st.dataDrop?.status === 'inspected' && (st.dataDrop.inspection.kind === 'scores' || st.dataDrop.inspection.kind === 'embeddings'),
      preview: st.preview,
      sizeToConfirm: st.sizeToConfirm,
      set: st.setPreprocessing,
      reset: st.resetPreprocessing,
    })),
  );
  if (!s.p || s.modelUnused || s.drop?.status !== 'inspected' || s.drop.inspection.kind !== 'ready') return null;
  const p = s.p;
  const summary = s.drop.inspection.summary;
  const fixedChannels = summary.fixedChannels;
  const change = (patch: Partial<Prep>) => s.set({ ...p, ...patch });
  const size = (v: string) => Math.max(1, Math.min(2048, Math.round(Number(v)) || 1));
  const origin = preprocessingOrigin(summary, p);
  const edited = origin === 'yours';
  const note = preprocessingOriginNote(origin);
  return (
    <section className={note.warn ? 'prep prep-unstated' : 'prep'} data-testid="prep-panel" aria-label="Preprocessing">
      <h3>Preprocessing</h3>
      <p className={note.warn ? 'prep-source warn' : 'prep-source hint'} data-testid="prep-source" data-origin={origin} role={note.warn ? 'note' : undefined}>
        {note.text}
      </p>
      {s.sizeToConfirm && (
        <div className="prep-ask warn" data-testid="prep-size-ask" role="note">
          Your model takes images of any size ({summary.inputs[0] ? `input ${inputShapeText(summary.inputs[0].shape)}` : 'its input shape leaves it open'}), so the size is not known: set
          the size it was trained with below, or{' '}
          <button className="secondary" data-testid="prep-size-confirm" onClick={() => s.set({ ...p })}>
            use {p.width} × {p.height}
          </button>
          . The run waits for it; your choice is remembered for this model.
        </div>
      )}
      <div className="prep-grid">
        <div className="prep-fields">
          <label>
            Input size{' '}
            <input data-testid="prep-width" type="number" min={1} value={p.width} disabled={summary.fixedSize} onChange={(e) => change({ width: size(e.target.value) })} /> ×{' '}
            <input data-testid="prep-height" type="number" min={1} value={p.height} disabled={summary.fixedSize} onChange={(e) => change({ height: size(e.target.value) })} />
            {summary.fixedSize && <span className="hint"> (fixed by the model)</span>}
          </label>
          <label>
            Channels{' '}
            <select data-testid="prep-channels" value={p.channels} disabled={fixedChannels} onChange={(e) => change({ channels: Number(e.target.value) as 1 | 3 })}>
              <option value={3}>3 (colour)</option>
              <option value={1}>1 (grey)</option>
            </select>
          </label>
          <label>
            Channel order{' '}
            <select data-testid="prep-order" value={p.channelOrder} disabled={p.channels === 1} onChange={(e) => change({ channelOrder: e.target.value as Prep['channelOrder'] })}>
              <option value="rgb">RGB</option>
              <option value="bgr">BGR</option>
            </select>
          </label>
          <label>
            Normalisation{' '}
            <select
              data-testid="prep-normalization"
              value={p.normalization}
              onChange={(e) => {
                const normalization = e.target.value as Prep['normalization'];
                // Keras' caffe mode includes the RGB→BGR swap; leaving it goes back to RGB.
                const channelOrder = normalization === 'caffe' ? 'bgr' : p.normalization === 'caffe' ? 'rgb' : p.channelOrder;
                change({ normalization, channelOrder });
              }}
            >
              {NORMALIZATIONS.map(([v, label]) => (
                <option key={v} value={v}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <p className="hint prep-formula" data-testid="prep-formula">
            {normalizationFormula(p)}
          </p>
          {p.channels === 1 && (p.normalization === 'caffe' || p.normalization === 'torch') && (
            <p className="warn" data-testid="prep-grey-imagenet" role="note">
              {p.normalization} is an ImageNet preset for colour images; on one grey channel it uses {p.normalization === 'caffe' ? 'the mean of the three channel means' : 'the red channel’s mean and std'}. Check what your training code did to grey images.
            </p>
          )}
          <label>
            Resize{' '}
            <select data-testid="prep-resize" value={p.resize ?? 'stretch'} onChange={(e) => change({ resize: e.target.value as Prep['resize'] })}>
              {RESIZE.map(([v, label]) => (
                <option key={v} value={v}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          {edited && (
            <button className="secondary" onClick={s.reset}>
              Back to the model's preprocessing
            </button>
          )}
        </div>
        <Preview />
      </div>
    </section>
  );
}

function Preview() {
  const preview = useApp((st) => st.preview);
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = canvas.current;
    if (!c || preview?.status !== 'ready') return;
    const { width, height, rgba } = preview.image;
    c.width = width;
    c.height = height;
    c.getContext('2d')?.putImageData(new ImageData(new Uint8ClampedArray(rgba), width, height), 0, 0);
  }, [preview]);
  if (!preview) return <p className="hint prep-preview">Drop validation images to see one as the model will receive it.</p>;
  if (preview.status === 'error') {
    return (
      <p className="drop-error prep-preview" data-testid="error">
        {preview.path}: {preview.message}
      </p>
    );
  }
  const { min, max } = preview.image;
  return (
    <figure className="prep-preview" data-testid="prep-preview">
      <canvas ref={canvas} aria-label={`${preview.path} after preprocessing`} />
      <figcaption>
        <code>{preview.path}</code> as the model receives it{' '}
        {min.length === 1 ? '(one grey channel, stretched from its range for display).' : '(each channel stretched from its range for display; channel 0 drawn red, so BGR input looks blue-tinted).'}
        <br />
        <span data-testid="prep-range">
          Values: {min.map((lo, k) => `[${fmt(lo)}, ${fmt(max[k])}]`).join(' ')}
        </span>
      </figcaption>
    </figure>
  );
}
