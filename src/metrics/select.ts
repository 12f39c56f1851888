import { assert } from '../base/assert';

/**
 * Positions of the `k` best entries of `values`, best first: ordered by value
 * (highest first) and, among equal values, by position (lowest first).
 * O(n + k log k): a quickselect finds the k-th best value, then only the
 * ≤ k winners are sorted. `values` is not modified.
 *
 * Contract: no NaN in `values` (map it to −Infinity first); 0 ≤ k ≤ n.
 * Reference: `np.argsort(-values, kind='stable')[:k]`.
 */
export function topPositions(values: Float64Array, k: number, scratch?: Float64Array): Uint32Array {
  const n = values.length;
  assert(Number.isInteger(k) && k >= 0 && k <= n, `topPositions: k = ${k} outside 0..${n}`);
  const out = new Uint32Array(k);
  if (k === 0) return out;
  const tmp = scratch && scratch.length >= n ? scratch.subarray(0, n) : new Float64Array(n);
  tmp.set(values);
  const cut = kthLargest(tmp, k - 1);
  // Everything above the cut, then the lowest-positioned entries equal to it.
  let above = 0;
  for (let i = 0; i < n; i++) if (values[i] > cut) above++;
  let taken = 0;
  let equalLeft = k - above;
  for (let i = 0; i < n && taken < k; i++) {
    const v = values[i];
    if (v > cut) out[taken++] = i;
    else if (v === cut && equalLeft > 0) {
      out[taken++] = i;
      equalLeft--;
    }
  }
  out.sort((a, b) => {
    const va = values[a];
    const vb = values[b];
    return va > vb ? -1 : va < vb ? 1 : a - b;
  });
  return out;
}

/**
 * The value that would sit at position `r` (0-based) if `a` were sorted in
 * decreasing order; `a` is partially reordered (nth_element). O(n) expected.
 *
 * Contract: no NaN; 0 ≤ r < a.length.
 * Reference: `np.partition(-a, r)[r]` negated (Hoare's FIND / quickselect).
 */
export function kthLargest(a: Float64Array, r: number): number {
  assert(Number.isInteger(r) && r >= 0 && r < a.length, `kthLargest: rank ${r} outside 0..${a.length - 1}`);
  let left = 0;
  let right = a.length - 1;
  while (right > left) {
    // Median of three as the pivot; Hoare partition stops on equal keys, so runs of ties stay O(n).
    const mid = left + ((right - left) >> 1);
    const x = a[left];
    const y = a[mid];
    const z = a[right];
    const pivot = x > y ? (y > z ? y : x > z ? z : x) : x > z ? x : y > z ? z : y;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] > pivot) i++;
      while (a[j] < pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (r <= j) right = j;
    else if (r >= i) left = i;
    else return a[r];
  }
  return a[r];
}
