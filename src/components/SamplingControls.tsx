import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../state/context';
import { checkNegativeRatio, checkSeed, NEGATIVE_RATIO_RANGE, type FieldCheck } from '../state/pairSamplingInput';
import { overPairLimit, plannedPairs } from '../state/userPairs';

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * The pairs class folders will be evaluated on past the pair limit: all
 * positives plus a seeded sample of negatives, with its controls. Shown
 * whenever the set is over the limit, also when the ratio is high enough to
 * keep every pair (then it says so), so the controls never vanish while typing.
 */
export function SamplingControls({ counts }: { counts: { images: number; positives: number; negatives: number } }) {
  const { sampling, setSampling } = useApp(useShallow((s) => ({ sampling: s.pairSampling, setSampling: s.setPairSampling })));
  if (!overPairLimit(counts, sampling)) return null;
  const plan = plannedPairs(counts, sampling);
  return (
    <div className="sampling" data-testid="pair-sampling" data-positives={plan.positives} data-negatives={plan.negatives} data-sampled={String(plan.sampled)}>
      {plan.sampled ? (
        <p>
          More than {fmt(sampling.limit)} pairs: the run scores all {fmt(plan.positives)} positive pairs and a seeded sample of {fmt(plan.negatives)} of the{' '}
          {fmt(counts.negatives)} negative pairs (sampled). AP over a sample is an estimate.
        </p>
      ) : (
        <p data-testid="sampling-keeps-all">
          More than {fmt(sampling.limit)} pairs, but this ratio keeps every pair: all {fmt(plan.positives + plan.negatives)} pairs are scored.
        </p>
      )}
      <SamplingField
        label="negatives per positive"
        testId="negative-ratio"
        inputMode="decimal"
        title={`${NEGATIVE_RATIO_RANGE.min} to ${NEGATIVE_RATIO_RANGE.max}`}
        value={sampling.negativeRatio}
        check={checkNegativeRatio}
        onValid={(negativeRatio) => setSampling({ negativeRatio })}
      />{' '}
      <SamplingField label="seed" testId="sample-seed" inputMode="numeric" title="a whole number ≥ 0" value={sampling.seed} check={checkSeed} onValid={(seed) => setSampling({ seed })} />
    </div>
  );
}

interface FieldProps {
  label: string;
  testId: string;
  inputMode: 'decimal' | 'numeric';
  title: string;
  /** The value in use (the store's). */
  value: number;
  check: (text: string) => FieldCheck;
  onValid: (value: number) => void;
}

/**
 * A number field that keeps what the user types (so it can be cleared and
 * retyped), commits each valid value at once, and says next to itself why an
 * invalid one is not used and which value still is.
 */
function SamplingField({ label, testId, inputMode, title, value, check, onValid }: FieldProps) {
  const [text, setText] = useState(String(value));
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    // Changed elsewhere (the store, a test): follow it unless the text already means that value ("1." while typing 1.5).
    setSeen(value);
    const c = check(text);
    if (!(c.ok && c.value === value)) setText(String(value));
  }
  const c = check(text);
  const error = c.ok ? null : c.message;
  return (
    <label>
      {label}{' '}
      <input
        type="text"
        inputMode={inputMode}
        title={title}
        data-testid={testId}
        aria-invalid={error !== null}
        aria-describedby={error ? `${testId}-error` : undefined}
        value={text}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const r = check(next);
          if (r.ok && r.value !== value) onValid(r.value);
        }}
      />
      {error && (
        <span className="field-error" id={`${testId}-error`} data-testid={`${testId}-error`} role="alert">
          {' '}
          {error}; still using {value}.
        </span>
      )}
    </label>
  );
}
