/** What the embedding of one image depends on besides its bytes (a subset of the model's Preprocessing). */
export interface CacheablePreprocessing {
  width: number;
  height: number;
  channels: number;
  normalization: string;
  channelOrder: string;
  resize?: string;
}

/**
 * Bumped whenever decoding changes the pixels a model sees (2: PNGs at the
 * input size are used as they are, others resampled on a canvas), so older
 * cached embeddings are not reused for different input.
 */
export const DECODER_VERSION = 2;

/**
 * Key of one image's embedding: the decoder's version, the model (topology +
 * weights hash), every preprocessing field (in a fixed order, resize
 * defaulting to 'stretch') and the image's content hash. Same key ⇔ same input tensor through the same model.
 */
export function embeddingCacheKey(modelHash: string, p: CacheablePreprocessing, contentHash: string): string {
  const prep = [p.width, p.height, p.channels, p.normalization, p.channelOrder, p.resize ?? 'stretch'].join(',');
  return `d${DECODER_VERSION}|${modelHash}|${prep}|${contentHash}`;
}

/**
 * The model part of the key: the model hash, plus the chosen output for a
 * model with several (`output` absent for a one-output model, so its stored
 * embeddings keep their keys). Two outputs of one model never share cached
 * embeddings. Pass the result as embeddingCacheKey's `modelHash`.
 */
export function embeddingModelKey(modelHash: string, output?: string): string {
  return output === undefined ? modelHash : `${modelHash}>${JSON.stringify(output)}`;
}
