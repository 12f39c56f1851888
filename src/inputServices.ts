import type { InputServices } from './state/inputTypes';
import type { Preprocessing } from './model/preprocess';
import { expandZips, filesFromDataTransfer, filesFromList, type DroppedFile } from './io/dropFiles';
import { inspectDataDrop } from './io/dataDrop';
import { decodeToRgba } from './io/decodeImage';
import { inputSize, rgbaToInput } from './model/preprocess';
import { previewOfInput } from './model/preprocessPreview';
import { createDecodePool } from './workers/decodePool';
import { createDataInspector, createZipExpander } from './workers/inspect.client';

const PREFS_KEY = 'dipscope:preprocessing:';
const OUTPUT_KEY = 'dipscope:output:';

/** The decode worker of the preprocessing preview (made on first use; null where workers cannot be created). */
let previewDecoder: ReturnType<typeof createDecodePool> | undefined;

/** The preview's input decoded in this thread (no workers here). */
async function previewInThisThread(file: File, p: Preprocessing): Promise<Float32Array> {
  const rgba = await decodeToRgba(file, p.width, p.height, p.resize);
  const input = new Float32Array(inputSize(p));
  rgbaToInput(rgba, p, input, 0);
  return input;
}

/**
 * The browser side of the user's drops. Model inspection loads tfjs (and
 * builds the model once on the CPU backend of this thread), so it is imported
 * only when a model is dropped: the landing page stays light.
 */
export function createInputServices(): InputServices {
  const expandModelZips = createZipExpander(expandZips);
  return {
    fromDataTransfer: filesFromDataTransfer,
    fromList: filesFromList,
    async inspectModel(files) {
      const { files: unzipped } = await expandModelZips(files);
      const [{ inspectModel }, named] = await Promise.all([import('./model/inspectModel'), readAll(unzipped)]);
      // expandZips keeps the entries' paths only: the zip's own name is the model's name when model.json sits at its root.
      const zip = files.find((f) => /\.zip$/i.test(f.path));
      return inspectModel(named, { zipName: zip?.path.split('/').pop()!.replace(/\.zip$/i, '') });
    },
    async applyOffer(inspection, id) {
      const offer = inspection.offers.find((o) => o.id === id);
      if (!offer) throw new Error(`no offer "${id}" for this model`);
      const { inspectArtifacts } = await import('./model/inspectModel');
      return inspectArtifacts(offer.apply(), inspection.name, inspection.unused, [...inspection.notes, `Applied: ${offer.label}. ${offer.applied}`]);
    },
    inspectData: createDataInspector(inspectDataDrop),
    async previewImage(file, p) {
      // Decoded in a decode worker, as the run does: a big image must not freeze the page while the panel shows it.
      previewDecoder ??= createDecodePool(1);
      if (!previewDecoder) return previewOfInput(await previewInThisThread(file, p), p);
      const batch = await previewDecoder.prepare({ sources: [file], p, modelHash: null, dim: 0 }, false);
      if (batch.failed[0] !== null) throw new Error(batch.failed[0]);
      return previewOfInput(batch.input, p);
    },
    loadPreprocessing(hash) {
      try {
        const raw = localStorage.getItem(PREFS_KEY + hash);
        return raw ? (JSON.parse(raw) as Preprocessing) : null;
      } catch {
        return null;
      }
    },
    savePreprocessing(hash, p) {
      try {
        if (p) localStorage.setItem(PREFS_KEY + hash, JSON.stringify(p));
        else localStorage.removeItem(PREFS_KEY + hash);
      } catch {
        // Storage full or disabled: the edit still applies to this session.
      }
    },
    loadOutput(hash) {
      try {
        return localStorage.getItem(OUTPUT_KEY + hash);
      } catch {
        return null;
      }
    },
    saveOutput(hash, output) {
      try {
        if (output !== null) localStorage.setItem(OUTPUT_KEY + hash, output);
        else localStorage.removeItem(OUTPUT_KEY + hash);
      } catch {
        // Storage full or disabled: the pick still applies to this session.
      }
    },
    async clearEmbeddingCache() {
      const { idbEmbeddingCache } = await import('./io/embeddingCache');
      await idbEmbeddingCache().clear();
    },
    objectUrl: (file) => URL.createObjectURL(file),
    revokeUrl: (url) => URL.revokeObjectURL(url),
  };
}

async function readAll(files: readonly DroppedFile[]) {
  return Promise.all(files.map(async (f) => ({ name: f.path, bytes: await f.file.arrayBuffer() })));
}
