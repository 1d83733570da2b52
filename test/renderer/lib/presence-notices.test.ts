import { describe, expect, it } from 'vitest';
import { dropNotices, enqueueNotices, MAX_NOTICES, noticesFor } from '../../../renderer/src/lib/presence-notices';

const user = (userId: string, nickname: string | null) => ({
  userId,
  nickname,
  role: null,
  online: true,
  microphone: null,
  maySyncFrame: false,
});

describe('join and leave notices', () => {
  it('names each change by nickname, else user id, without bidi controls, numbered from the next id', () => {
    const notices = noticesFor(
      [
        { kind: 'joined', user: user('zhang', 'Mr\u202e Zhang') },
        { kind: 'left', user: user('wang', '') },
      ],
      7,
    );
    expect(notices).toEqual([
      { id: 7, kind: 'joined', name: 'Mr Zhang', userId: 'zhang' },
      { id: 8, kind: 'left', name: 'wang', userId: 'wang' },
    ]);
  });

  it('keeps the newest few and drops the ones whose time is up', () => {
    let queue = noticesFor([{ kind: 'joined', user: user('a', 'A') }], 1);
    for (let id = 2; id <= MAX_NOTICES + 2; id += 1)
      queue = enqueueNotices(queue, noticesFor([{ kind: 'joined', user: user(`u${id}`, null) }], id));
    expect(queue).toHaveLength(MAX_NOTICES);
    expect(queue[0]!.id).toBe(3);
    expect(dropNotices(queue, [3, 5]).map((notice) => notice.id)).toEqual([4, 6, 7]);
  });
});
