import type { StateCreator } from 'zustand';
import type { AppState, SelectionSlice } from './types';

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selectedIdx: null,
  filter: 'fp',
  order: 'top',
  select: (idx) => set({ selectedIdx: idx }),
  setFilter: (filter) => set({ filter }),
  setOrder: (order) => set({ order }),
});
