import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en';
import { zhCN } from '../../../renderer/src/i18n/zh-CN';
import { localeFromLanguages } from '../../../renderer/src/i18n/locale';

/** Every key path of a dictionary, with the kind of value at it. */
function shape(value: unknown, path = ''): string[] {
  if (typeof value === 'function') return [`${path}()`];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => shape(inner, `${path}.${key}`));
  return [path];
}

describe('the translation dictionaries', () => {
  it('have the same keys in English and Chinese, history, viewer and voice included', () => {
    expect(shape(zhCN).sort()).toEqual(shape(en).sort());
    expect(Object.keys(en)).toEqual(expect.arrayContaining(['history', 'viewer', 'voice', 'errors']));
  });

  it('give advice for every error kind in Chinese that is not the English text', () => {
    for (const kind of Object.keys(en.errors.advice) as Array<keyof typeof en.errors.advice>) {
      expect(zhCN.errors.advice[kind]).toMatch(/[\u4e00-\u9fff]/);
      expect(zhCN.errors.title[kind]).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('count one room as "1 room"', () => {
    expect(en.rooms.count({ shown: 1, total: 1 })).toBe('1 room');
    expect(en.rooms.count({ shown: 2, total: 2 })).toBe('2 rooms');
    expect(en.rooms.count({ shown: 1, total: 5 })).toBe('1 of 5 rooms');
    expect(en.history.resultCount(1)).toBe('1 room');
    expect(en.history.exportSaved(1)).toBe('Exported 1 room to:');
  });

  it('name a room status the same way on the room page and in history: raw, "closed" only on evidence', () => {
    expect(en.room.statusLabel(0)).toBe('Status 0');
    expect(en.room.statusLabel(null)).toBe('Unknown');
    expect(zhCN.room.statusLabel(2)).toBe('状态 2');
    expect(zhCN.room.statusClosed(2)).toBe('已关闭（状态 2）');
    expect('status' in en.history).toBe(false);
  });

  it('pick Simplified Chinese for any Chinese system language', () => {
    expect(localeFromLanguages(['zh-TW', 'en'])).toBe('zh-CN');
    expect(localeFromLanguages(['', 'de-DE'])).toBe('en');
  });
});
