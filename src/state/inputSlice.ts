import { combineWithPrevious } from '../io/combineDrops';
import type { StateCreator } from 'zustand';
import type { AppState, Services } from './types';
import { DEFAULT_PAIR_SAMPLING, type DropSource, type InputServices, type InputSlice } from './inputTypes';
import type { DroppedFile } from '../io/dropFiles';
import type { ModelInspection } from '../model/inspectModel';
import { validPairSampling } from './pairSamplingInput';

/** The input services, or an error saying they are missing (a test store built without them). */
export function inputServices(services: Services): InputServices {
  if (!services.inputs) throw new Error('this store was created without input services (dropping files needs them)');
  return services.inputs;
}

/**
 * The user's model and validation-set drops. Each drop is inspected at once
 * (model: assembled, planned, described; data: kind, layout, counts), so the
 * landing page shows what was understood — or the error naming the file and
 * the fix — before anything is embedded. Latest drop wins.
 */
export function createInputSlice(services: Services): StateCreator<AppState, [], [], InputSlice> {
  let modelGen = 0;
  let dataGen = 0;
  let previewGen = 0;

  /** The files of the last data drop (a list dropped next may be read with them). */
  let lastDataFiles: DroppedFile[] | null = null;
  const collect = (src: DropSource): Promise<DroppedFile[]> => {
    const io = inputServices(services);
    // DataTransfer must be read synchronously, before the drop handler returns.
    if (typeof DataTransfer !== 'undefined' && src instanceof DataTransfer) return io.fromDataTransfer(src);
    return Promise.resolve(io.fromList(src as FileList | readonly File[]));
  };

  return (set, get) => {
    /** Recomputes the preview from the current preprocessing and first image (latest wins). */
    async function updatePreview(): Promise<void> {
      const gen = ++previewGen;
      const { preprocessing: p, dataDrop } = get();
      const it = dataDrop?.status === 'inspected' ? dataDrop.inspection : null;
      const first = it && (it.kind === 'class-folders' || it.kind === 'pair-list') ? it.images[0] : undefined;
      if (!p || !first) {
        set({ preview: null });
        return;
      }
      try {
        const image = await inputServices(services).previewImage(first.file, p);
        if (gen === previewGen) set({ preview: { status: 'ready', path: first.path, image } });
      } catch (e) {
        if (gen === previewGen) set({ preview: { status: 'error', path: first.path, message: (e as Error).message || 'cannot be decoded' } });
      }
    }

    return {
      modelDrop: null,
      dataDrop: null,
      preprocessing: null,
      sizeToConfirm: false,
      preview: null,
      modelOutput: null,
      cacheNote: null,
      pairSampling: DEFAULT_PAIR_SAMPLING,

      setPairSampling(p) {
        const next = { ...get().pairSampling, ...p };
        // Invalid values are refused here and explained next to the input (DataDropPanel), which keeps what the user typed.
        if (validPairSampling(next)) set({ pairSampling: next });
      },

      async clearEmbeddingCache() {
        try {
          await inputServices(services).clearEmbeddingCache();
          set({ cacheNote: 'Embedding cache cleared: the next run embeds every image again.' });
        } catch (e) {
          set({ cacheNote: (e as Error).message });
        }
      },

      async dropModel(src) {
        const gen = ++modelGen;
        const pending = collect(src);
        set({ modelDrop: { status: 'reading', detail: 'Reading the model files' }, preprocessing: null, sizeToConfirm: false, modelOutput: null });
        try {
          const files = await pending;
          if (gen !== modelGen) return;
          set({ modelDrop: { status: 'reading', detail: `Checking ${files.length} file${files.length === 1 ? '' : 's'}` } });
          const inspection = await inputServices(services).inspectModel(files);
          if (gen !== modelGen) return;
          set({ modelDrop: { status: 'inspected', inspection }, preprocessing: remembered(inspection), sizeToConfirm: sizeUnknown(inspection), modelOutput: rememberedOutput(inspection) });
          void updatePreview();
        } catch (e) {
          if (gen === modelGen) set({ modelDrop: { status: 'error', message: (e as Error).message } });
        }
      },

      async chooseModelOffer(id) {
        const drop = get().modelDrop;
        if (drop?.status !== 'inspected' || drop.inspection.kind !== 'choose') return;
        const gen = ++modelGen;
        set({ modelDrop: { status: 'reading', detail: 'Rebuilding the model' } });
        try {
          const inspection = await inputServices(services).applyOffer(drop.inspection, id);
          if (gen !== modelGen) return;
          set({ modelDrop: { status: 'inspected', inspection }, preprocessing: remembered(inspection), sizeToConfirm: sizeUnknown(inspection), modelOutput: rememberedOutput(inspection) });
          void updatePreview();
        } catch (e) {
          if (gen === modelGen) set({ modelDrop: { status: 'error', message: (e as Error).message } });
        }
      },

      async dropData(src) {
        const gen = ++dataGen;
        const pending = collect(src);
        set({ dataDrop: { status: 'reading', detail: 'Reading the file list' } });
        try {
          const files = await pending;
          if (gen !== dataGen) return;
          set({ dataDrop: { status: 'reading', detail: `Sorting ${files.length.toLocaleString('en-US')} file${files.length === 1 ? '' : 's'}` } });
          const io = inputServices(services);
          // A list dropped after its images (or images after their list, or labels after their embeddings) is read with them when that makes a pair list (or embeddings).
          const combined = combineWithPrevious(lastDataFiles, files);
          const together = combined ? await io.inspectData(combined.files) : null;
          const keep = !!together && together.kind === combined!.makes;
          const inspection = keep ? together : await io.inspectData(files);
          if (gen !== dataGen) return;
          lastDataFiles = keep ? combined!.files : files;
          set({ dataDrop: { status: 'inspected', inspection, combined: keep ? combined!.note : undefined } });
          void updatePreview();
        } catch (e) {
          if (gen === dataGen) set({ dataDrop: { status: 'error', message: (e as Error).message } });
        }
      },

      setPreprocessing(p) {
        const hash = readyHash(get());
        if (hash) inputServices(services).savePreprocessing(hash, p);
        set({ preprocessing: p, sizeToConfirm: false });
        void updatePreview();
      },

      resetPreprocessing() {
        const drop = get().modelDrop;
        if (drop?.status !== 'inspected' || drop.inspection.kind !== 'ready') return;
        inputServices(services).savePreprocessing(drop.inspection.summary.hash, null);
        set({ preprocessing: drop.inspection.summary.preprocessing, sizeToConfirm: !drop.inspection.summary.sizeStated });
        void updatePreview();
      },

      setModelOutput(name) {
        const drop = get().modelDrop;
        if (drop?.status !== 'inspected' || drop.inspection.kind !== 'ready') return;
        const { summary } = drop.inspection;
        const picked = summary.outputs.find((o) => o.name === name);
        if (!picked) return;
        // Neither the default nor an output that cannot run is stored: a later drop starts from the default again.
        inputServices(services).saveOutput(summary.hash, name === summary.defaultOutput || picked.problem ? null : name);
        set({ modelOutput: name });
      },
    };
  };

  /** The stored pick for this model when it still names one of its outputs, else the default. */
  function rememberedOutput(inspection: ModelInspection): string | null {
    if (inspection.kind !== 'ready') return null;
    const { summary } = inspection;
    const stored = inputServices(services).loadOutput(summary.hash);
    return stored !== null && summary.outputs.some((o) => o.name === stored) ? stored : summary.defaultOutput;
  }

  /** A model that takes any size, with nothing remembered for it: its 224 × 224 default is a guess to confirm. */
  function sizeUnknown(inspection: ModelInspection): boolean {
    return inspection.kind === 'ready' && !inspection.summary.sizeStated && inputServices(services).loadPreprocessing(inspection.summary.hash) === null;
  }

  function remembered(inspection: ModelInspection) {
    if (inspection.kind !== 'ready') return null;
    return inputServices(services).loadPreprocessing(inspection.summary.hash) ?? inspection.summary.preprocessing;
  }
}

function readyHash(s: AppState): string | null {
  const d = s.modelDrop;
  return d?.status === 'inspected' && d.inspection.kind === 'ready' ? d.inspection.summary.hash : null;
}
