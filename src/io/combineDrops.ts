import type { DroppedFile } from './dropFiles';
import { isImagePath, junkReason } from './pathRules';
import { countOf } from '../base/countOf';

const LIST = /\.(txt|csv|tsv)$/i;

const images = (files: readonly DroppedFile[]) => files.filter((f) => isImagePath(f.path) && junkReason(f.path) === null);
const lists = (files: readonly DroppedFile[]) => files.filter((f) => LIST.test(f.path) && junkReason(f.path) === null);

/**
 * A pairs list and its images often come in two drops (the folder picker
 * takes folders, the file picker files): a drop of only a list after a drop of
 * only images, or the other way round, is offered as one drop — the caller
 * keeps it when it reads as a pair list, and otherwise treats the new drop on
 * its own. Returns the files together and a line saying what was combined, or
 * null when the new drop stands alone (it has both, or neither matches).
 */
export function combineWithPrevious(previous: readonly DroppedFile[] | null, next: readonly DroppedFile[]): { files: DroppedFile[]; note: string } | null {
  if (!previous || previous.length === 0) return null;
  const [prevImages, prevLists, nextImages, nextLists] = [images(previous), lists(previous), images(next), lists(next)];
  if (nextImages.length === 0 && nextLists.length > 0 && prevImages.length > 0 && prevLists.length === 0) {
    return { files: [...previous, ...next], note: `${nextLists.map((f) => f.path).join(', ')} read together with the ${countOf(prevImages.length, 'image')} dropped before. Drop a folder with both to start over.` };
  }
  if (nextLists.length === 0 && nextImages.length > 0 && prevLists.length > 0 && prevImages.length === 0) {
    return { files: [...previous, ...next], note: `These ${countOf(nextImages.length, 'image')} read together with ${prevLists.map((f) => f.path).join(', ')} dropped before. Drop a folder with both to start over.` };
  }
  return null;
}
