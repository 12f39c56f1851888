import { useApp } from '../state/context';
import type { RunOptions } from '../state/types';

export function Landing({ options }: { options: RunOptions }) {
  const runDemo = useApp((s) => s.runDemo);
  return (
    <section className="landing">
      <p className="lede">
        See <em>which</em> pairs make your precision-recall curve dip at low recall, and why. Dipscope embeds a validation
        set with your TensorFlow.js model on the fastest working backend, scores every pair (−squared L2 distance), draws
        the exact curve, and lists the most confident false positives behind any point you click.
      </p>
      <div className="landing-actions">
        <button
          data-testid="run-demo"
          className="primary"
          onClick={() => {
            // Reloading the page now reruns the demo instead of returning here.
            const url = new URL(window.location.href);
            url.searchParams.set('demo', '');
            window.history.replaceState(null, '', url.href);
            void runDemo(options);
          }}
          autoFocus
        >
          Run the demo
        </button>
        <span className="hint">
          Fashion-MNIST test images (1,000, ten classes) and a small triplet-loss model trained by this project. Or open{' '}
          <code>?demo</code> to start at once.
        </span>
      </div>
      <div className="dropzones" aria-label="Your own data (not available yet)">
        <div className="dropzone disabled">Your model (model.json + shards) — not in this build yet</div>
        <div className="dropzone disabled">Your validation images — not in this build yet</div>
      </div>
    </section>
  );
}
