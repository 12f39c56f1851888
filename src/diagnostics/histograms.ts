/** Genuine vs impostor score histograms live with the metrics (the metrics worker computes them with each evaluation). */
export { scoreHistograms, HIST_BINS, type ScoreHistograms } from '../metrics/histograms';
