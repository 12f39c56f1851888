import { describe, expect, it } from 'vitest';
import { checkOutputTensor, defaultOutput, judgeOutput, outputProblem, signatureOutputs, type TensorSummary } from '../../../src/model/modelOutputs';

const t = (name: string, shape: (number | null)[], dtype = 'float32'): TensorSummary => ({ name, shape, dtype });

describe('outputProblem: which outputs can be an embedding', () => {
  it('a float [batch, D] output (D > 1) is an embedding; so is a [batch, 1, 1, D] pooled map, of size D', () => {
    expect(outputProblem(t('embedding', [null, 16]))).toBeNull();
    expect(outputProblem(t('pooled', [null, 1, 1, 64]))).toBeNull();
    expect(judgeOutput(t('pooled', [null, 1, 1, 64])).size).toBe(64);
    expect(judgeOutput(t('embedding', [null, 16])).size).toBe(16);
  });

  it('a dynamic width is accepted with size null (known after the first batch); an unstated shape is left to the runtime check', () => {
    expect(judgeOutput(t('e', [null, null]))).toMatchObject({ problem: null, size: null });
    expect(judgeOutput(t('Identity', [], ''))).toMatchObject({ problem: null, size: null });
  });

  it('a 4-D feature map is refused, naming the output, its shape and the fix (pool it before exporting)', () => {
    const p = outputProblem(t('conv5_block3_out', [null, 7, 7, 512]));
    expect(p).toMatch(/Output "conv5_block3_out" \[\?, 7, 7, 512\] is a 4-D feature map/);
    expect(p).toMatch(/GlobalAveragePooling2D/);
    expect(outputProblem(t('map', [null, null, null, 32]))).toMatch(/feature map/);
  });

  it('one number per image ([batch, 1] logit or [batch] score) is refused, naming the output', () => {
    expect(outputProblem(t('logit', [null, 1]))).toMatch(/Output "logit" \[\?, 1\] has width 1 \(one score or logit per image\)/);
    expect(outputProblem(t('score', [null]))).toMatch(/Output "score" \[\?\] gives one number per image/);
  });

  it('an integer output (class ids) is refused', () => {
    expect(outputProblem(t('class_id', [null, 5], 'int32'))).toMatch(/Output "class_id" .* gives int32 values/);
  });

  it('checkOutputTensor(name, actual shape) throws the same message once a model that did not state its shape runs', () => {
    expect(() => checkOutputTensor('Identity_2', [8, 4, 4, 3], 'float32')).toThrow(/Output "Identity_2" \[\?, 4, 4, 3\] is a 4-D feature map/);
    expect(() => checkOutputTensor('Identity', [8, 16], 'float32')).not.toThrow();
  });
});

describe('defaultOutput: the output used unless the user picks one', () => {
  const judged = (...ts: TensorSummary[]) => ts.map((x) => judgeOutput(x));

  it('prefers the [batch, D] output named like an embedding over logits, whatever their order', () => {
    const a = defaultOutput(judged(t('logits', [null, 10]), t('embedding', [null, 16])));
    expect(a).toEqual({ name: 'embedding', reason: 'the [batch, D] output named like an embedding' });
    expect(defaultOutput(judged(t('embedding', [null, 16]), t('logits', [null, 10]))).name).toBe('embedding');
    expect(defaultOutput(judged(t('predictions', [null, 1000]), t('avg_pool', [null, 2048]))).name).toBe('avg_pool');
    expect(defaultOutput(judged(t('probs', [null, 10]), t('l2_normalize', [null, 128]))).name).toBe('l2_normalize');
    expect(defaultOutput(judged(t('class_logits', [null, 10]), t('features', [null, 128]))).name).toBe('features');
  });

  it('skips outputs that cannot be an embedding and says how many', () => {
    const d = defaultOutput(judged(t('feature_map', [null, 7, 7, 512]), t('Identity_1', [null, 64])));
    expect(d.name).toBe('Identity_1');
    expect(d.reason).toBe('the only [batch, D] output; 1 other is not [batch, D]');
  });

  it('without telling names, takes the first [batch, D] output not named like a head, and says to check it', () => {
    const d = defaultOutput(judged(t('logits', [null, 10]), t('Identity', [null, 32]), t('Identity_1', [null, 8])));
    expect(d.name).toBe('Identity');
    expect(d.reason).toMatch(/no output is named like an embedding .* check that it is the right one/);
  });

  it("one output is the default even when it is not an embedding (its problem is shown); none usable: the first, said so", () => {
    expect(defaultOutput(judged(t('out', [null, 7, 7, 3])))).toEqual({ name: 'out', reason: "the model's only output" });
    expect(defaultOutput(judged(t('a', [null, 1]), t('b', [null])))).toEqual({ name: 'a', reason: 'no output has the [batch, D] shape of an embedding' });
  });
});

describe('signatureOutputs: graph-model outputs from model.json, without loading', () => {
  it('reads keys, tensor names, dtypes and shapes (−1 → dynamic); none without a signature', () => {
    const sig = {
      outputs: {
        embedding: { name: 'Identity:0', dtype: 'DT_FLOAT', tensorShape: { dim: [{ size: '-1' }, { size: '16' }] } },
        ids: { name: 'Identity_1:0', dtype: 'DT_INT32', tensorShape: { unknownRank: true } },
      },
    };
    expect(signatureOutputs(sig)).toEqual([
      { name: 'embedding', shape: [null, 16], dtype: 'float32', tensor: 'Identity:0' },
      { name: 'ids', shape: [], dtype: 'int32', tensor: 'Identity_1:0' },
    ]);
    expect(signatureOutputs(undefined)).toBeNull();
    expect(signatureOutputs({ inputs: {} })).toBeNull();
  });
});
