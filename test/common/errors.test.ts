import { describe, expect, it } from 'vitest';
import { appErrorSchema, errorKinds } from '../../common/errors';

describe('appErrorSchema', () => {
  it('accepts every declared kind and rejects others', () => {
    for (const kind of errorKinds) expect(appErrorSchema.safeParse({ kind, message: 'x' }).success).toBe(true);
    expect(appErrorSchema.safeParse({ kind: 'boom', message: 'x' }).success).toBe(false);
  });
});
