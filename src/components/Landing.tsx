import { useApp } from '../state/context';
import type { RunOptions } from '../state/types';

export function Landing({ options }: { options: RunOptions }) {
  const runDemo = useApp((s) => s.runDemo);
  const start = (variant: 'clean' | 'noisy') => {
    // Reloading the page now reruns this demo instead of returning here.
    const url = new URL(window.location.href);
    url.searchParams.set('demo', variant === 'noisy' ? 'noisy' : '');
    window.history.replaceState(null, '', url.href);
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
        <button data-testid="run-demo" className="primary" onClick={() => start('clean')} autoFocus>
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
      <div className="dropzones" aria-label="Your own data (not available yet)">
        <div className="dropzone disabled">Your model (model.json + shards) — not in this build yet</div>
        <div className="dropzone disabled">Your validation images — not in this build yet</div>
      </div>
    </section>
  );
}
