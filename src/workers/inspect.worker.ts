/// <reference lib="webworker" />
import type { InspectIn, InspectOut } from './inspectProtocol';
import { inspectionArrays } from './inspectProtocol';
import { uniqueBuffers } from './protocol';
import { inspectDataDrop } from '../io/dataDrop';
import { expandZips } from '../io/dropFiles';

const post = (msg: InspectOut, transfer: Transferable[] = []) => (self as DedicatedWorkerGlobalScope).postMessage(msg, transfer);

self.onmessage = async (ev: MessageEvent<InspectIn>) => {
  const msg = ev.data;
  switch (msg.type) {
    case 'inspect-data': {
      try {
        const inspection = await inspectDataDrop(msg.files);
        post({ type: 'data-inspected', id: msg.id, inspection }, uniqueBuffers(inspectionArrays(inspection)));
      } catch (e) {
        post({ type: 'error', id: msg.id, message: (e as Error).message ?? String(e) });
      }
      return;
    }
    case 'expand-zips': {
      try {
        post({ type: 'zips-expanded', id: msg.id, expanded: await expandZips(msg.files) });
      } catch (e) {
        post({ type: 'error', id: msg.id, message: (e as Error).message ?? String(e) });
      }
      return;
    }
    default:
      throw new Error(`inspect worker: unknown message ${(msg as { type: string }).type}`);
  }
};
