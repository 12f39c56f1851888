import { useEffect, useMemo } from 'react';
import { createAppStore } from './state/store';
import { StoreContext, useApp } from './state/context';
import { createEmbedder } from './workers/embed.client';
import { createEvaluator } from './workers/metrics.client';
import { isBackendName } from './model/backendTypes';
import type { RunOptions } from './state/types';
import { Landing } from './components/Landing';
import { RunView } from './components/RunView';

/** Composition root: real services, URL options, one store. */
export function App() {
  const store = useMemo(
    () =>
      createAppStore({
        embedder: createEmbedder(),
        evaluator: createEvaluator(),
        fetchJson: async (url) => {
          const res = await fetch(url);
          if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
          return res.json();
        },
        baseUrl: new URL('.', window.location.href).href,
        now: () => performance.now(),
      }),
    [],
  );
  const { autoRun, options } = useMemo(() => readUrl(window.location.search), []);

  useEffect(() => {
    // Exposed for debugging and for the e2e tests, which compare the page's AP to Node's.
    (window as unknown as { dipscope: unknown }).dipscope = { store };
    if (autoRun) void store.getState().runDemo(options);
  }, [store, autoRun, options]);

  return (
    <StoreContext.Provider value={store}>
      <Shell options={options} />
    </StoreContext.Provider>
  );
}

function Shell({ options }: { options: RunOptions }) {
  const status = useApp((s) => s.status);
  return (
    <div className="app">
      <header className="app-header">
        <h1>
          Dipscope <span className="tagline">precision-recall diagnostics for embedding models</span>
        </h1>
      </header>
      <main>{status === 'idle' ? <Landing options={options} /> : <RunView options={options} />}</main>
      <footer className="app-footer">Runs entirely in your browser: no image or embedding leaves this machine.</footer>
    </div>
  );
}

function readUrl(search: string): { autoRun: boolean; options: RunOptions } {
  const q = new URLSearchParams(search);
  const backend = q.get('backend');
  const limit = Number(q.get('limit'));
  return {
    autoRun: q.has('demo'),
    options: {
      backend: isBackendName(backend) ? backend : undefined,
      limit: Number.isInteger(limit) && limit > 1 ? limit : undefined,
    },
  };
}
