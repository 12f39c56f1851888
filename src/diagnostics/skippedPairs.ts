/**
 * How many of the evaluated pairs use at least one image that could not be
 * embedded (a skipped image's row is NaN, so each of its pairs scores NaN and
 * is excluded by the curve): the summary can then say "15 pairs left out:
 * they use the 2 skipped images" instead of "15 non-finite scores excluded".
 *
 * Pairs are every i < j of `n` images, or the listed pairs (a[k], b[k]).
 * `skipped` may repeat an index; indices outside 0…n−1 are ignored.
 */
export function pairsUsingImages(n: number, skipped: ArrayLike<number>, pairs?: { a: ArrayLike<number>; b: ArrayLike<number> }): number {
  const mask = new Uint8Array(n);
  let s = 0;
  for (let k = 0; k < skipped.length; k++) {
    const i = skipped[k];
    if (i >= 0 && i < n && mask[i] === 0) {
      mask[i] = 1;
      s++;
    }
  }
  if (s === 0) return 0;
  if (!pairs) return s * (n - s) + (s * (s - 1)) / 2;
  let count = 0;
  for (let k = 0; k < pairs.a.length; k++) if (mask[pairs.a[k]] === 1 || mask[pairs.b[k]] === 1) count++;
  return count;
}
