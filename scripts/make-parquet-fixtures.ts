/**
 * Writes the Parquet fixtures of tests/unit/io/scoresParquet.test.ts with
 * hyparquet-writer (a devDependency). Run: npx tsx scripts/make-parquet-fixtures.ts
 * The files are committed; the tests only read them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'fflate';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { parseScoresCsv } from '../src/io/scoresCsv';

const OUT = new URL('../tests/fixtures/io/', import.meta.url);
const write = (name: string, buf: ArrayBuffer) => {
  writeFileSync(new URL(name, OUT), new Uint8Array(buf));
  console.log(name, buf.byteLength, 'bytes');
};

// score (double, with a NaN), label (bool, with one null), a, b (strings). Snappy, as pandas writes by default.
write(
  'scores.parquet',
  parquetWriteBuffer({
    columnData: [
      { name: 'score', data: [0.9, 0.8, NaN, 0.1, 0.25], type: 'DOUBLE' },
      { name: 'label', data: [true, false, true, null, false], type: 'BOOLEAN' },
      { name: 'a', data: ['x/1.jpg', 'x/1.jpg', 'x/2.jpg', 'y/1.jpg', 'y/2.jpg'], type: 'STRING' },
      { name: 'b', data: ['x/2.jpg', 'y/1.jpg', 'x/3.jpg', 'y/2.jpg', 'x/3.jpg'], type: 'STRING' },
    ],
  }),
);

// Distance instead of score, int64 labels, gzip-compressed, columns in another order and case.
write(
  'distances-gzip.parquet',
  parquetWriteBuffer({
    codec: 'GZIP',
    compressors: { GZIP: (b: Uint8Array) => gzipSync(b, { mtime: 0 }) }, // mtime 0: same bytes on every run
    columnData: [
      { name: 'Label', data: [1n, 0n, 1n], type: 'INT64' },
      { name: 'Distance', data: [0.5, 2.0, 0.25], type: 'DOUBLE' },
    ],
  }),
);

// Marked ZSTD (the bytes are left uncompressed: the reader must refuse it before decoding).
write(
  'scores-zstd.parquet',
  parquetWriteBuffer({
    codec: 'ZSTD',
    compressors: { ZSTD: (b: Uint8Array) => b },
    columnData: [
      { name: 'score', data: [0.5], type: 'DOUBLE' },
      { name: 'label', data: [1], type: 'INT32' },
    ],
  }),
);

// No label column.
write('no-label.parquet', parquetWriteBuffer({ columnData: [{ name: 'score', data: [0.5], type: 'DOUBLE' }] }));

// The scores table of tests/fixtures/io/scores-table.csv (written by make-metric-fixtures.py with its
// scikit-learn reference metrics/scores_table.json) as Parquet: the same doubles (NaN and +inf kept), int32 labels.
{
  const parsed = parseScoresCsv(readFileSync(new URL('scores-table.csv', OUT), 'utf8'), 'scores-table.csv');
  if (parsed.issues.length > 0) throw new Error(`scores-table.csv: ${parsed.issues.length} issues`);
  const t = parsed.table;
  write(
    'scores-table.parquet',
    parquetWriteBuffer({
      columnData: [
        { name: 'score', data: Array.from(t.scores), type: 'DOUBLE' },
        { name: 'label', data: Array.from(t.labels), type: 'INT32' },
        { name: 'a', data: t.a!, type: 'STRING' },
        { name: 'b', data: t.b!, type: 'STRING' },
      ],
    }),
  );
}
