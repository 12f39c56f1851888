import { gunzipSync } from 'fflate';
import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import { asUint8, type Bytes } from './bytes';
import { InputError, IssueLog } from './inputIssue';
import { ScoresBuilder, scoreColumns, SCORES_COLUMNS_HELP, type ParsedScores } from './scoresTable';

/**
 * Scores table from Parquet (hyparquet, pure JS): columns `score` (or
 * `distance`, read as −distance), `label` and optional `a`, `b`, matched by
 * name case-insensitively as in `parseScoresCsv`. Labels may be bool, integer
 * 0/1 or the strings accepted by `parsePairLabel`. Compression: none, snappy
 * (pandas/pyarrow default) and gzip (through fflate); zstd (polars' default),
 * brotli and lz4 are refused with the fix (write with snappy).
 *
 * Contract: `bytes` is the whole file. Throws `InputError` when it is not
 * Parquet, lacks the columns, or uses a codec it cannot decode; bad rows are
 * reported by 1-based row number and skipped.
 */
export async function parseScoresParquet(bytes: Bytes, file: string): Promise<ParsedScores> {
  const u8 = asUint8(bytes);
  const buffer = u8.byteOffset === 0 && u8.byteLength === u8.buffer.byteLength ? (u8.buffer as ArrayBuffer) : u8.slice().buffer;
  let names: string[];
  let metadata: ReturnType<typeof parquetMetadata>;
  try {
    metadata = parquetMetadata(buffer);
    names = parquetSchema(metadata).children.map((c) => c.element.name);
  } catch (e) {
    throw new InputError({ file, message: `is not a readable Parquet file (${(e as Error).message})`, fix: 'write it with pandas.DataFrame.to_parquet or pyarrow.parquet.write_table' });
  }
  const cols = scoreColumns(names);
  if (!cols) {
    throw new InputError({ file, field: names.join(', '), message: `has columns [${names.join(', ')}] but needs a score (or distance) column and a label column`, fix: SCORES_COLUMNS_HELP });
  }
  const wanted = [names[cols.score], names[cols.label], ...(cols.a >= 0 ? [names[cols.a], names[cols.b]] : [])];
  const rowCount = Number(metadata.num_rows);
  const data = new Map<string, unknown[]>(wanted.map((n) => [n, new Array(rowCount)]));
  try {
    await parquetRead({
      file: buffer,
      metadata,
      columns: wanted,
      compressors: { GZIP: (input: Uint8Array) => gunzipSync(input) },
      onChunk: (chunk) => {
        const out = data.get(chunk.columnName);
        if (!out) return;
        for (let r = chunk.rowStart; r < chunk.rowEnd && r < rowCount; r++) out[r] = chunk.columnData[r - chunk.rowStart];
      },
    });
  } catch (e) {
    const why = (e as Error).message;
    const codec = /compression|codec/i.test(why);
    throw new InputError({
      file,
      message: codec ? `uses a compression codec this reader cannot decode (${why})` : `could not be read (${why})`,
      fix: codec ? "write it with compression='snappy' (pandas/pyarrow default) or compression=None" : 'write it again with pandas.DataFrame.to_parquet',
    });
  }
  const log = new IssueLog(file, 'row');
  if (cols.distance) log.warning(undefined, 'has a distance column; using score = −distance (smaller distance = more alike)', 'write a score column instead if your numbers are similarities', names[cols.score]);
  const builder = new ScoresBuilder(log, cols.a >= 0, cols.distance, names[cols.score]);
  const [s, l, a, b] = wanted.map((n) => data.get(n)!);
  for (let r = 0; r < rowCount; r++) builder.add(r + 1, s[r], l[r], a?.[r], b?.[r]);
  return { table: builder.build(), issues: log.issues };
}
