import { DEFAULT_REALSEE_TIME_ZONE } from '../../common/realsee-time';
import type { AppServices } from '../app-services';
import type { BridgeHandlers } from './dispatch';
import { createJoinVoiceHandler, createRoomVoiceConfigSource, createVoiceHintsResolver } from '../voice';

/** Binds every contract method to the service that does the work. Nothing else lives here. */
export function createBridgeHandlers(services: AppServices): BridgeHandlers {
  const { profiles, rooms, history } = services;
  const joinVoice = createJoinVoiceHandler({
    rooms,
    resolveHints: createVoiceHintsResolver({
      activeProfile: () => profiles.getActive(),
      rtcInfoFor: (roomCode) => services.live.presence(roomCode)?.voice ?? null,
      roomVoiceConfigFor: createRoomVoiceConfigSource({ profiles, clients: services.clients }),
    }),
  });
  /** Whose timeline a voice or end-room event goes on: the room's own profile, else the active one. */
  const roomOwner = async (roomCode: string) => {
    const active = await profiles.getActive();
    return { profileId: history.ownerOf(roomCode) ?? active.id, userId: active.userId };
  };

  return {
    getAppInfo: async () => services.appInfo(),

    listProfiles: async () => profiles.overview(),
    saveProfile: async (draft) => {
      const saved = await profiles.save(draft);
      services.clients.forget(saved.id);
      return saved;
    },
    testProfileConnection: async (input) => profiles.testConnection(input),
    activateProfile: async ({ id }) => profiles.setActive(id),
    deleteProfile: async ({ id }) => {
      await profiles.delete(id);
      services.clients.forget(id);
      return { deleted: true as const };
    },

    createRoom: async (input) => rooms.createRoom(input),
    getRoomDetails: async ({ roomCode }) => rooms.getRoomDetails(roomCode),
    issueGuestPass: async (input) => rooms.issueGuestPass(input),
    getVoiceSignature: async ({ roomCode }) => {
      // The voice room number from the last details seen, so the signature is bound to it.
      const saved = (await history.has({ roomCode })) ? await history.get({ roomCode }) : null;
      const lastVoiceId = saved?.snapshots.at(-1)?.voiceId ?? null;
      const voiceId = lastVoiceId === null ? null : String(lastVoiceId);
      const signature = await rooms.voiceSignature(roomCode, voiceId);
      // The signature itself stays in main; the renderer learns only that one was obtained.
      return {
        roomCode,
        userIdentifier: signature.userIdentifier,
        voiceId,
        voiceAppId: signature.voiceAppId,
        obtainedAt: signature.obtainedAt,
        expiresAt: signature.expiresAt,
      };
    },
    joinVoice: async (input) => {
      const joined = await joinVoice(input);
      await services.activity.voiceJoined({ ...(await roomOwner(input.roomCode)), roomCode: input.roomCode });
      return joined;
    },
    leaveVoice: async ({ roomCode }) => {
      const owner = await roomOwner(roomCode);
      await services.activity.voiceLeft({ ...owner, roomCode });
      return { recorded: await history.has({ profileId: owner.profileId, roomCode }) };
    },
    sendVoiceSignal: async (input) => services.voiceSignals.send(input),
    setRoomMicrophone: async ({ roomCode, open, userId }) => services.voiceSignals.setMicrophone(roomCode, open, userId),
    listVrs: async ({ page }) => {
      const list = await rooms.listVrs(page);
      return { items: list.items, total: list.total };
    },
    getVrWork: async ({ vrCode }) => rooms.vrWork(vrCode),

    // Answers at once while the history loads ('loading'); every other history call waits for it.
    getHistoryStatus: async () => ({ startupReport: history.startupReport, stats: history.stats(), state: history.state() }),
    queryHistory: async (query) => history.query(query),
    getHistoryRoom: async (ref) => {
      const room = await history.get(ref);
      const profile = (await profiles.overview()).profiles.find((candidate) => candidate.id === room.profileId);
      return { room, timeline: await history.timeline(ref), timeZone: profile?.timeZone ?? DEFAULT_REALSEE_TIME_ZONE };
    },
    updateRoomNotes: async ({ notes, ...ref }) => history.updateNotes(ref, notes),
    exportHistory: async (options) => services.exportHistory(options),
    deleteHistoryRoom: async (ref) => {
      await history.deleteRoom(ref);
      return { deleted: true as const };
    },
    clearHistory: async () => {
      await history.clearAll();
      return { cleared: true as const };
    },

    getNetworkState: async () => services.network.state(),
    checkNetwork: async () => services.network.checkNow(),

    // Embedded viewer and live room channel: the renderer gets states, never tickets.
    openViewer: async ({ roomCode, bounds }) => services.viewer.open(roomCode, bounds),
    setViewerBounds: async ({ bounds, visible }) => ({ applied: services.viewer.setBounds(bounds, visible) }),
    reloadViewer: async ({ roomCode }) => services.viewer.reload(roomCode),
    closeViewer: async () => services.viewer.close(),
    getViewerState: async () => services.viewer.state(),
    openViewerInBrowser: async ({ roomCode }) => ({ opened: await services.viewer.openInBrowser(roomCode) }),
    openBlockedLinkInBrowser: async ({ roomCode }) => ({ opened: await services.viewer.openBlockedInBrowser(roomCode) }),
    answerMicrophoneRequest: async ({ roomCode, allow }) => ({ applied: services.microphone.answer(roomCode, allow) }),
    connectLiveChannel: async ({ roomCode, holder }) => services.live.connect(roomCode, holder),
    disconnectLiveChannel: async ({ roomCode, holder }) => services.live.disconnect(roomCode, holder),
    endRoom: async ({ roomCode }) => {
      await services.live.endRoom(roomCode);
      await services.activity.roomClosed({ ...(await roomOwner(roomCode)), roomCode });
      return { closed: true as const };
    },

    // The tour: its page gets the Work and the room's channel events from main, never a ticket.
    openTour: async ({ roomCode, bounds, locale }) => services.tour.open(roomCode, bounds, locale),
    setTourBounds: async ({ bounds, visible }) => ({ applied: services.tour.setBounds(bounds, visible) }),
    closeTour: async () => services.tour.close(),
    getTourState: async () => services.tour.state(),
    tourCommand: async ({ roomCode, command }) => ({ sent: services.tour.command(roomCode, command) }),
  };
}
