import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../state/context';
import type { AppState, RunOptions } from '../state/types';
import { DropZone } from './DropZone';
import { ModelDropPanel } from './ModelDropPanel';
import { DataDropPanel } from './DataDropPanel';
import { PreprocessingPanel } from './PreprocessingPanel';
import { demoHref } from '../urlOptions';
import { primaryAction, runHint, shouldRevealRun } from './landingActions';
import { pairBudgetProblem } from '../state/userPairs';
import { lastSessionNote, readLastSession, type LastSession } from '../state/autosave';

export function Landing({ options }: { options: RunOptions }) {
  const runDemo = useApp((s) => s.runDemo);
  const demoFirst = useApp((s) => primaryAction(s) === 'demo');
  const [last] = useState(storedLastSession);
  // Once files are dropped (or still loaded from a run), "drop the same files to restore" no longer applies.
  const dropped = useApp((s) => s.modelDrop !== null || s.dataDrop !== null);
  const start = (variant: 'clean' | 'noisy') => {
    // Reloading the page now reruns this demo instead of returning here.
    window.history.replaceState(null, '', demoHref(window.location.href, variant));
    void runDemo({ ...options, variant });
  };
  return (
    <section className="landing">
      <p className="lede">
        See <em>which</em> pairs make your precision-recall curve dip at low recall, and why. Dipscope embeds a validation
        set with your TensorFlow.js model on the fastest working backend, scores every pair (−squared L2 distance), draws
        the exact curve, and lists the most confident false positives behind any point you click.
      </p>
      <div className="landing-actions">
        <button data-testid="run-demo" className={demoFirst ? 'primary' : 'secondary'} onClick={() => start('clean')} autoFocus={demoFirst}>
          Run the demo
        </button>
        <button data-testid="run-demo-noisy" className="secondary" onClick={() => start('noisy')}>
          Run it with planted label noise
        </button>
        <span className="hint">
          Fashion-MNIST test images (1,000, ten classes) and a small triplet-loss model trained by this project. The second button adds 12
          byte copies filed under a wrong class, so the curve dips. Or open <code>?demo</code> / <code>?demo=noisy</code> to start at once.
        </span>
      </div>
      {last && !dropped && (
        <p className="last-session" data-testid="last-session">
          {lastSessionNote(last)}
        </p>
      )}
      <UserData options={options} primary={!demoFirst} />
    </section>
  );
}

function UserData({ options, primary }: { options: RunOptions; primary: boolean }) {
  const s = useApp(
    useShallow((st) => ({
      dropModel: st.dropModel,
      dropData: st.dropData,
      runUserData: st.runUserData,
      clearCache: st.clearEmbeddingCache,
      cacheNote: st.cacheNote,
      modelReady: st.modelDrop?.status === 'inspected' && st.modelDrop.inspection.kind === 'ready' && !chosenOutputProblem(st),
      modelDropped: st.modelDrop !== null,
      dataDropped: st.dataDrop !== null && st.dataDrop.status !== 'reading',
      outputProblem: chosenOutputProblem(st),
      sizeToConfirm: st.sizeToConfirm,
      dataReady:
        st.dataDrop?.status === 'inspected' &&
        ((st.dataDrop.inspection.kind === 'class-folders' && st.dataDrop.inspection.counts.images >= 2 && !pairBudgetProblem(st.dataDrop.inspection.counts, st.pairSampling)) ||
          (st.dataDrop.inspection.kind === 'pair-list' && st.dataDrop.inspection.counts.pairs > 0)),
      // Precomputed embeddings need no model (but must fit in the tab, as class folders).
      embeddingsReady: st.dataDrop?.status === 'inspected' && st.dataDrop.inspection.kind === 'embeddings' && !pairBudgetProblem(st.dataDrop.inspection.counts, st.pairSampling),
      // Nor does a scores table (score,label[,a,b]): the curve is drawn from its scores.
      scoresReady: st.dataDrop?.status === 'inspected' && st.dataDrop.inspection.kind === 'scores',
    })),
  );
  const noModelNeeded = s.embeddingsReady || s.scoresReady;
  const canRun = noModelNeeded || (s.modelReady && s.dataReady && !s.sizeToConfirm);
  const runButton = useRef<HTMLButtonElement>(null);
  const wasReady = useRef(canRun);
  useEffect(() => {
    // Both drops just became ready: the run button is often below the fold (the preprocessing panel sits above it).
    if (shouldRevealRun(wasReady.current, canRun)) {
      const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      runButton.current?.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
      runButton.current?.focus({ preventScroll: true });
    }
    wasReady.current = canRun;
  }, [canRun]);
  return (
    <>
      <h2 className="section-title">Or use your own model and validation set</h2>
      <div className="dropzones">
        <DropZone
          title="1. Your model"
          hint={
            noModelNeeded ? (
              <span data-testid="model-not-needed">
                Not needed: the dropped {s.scoresReady ? 'scores table already has a score for every pair' : 'embeddings are already computed'}. Drop a model only to embed images.
              </span>
            ) : (
              <>
                <code>model.json</code> and its <code>.bin</code> shards (any order), their folder, or a <code>.zip</code> — as <code>tensorflowjs_converter</code> writes them. Not needed for a scores
                table or precomputed embeddings.
              </>
            )
          }
          testId="drop-model"
          onDrop={(dt) => void s.dropModel(dt)}
          onPick={(files) => void s.dropModel(files)}
        >
          <ModelDropPanel />
        </DropZone>
        <DropZone
          title="2. Your validation images"
          hint={
            <>
              Class folders (<code>val/cat/*.jpg</code>, <code>val/dog/*.jpg</code>…) or a <code>.zip</code> of them; or a pairs list (<code>path_a,path_b,label</code> CSV, LFW <code>pairs.txt</code>, or <code>anchor,positive,negative</code> triplets) with its images; or precomputed embeddings (<code>.npy</code> [N, D] + a labels file); or a scores table
              (<code>score,label[,a,b]</code> as CSV or Parquet, no model needed). Nothing is uploaded.
            </>
          }
          testId="drop-data"
          folderFirst
          onDrop={(dt) => void s.dropData(dt)}
          onPick={(files) => void s.dropData(files)}
        >
          <DataDropPanel />
        </DropZone>
      </div>
      <PreprocessingPanel />
      <div className="landing-actions">
        <button ref={runButton} data-testid="run-user" className={primary ? 'primary' : 'secondary'} disabled={!canRun} onClick={() => void s.runUserData(options)}>
          Draw the curve for my data
        </button>
        <span className="hint" data-testid="run-hint">{runHint(s)}</span>
      </div>
      <p className="hint cache-line">
        Embeddings are kept in this browser (IndexedDB), keyed by model, preprocessing and image content: the same data is not embedded twice, and an
        interrupted run resumes.{' '}
        <button className="link" data-testid="clear-cache" onClick={() => void s.clearCache()}>
          Clear embedding cache
        </button>{' '}
        {s.cacheNote && <span role="status">{s.cacheNote}</span>}
      </p>
    </>
  );
}

/** The autosave's last session on the user's own data; null when none, or when storage is unavailable. */
function storedLastSession(): LastSession | null {
  try {
    return readLastSession(window.localStorage);
  } catch {
    return null;
  }
}

/** Whether the dropped model's chosen output (or its default) is one that cannot be an embedding. */
function chosenOutputProblem(st: AppState): boolean {
  const d = st.modelDrop;
  if (d?.status !== 'inspected' || d.inspection.kind !== 'ready') return false;
  const { summary } = d.inspection;
  const name = st.modelOutput ?? summary.defaultOutput;
  return !!summary.outputs.find((o) => o.name === name)?.problem;
}
