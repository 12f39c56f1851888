import { useEffect, useMemo } from 'react';
import { createAppStore } from './state/store';
import { StoreContext, useApp } from './state/context';
import { createEmbedder } from './workers/embed.client';
import { createEvaluator } from './workers/metrics.client';
import type { RunOptions } from './state/types';
import { readUrl } from './urlOptions';
import { installAutosave } from './state/autosave';
import { fetchJson } from './io/fetchJson';
import { createInputServices } from './inputServices';
import { Landing } from './components/Landing';
import { RunView } from './components/RunView';

/** Composition root: real services, URL options, one store. */
export function App() {
  const store = useMemo(
    () =>
      createAppStore({
        embedder: createEmbedder(),
        evaluator: createEvaluator(),
        fetchJson: fetchJson,
        baseUrl: new URL('.', window.location.href).href,
        now: () => performance.now(),
        inputs: createInputServices(),
      }),
    [],
  );
  const { autoRun, options, notices } = useMemo(() => readUrl(window.location.search), []);

  useEffect(() => {
    // Exposed for debugging and for the e2e tests, which compare the page's AP to Node's.
    (window as unknown as { dipscope: unknown }).dipscope = { store };
    const stopAutosave = installAutosave(store, window.localStorage);
    if (autoRun) void store.getState().runDemo(options);
    return stopAutosave;
  }, [store, autoRun, options]);

  return (
    <StoreContext.Provider value={store}>
      <Shell options={options} notices={notices} />
    </StoreContext.Provider>
  );
}

function Shell({ options, notices }: { options: RunOptions; notices: string[] }) {
  const status = useApp((s) => s.status);
  return (
    <div className="app">
      <header className="app-header">
        <h1>
          Dipscope <span className="tagline">precision-recall diagnostics for embedding models</span>
        </h1>
      </header>
      {notices.length > 0 && (
        <ul className="errors" role="alert">
          {notices.map((n) => (
            <li key={n} data-testid="error">
              {n}
            </li>
          ))}
        </ul>
      )}
      <main>{status === 'idle' ? <Landing options={options} /> : <RunView options={options} />}</main>
      <footer className="app-footer">Runs entirely in your browser: no image or embedding leaves this machine.</footer>
    </div>
  );
}
