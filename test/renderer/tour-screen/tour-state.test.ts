import { describe, expect, it } from 'vitest';
import { canReconnect, handOverCandidates, railEntries, tourStage, whoLeads } from '../../../renderer/src/features/tour-screen/tour-state';
import type { LiveUser } from '../../../renderer/src/lib/use-live-presence';

function user(userId: string, over: Partial<LiveUser> = {}): LiveUser {
  return { userId, nickname: null, role: null, online: true, microphone: null, maySyncFrame: false, ...over };
}

const agent = user('agent', { nickname: 'Agent Li', maySyncFrame: true, role: 'host' });
const zhang = user('zhang', { nickname: 'Mr Zhang' });
const wang = user('wang', { nickname: 'Ms Wang' });

describe('the tour stage', () => {
  it('is live only while connected, and ended when the room closed or the agent ended it', () => {
    expect(tourStage(null, false)).toBe('connecting');
    expect(tourStage({ connection: 'connected' }, false)).toBe('live');
    expect(tourStage({ connection: 'room-closed' }, false)).toBe('ended');
    expect(tourStage({ connection: 'connected' }, true)).toBe('ended');
    expect(tourStage({ connection: 'replaced' }, false)).toBe('replaced');
    expect(tourStage({ connection: 'kicked' }, false)).toBe('kicked');
  });

  it('offers to connect again except while connecting, live or ended', () => {
    expect(canReconnect('replaced')).toBe(true);
    expect(canReconnect('reconnecting')).toBe(true);
    expect(canReconnect('connecting')).toBe(false);
    expect(canReconnect('ended')).toBe(false);
    expect(canReconnect('live')).toBe(false);
  });
});

describe('who leads the view', () => {
  it('is nobody before the channel answers', () => {
    expect(whoLeads(null)).toEqual({ kind: 'nobody' });
  });

  it('is the agent while its own sync_frame permission is on', () => {
    expect(whoLeads({ self: agent, users: [agent, zhang], leaderId: 'zhang' })).toEqual({ kind: 'self' });
  });

  it('is the online guest holding the permission after the agent handed it over', () => {
    const handed = { ...agent, maySyncFrame: false };
    const leading = { ...zhang, maySyncFrame: true };
    expect(whoLeads({ self: handed, users: [handed, leading, wang], leaderId: null })).toEqual({ kind: 'other', user: leading });
  });

  it('prefers the latest keyframe sender among several guests still holding the permission', () => {
    const handed = { ...agent, maySyncFrame: false };
    const a = { ...zhang, maySyncFrame: true };
    const b = { ...wang, maySyncFrame: true };
    expect(whoLeads({ self: handed, users: [handed, a, b], leaderId: 'wang' })).toEqual({ kind: 'other', user: b });
    expect(whoLeads({ self: handed, users: [handed, a, b], leaderId: null })).toEqual({ kind: 'other', user: a });
  });

  it('takes the VR part’s own answer when it has one', () => {
    const presence = { self: agent, users: [agent, zhang], leaderId: null };
    expect(whoLeads(presence, 'zhang')).toEqual({ kind: 'other', user: zhang });
    expect(whoLeads(presence, null)).toEqual({ kind: 'nobody' });
    expect(whoLeads(presence, 'agent')).toEqual({ kind: 'self' });
    expect(whoLeads(presence, undefined)).toEqual({ kind: 'self' });
  });

  it('falls back to whoever sent the latest keyframe, and ignores an offline holder', () => {
    const handed = { ...agent, maySyncFrame: false };
    const gone = { ...zhang, maySyncFrame: true, online: false };
    expect(whoLeads({ self: handed, users: [handed, gone, wang], leaderId: 'wang' })).toEqual({ kind: 'other', user: wang });
    expect(whoLeads({ self: handed, users: [handed, gone], leaderId: null })).toEqual({ kind: 'nobody' });
  });
});

describe('the side rail', () => {
  it('lists the agent first, then who is online by name, then who left, with voice and the leader marked', () => {
    const gone = user('chen', { nickname: 'Chen', online: false });
    const entries = railEntries(
      { self: agent, users: [gone, zhang, agent, wang], leaderId: null },
      { wang: { inVoice: true, speaking: true } },
    );
    expect(entries.map((entry) => entry.user.userId)).toEqual(['agent', 'zhang', 'wang', 'chen']);
    expect(entries[0]).toMatchObject({ isSelf: true, leads: true });
    expect(entries[2]).toMatchObject({ isSelf: false, leads: false, voice: { inVoice: true, speaking: true } });
    expect(entries[1]!.voice).toEqual({ inVoice: false, speaking: false });
  });

  it('shows the microphone as voice knows it when it does, else as the channel says', () => {
    const open = { ...agent, microphone: 'closed' as const };
    const presence = { self: open, users: [open, zhang], leaderId: null };
    expect(railEntries(presence, { agent: { inVoice: true, speaking: false, microphone: 'open' } })[0]!.microphone).toBe('open');
    expect(railEntries(presence, { agent: { inVoice: false, speaking: false, microphone: null } })[0]!.microphone).toBe('closed');
    expect(railEntries(presence, { zhang: { inVoice: true, speaking: false, microphone: 'closed' } })[1]!.microphone).toBe('closed');
    expect(railEntries(presence, {})[1]!.microphone).toBe('unknown');
  });

  it('offers the online guests, never the agent, for handing over', () => {
    const gone = user('chen', { online: false });
    expect(handOverCandidates({ self: agent, users: [agent, zhang, gone] }).map((entry) => entry.userId)).toEqual(['zhang']);
    expect(handOverCandidates(null)).toEqual([]);
  });
});
