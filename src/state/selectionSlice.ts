import type { StateCreator } from 'zustand';
import type { AppState, SelectionSlice } from './types';

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selectedIdx: null,
  filter: 'fp',
  order: 'top',
  stretchTopIdx: null,
  select: (idx) => set({ selectedIdx: idx, stretchTopIdx: null }),
  selectStretch: (topIdx, endIdx) => set({ selectedIdx: Math.min(topIdx, endIdx), stretchTopIdx: Math.max(topIdx, endIdx) }),
  setFilter: (filter) => set({ filter }),
  setOrder: (order) => set({ order }),
});
