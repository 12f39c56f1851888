import type { ReactNode } from 'react';
import { useApp } from '../state/context';
import type { DataDropView } from '../state/inputTypes';
import { pairBudgetProblem, plannedPairs } from '../state/userPairs';
import { SamplingControls } from './SamplingControls';
import { countOf } from './format';

const fmt = (n: number) => n.toLocaleString('en-US');
type DataInspection = Extract<DataDropView, { status: 'inspected' }>['inspection'];

const useSampling = () => useApp((s) => s.pairSampling);

/** What was understood of the dropped validation set: counts, and every skipped file with its reason. */
export function DataDropPanel() {
  const drop = useApp((s) => s.dataDrop);
  const sampling = useSampling();
  if (!drop) return null;
  if (drop.status === 'reading') return <p className="drop-status" role="status">{drop.detail}…</p>;
  if (drop.status === 'error') return <p className="drop-error" data-testid="error" role="alert">{drop.message}</p>;
  const result = <DataDropResult it={drop.inspection} sampling={sampling} />;
  if (!drop.combined) return result;
  return (
    <>
      <p className="drop-note" data-testid="data-combined">
        {drop.combined}
      </p>
      {result}
    </>
  );
}

function DataDropResult({ it, sampling }: { it: DataInspection; sampling: ReturnType<typeof useSampling> }) {
  const skipped = <Skipped items={it.skipped} />;
  if (it.kind === 'unsupported') {
    return (
      <div className="drop-result">
        <p className="drop-error" data-testid="error" role="alert">{it.message}</p>
        {skipped}
      </div>
    );
  }
  if (it.kind === 'scores') return <ScoresTableCounts it={it} skipped={skipped} />;
  if (it.kind === 'pair-list') return <PairListResult it={it} skipped={skipped} />;
  const c = it.counts;
  // Class folders and embeddings past the pair limit are sampled (see Sampling).
  const sampled = plannedPairs(c, sampling).sampled;
  const tooMany = pairBudgetProblem(c, sampling);
  const what = it.kind === 'embeddings' ? `${countOf(c.images, 'embedding')} of ${countOf(it.set.dim, 'value')}` : countOf(c.images, 'image');
  if (it.kind === 'class-folders' && c.images === 0) {
    const loose = it.skipped.filter((f) => f.reason.startsWith('not inside a class folder')).length;
    return (
      <div className="drop-result">
        <p className="drop-error" data-testid="error" role="alert">
          {loose > 0
            ? `${countOf(loose, 'image was', 'images were')} dropped, but none sits in a class folder (<class>/image.png), so no class is known. Fix: choose their parent folder with "Choose a folder…" (or drop it, or a zip of it); files picked one by one carry no folder.`
            : 'No image found in this drop. Fix: drop the folder that holds one folder of images per class (or a zip of it).'}
        </p>
        {skipped}
      </div>
    );
  }
  return (
    <div className="drop-result">
      <p
        data-testid="data-counts"
        data-images={c.images}
        data-classes={c.classes}
        data-positives={c.positives}
        data-negatives={c.negatives}
        data-sampled={String(sampled)}
      >
        <strong>{it.name}</strong>: {what} in {countOf(c.classes, 'class', 'classes')} → {countOf(c.positives, 'positive pair')} and {countOf(c.negatives, 'negative pair')}
        {sampled ? ' in all (sampled, see below)' : ' (every pair is scored)'}
      </p>
      {tooMany && (
        <p className="drop-error" data-testid="error" role="alert">
          {it.name}: {tooMany}.
        </p>
      )}
      {it.kind === 'class-folders' &&
        it.notes.map((n) => (
          <p key={n} className="drop-warn" data-testid="data-note" role="note">
            {n}
          </p>
        ))}
      {it.kind === 'class-folders' && <ClassList names={it.classes} ids={it.images.map((im) => im.label)} />}
      {it.kind === 'embeddings' && <ClassList names={it.set.classes} ids={it.set.classIds} />}
      <SamplingControls counts={c} />
      {c.classes < 2 && <p className="drop-error" data-testid="error">Only one class: there are no negative pairs, so precision is 1 everywhere. Drop at least two class folders.</p>}
      {c.classes >= 2 && c.positives === 0 && (
        <p className="drop-error" data-testid="error">
          No positive pairs: every class has a single image, so AP is 0 whatever the model does. Drop classes with at least two images each.
        </p>
      )}
      {it.kind === 'embeddings' &&
        it.warnings.map((w) => (
          <p key={w} className="warnings">
            {w}
          </p>
        ))}
      {skipped}
    </div>
  );
}

/** The classes read from the drop, with their image counts (a stray folder shows up here), and a word on classes of one image (no positive pair). */
function ClassList({ names, ids }: { names: readonly string[]; ids: ArrayLike<number> }) {
  const per = new Array<number>(names.length).fill(0);
  for (let k = 0; k < ids.length; k++) per[ids[k]]++;
  const single = names.filter((_, c) => per[c] === 1);
  return (
    <>
      <details className="class-list" data-testid="class-list">
        <summary>{names.length === 1 ? 'Its class' : `Its ${fmt(names.length)} classes`}</summary>
        <p>{names.map((n, c) => `${n} (${fmt(per[c])})`).join(' · ')}</p>
      </details>
      {/* With one class, or only single-image classes, the error below the counts says it all. */}
      {single.length > 0 && names.length >= 2 && single.length < names.length && (
        <p className="drop-note" data-testid="single-image-classes">
          {single.length === 1 ? `Class ${single[0]} has` : `${fmt(single.length)} classes (${single.slice(0, 5).join(', ')}${single.length > 5 ? ', …' : ''}) have`} a single image: no positive pair, only
          negatives. Fine if intended; otherwise add images of {single.length === 1 ? 'it' : 'them'} or leave {single.length === 1 ? 'it' : 'them'} out.
        </p>
      )}
    </>
  );
}

/** A scores table: rows, positives, negatives, names, non-finite scores and every skipped row (by line). */
function ScoresTableCounts({ it, skipped }: { it: Extract<Extract<DataDropView, { status: 'inspected' }>['inspection'], { kind: 'scores' }>; skipped: ReactNode }) {
  const t = it.table;
  const said = [...it.rowErrors, ...it.warnings];
  const rows = t.scores.length;
  return (
    <div className="drop-result">
      <p data-testid="data-counts" data-rows={rows} data-positives={t.positives} data-negatives={t.negatives} data-nonfinite={it.nonFinite} data-named={String(t.a !== null)}>
        <strong>{it.name}</strong>: a scores table of {fmt(rows)} pair{rows === 1 ? '' : 's'} ({fmt(t.positives)} positive, {fmt(t.negatives)} negative)
        {t.a ? ', with pair names' : ', without pair names (rows are shown by line)'}. No model is needed: the curve is drawn from these scores.
      </p>
      {it.nonFinite > 0 && (
        <p className="warnings">
          {fmt(it.nonFinite)} NaN/infinite score{it.nonFinite === 1 ? '' : 's'}: excluded from the curve and counted.
        </p>
      )}
      {t.positives === 0 && (
        <p className="drop-error" data-testid="error">
          No positive pairs (no label 1/true): AP is 0 and the curve is flat. Check the label column.
        </p>
      )}
      {t.negatives === 0 && <p className="drop-error" data-testid="error">No negative pairs (no label 0/false): precision is 1 everywhere.</p>}
      {said.length > 0 && (
        <details className="skipped" open={said.length <= 8}>
          <summary>{fmt(said.length)} note{said.length === 1 ? '' : 's'} on the table</summary>
          <ul data-testid="table-notes">
            {said.slice(0, 50).map((w) => (
              <li key={w}>{w}</li>
            ))}
            {said.length > 50 && <li>… and {fmt(said.length - 50)} more (all are listed above the curve after the run)</li>}
          </ul>
        </details>
      )}
      {skipped}
    </div>
  );
}

function Skipped({ items }: { items: { path: string; reason: string }[] }) {
  if (items.length === 0) return null;
  return (
    <details className="skipped" open={items.length <= 8}>
      <summary>
        {fmt(items.length)} file{items.length === 1 ? '' : 's'} skipped
      </summary>
      <ul data-testid="skipped">
        {items.map((s) => (
          <li key={s.path}>
            <code>{s.path}</code> — {s.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}

const FORMAT: Record<Extract<DataInspection, { kind: 'pair-list' }>['format'], string> = {
  'pairs-csv': 'pairs CSV',
  'lfw-pairs': 'LFW pairs.txt',
  'triplets-csv': 'triplets CSV: one positive and one negative pair per triplet',
};

/** What each line of a pair list holds: named when a list has no pairs at all. */
const EXPECTED_LINES: Record<Extract<DataInspection, { kind: 'pair-list' }>['format'], string> = {
  'pairs-csv': 'path_a,path_b,label (label 1 = same class, 0 = different)',
  'lfw-pairs': '"name n1 n2" (same person) or "name1 n1 name2 n2" (different people)',
  'triplets-csv': 'anchor,positive,negative',
};

/** A dropped pair list: what was read, the counts, and every problem naming the list file, its line and the fix. */
function PairListResult({ it, skipped }: { it: Extract<DataInspection, { kind: 'pair-list' }>; skipped: React.ReactNode }) {
  const c = it.counts;
  // What the list loses (red, like every error) apart from what it keeps with an assumption (amber).
  const problems = (it.problems.length > 0 || it.notes.length > 0) && (
    <>
      {it.problems.length > 0 && (
        <ul className="list-errors" data-testid="list-problems" role="alert">
          {it.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {it.notes.length > 0 && (
        <ul className="warnings" data-testid="list-notes">
          {it.notes.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </>
  );
  if (it.awaitingImages) {
    const l = c.listed;
    return (
      <div className="drop-result">
        <p className="drop-note" data-testid="data-counts" data-kind="pair-list" data-awaiting="images" data-images={0} data-pairs={0} data-listed-pairs={l.pairs} data-listed-images={l.images}>
          <strong>{it.name}</strong> ({FORMAT[it.format]}) lists {fmt(l.pairs)} pairs ({fmt(l.positives)} positive, {fmt(l.negatives)} negative) naming {fmt(l.images)} images. Now
          drop those images (their folder or a .zip): they are read together with this list, and only they are embedded.
        </p>
        {problems}
        {skipped}
      </div>
    );
  }
  return (
    <div className="drop-result">
      <p
        data-testid="data-counts"
        data-kind="pair-list"
        data-images={c.images}
        data-pairs={c.pairs}
        data-positives={c.positives}
        data-negatives={c.negatives}
        data-skipped-pairs={c.skippedPairs}
      >
        <strong>{it.name}</strong> ({FORMAT[it.format]}): {fmt(c.pairs)} pairs ({fmt(c.positives)} positive, {fmt(c.negatives)} negative) over {fmt(c.images)} images — only
        these images are embedded, each once, and only the listed pairs are scored.
        {c.skippedPairs > 0 && <> {c.skippedPairs === 1 ? 'One pair of the list is' : `${fmt(c.skippedPairs)} pairs of the list are`} left out (see below).</>}
      </p>
      <p className="hint">{it.classesNote}</p>
      {c.pairs === 0 && (
        <p className="drop-error" data-testid="error" role="alert">
          {c.skippedPairs === 0
            ? `${it.name} has no pairs: a ${FORMAT[it.format]} needs one line per ${it.format === 'triplets-csv' ? 'triplet' : 'pair'}: ${EXPECTED_LINES[it.format]}.`
            : c.missingImages > 0
              ? `No pair of ${it.name} has both images among the dropped files: drop the list together with the image folders it names.`
              : `No pair of ${it.name} is usable: every line was left out (see below).`}
        </p>
      )}
      {c.pairs > 0 && (c.positives === 0 || c.negatives === 0) && (
        <p className="drop-error" data-testid="error">
          The list has no {c.positives === 0 ? 'positive' : 'negative'} pairs: the curve will be flat.
        </p>
      )}
      {problems}
      {skipped}
    </div>
  );
}
