import { createStore } from 'zustand/vanilla';
import type { AppState, Services } from './types';
import { createRunSlice } from './runSlice';
import { createCurveSlice } from './curveSlice';
import { createSelectionSlice } from './selectionSlice';
import { createDiagnosticsSlice } from './diagnosticsSlice';
import { createInputSlice } from './inputSlice';

/** One store of slices; a fresh one per test from the same creator. */
export function createAppStore(services: Services) {
  return createStore<AppState>()((...a) => ({
    ...createRunSlice(services)(...a),
    ...createCurveSlice(services)(...a),
    ...createSelectionSlice(...a),
    ...createDiagnosticsSlice(services)(...a),
    ...createInputSlice(services)(...a),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
