import type { DroppedFile } from './dropFiles';
import { isImagePath, junkReason } from './pathRules';
import { countOf } from '../base/countOf';

const LIST = /\.(txt|csv|tsv)$/i;

const images = (files: readonly DroppedFile[]) => files.filter((f) => isImagePath(f.path) && junkReason(f.path) === null);
const lists = (files: readonly DroppedFile[]) => files.filter((f) => LIST.test(f.path) && junkReason(f.path) === null);
const npy = (files: readonly DroppedFile[]) => files.filter((f) => /\.npy$/i.test(f.path));

/**
 * A pairs list and its images often come in two drops (the folder picker
 * takes folders, the file picker files): a drop of only a list after a drop of
 * only images, or the other way round, is offered as one drop; so is a list
 * alone after images with a list (it replaces that list), and an .npy and its
 * labels picked one after the other. The caller keeps the combination when it
 * reads as a pair list (or embeddings), and otherwise treats the new drop on
 * its own. Returns the files together and a line saying what was combined, or
 * null when the new drop stands alone (it has both, or neither matches).
 */
export function combineWithPrevious(previous: readonly DroppedFile[] | null, next: readonly DroppedFile[]): { files: DroppedFile[]; note: string; makes: 'pair-list' | 'embeddings' } | null {
  if (!previous || previous.length === 0) return null;
  const [prevImages, prevLists, nextImages, nextLists] = [images(previous), lists(previous), images(next), lists(next)];
  // Embeddings (.npy) never pair with images: a folder dropped after an .npy run starts over.
  if (npy(previous).length + npy(next).length > 0 && prevImages.length + nextImages.length > 0) return null;
  if (nextImages.length === 0 && nextLists.length > 0 && prevImages.length > 0 && prevLists.length === 0) {
    return { makes: 'pair-list', files: [...previous, ...next], note: `${nextLists.map((f) => f.path).join(', ')} ${nextLists.length === 1 ? 'is' : 'are'} read together with the ${countOf(prevImages.length, 'image')} dropped before. Drop a folder with both to start over.` };
  }
  if (nextLists.length === 0 && nextImages.length > 0 && prevLists.length > 0 && prevImages.length === 0) {
    return { makes: 'pair-list', files: [...previous, ...next], note: `${nextImages.length === 1 ? 'This image is' : `These ${countOf(nextImages.length, 'image')} are`} read together with ${prevLists.map((f) => f.path).join(', ')} dropped before. Drop a folder with both to start over.` };
  }
  // A corrected list for the images already dropped with a list: the new list replaces the old one.
  if (nextImages.length === 0 && nextLists.length > 0 && prevImages.length > 0 && prevLists.length > 0) {
    const kept = previous.filter((f) => !lists([f]).length);
    return { makes: 'pair-list', files: [...kept, ...next], note: `${nextLists.map((f) => f.path).join(', ')} replaces ${prevLists.map((f) => f.path).join(', ')} and is read with the ${countOf(prevImages.length, 'image')} dropped before. Drop a folder with both to start over.` };
  }
  // Embeddings and their labels in two picks (an .npy, then a labels .npy or .txt, or the other way round).
  const arrayOrLabels = (f: DroppedFile) => npy([f]).length + lists([f]).length === 1;
  if (previous.length === 1 && next.length === 1 && npy([...previous, ...next]).length >= 1 && arrayOrLabels(previous[0]) && arrayOrLabels(next[0])) {
    return { makes: 'embeddings', files: [...previous, ...next], note: `${next[0].path} is read together with ${previous[0].path} dropped before. Drop both at once to start over.` };
  }
  return null;
}
