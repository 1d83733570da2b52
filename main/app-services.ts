import type { SandboxGateway } from './sandbox/index';
import { createGatewayClient } from './realsee/client';
import { createProfileService, type ProfileService } from './profiles/profile-service';
import type { KeyValueStore } from './profiles/profile-store';
import type { SecretVault } from './profiles/secret-vault';
import { createClientPool, type ClientPool } from './rooms/client-pool';
import { createRoomService, type RoomService } from './rooms/room-service';
import type { Logger, SecretRegistry } from './logging/logger';
import { createHistoryService, type HistoryService } from './history/history-service';
import { historyActivityRecorder } from './history/activity-recorder';
import type { HistoryExportOptions } from '../common/history';
import { VR_CODE_PATTERN } from '../common/room-constants';
import type { EventName, EventPayload } from '../common/contract/index';
import { writeFileAtomic } from './history/atomic-file';
import { acquireDataFolderLock } from './data-folder-lock';
import {
  createLiveChannels,
  createViewerController,
  wsSocketFactory,
  type LiveSocketFactory,
  type ViewerHostFactory,
} from './viewer/index';
import { createMicrophoneConsent } from './viewer/microphone-consent';
import { createGuestWorkSender } from './viewer/guest-work-sender';
import { createGuestVoiceSender } from './viewer/guest-voice-sender';
import { createRoomVoiceConfigSource, createVoiceHintsResolver, planVoiceRoom } from './voice/index';
import { createVoiceSignalRelay } from './viewer/voice-signal-relay';
import { createConnectivityMonitor, createGatewayProbe, observeCalls, type BackoffPolicy } from './network/index';
import { runEveryStep } from './lifecycle/shutdown';
import { createTourController } from './tour/tour-controller';
import { startTourServer, type TourServer } from './tour/tour-server';
import { createTourPageDispatcher } from './tour/tour-page-dispatch';
import type { TourHostFactory } from './tour/tour-host';

export interface AppServicesOptions {
  /** Where the room history lives (the app's userData folder). */
  dataDir: string;
  /** Non-secret profile data (electron-store in the app, conf in tests). */
  profileStore: KeyValueStore;
  /** The OS keychain, for App Secrets. */
  vault: SecretVault;
  /** The embedded sandbox gateway, when it runs. */
  sandbox: SandboxGateway | null;
  logger: Logger;
  secrets: SecretRegistry;
  appVersion: string;
  platform: string;
  /** Asks the agent where to save an export; null when they cancel. */
  chooseExportPath: (suggestedName: string) => Promise<string | null>;
  /** Pushes an event to the renderer. */
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  now?: () => number;
  /** How the background reachability probe waits while offline (default 1 s doubling to 30 s). */
  networkBackoff?: BackoffPolicy;
  /**
   * Shows the room page for the embedded viewer: a WebContentsView in the app
   * (main/electron/viewer-view.ts), a browser page in the end-to-end harness. Without one, page
   * loads fail with a clear reason.
   */
  viewerHost?: ViewerHostFactory;
  /** Hands a room or blocked link to the system browser (after the agent agreed in the renderer). */
  openExternal?: (url: string) => Promise<boolean>;
  /** The live channel's WebSocket (default: the `ws` client). */
  liveSocketFactory?: LiveSocketFactory;
  /** Shows the tour page: a WebContentsView with the tour preload in the app, a browser page in the harness. */
  tourHost?: TourHostFactory;
  /** The built guest and tour pages (out/guest), served to the tour's host on loopback. */
  tourPageDir?: string;
}

/**
 * Builds every main-process service from its parts. It imports nothing from Electron, so the
 * app, the browser end-to-end harness and the Node tests all run the same composition.
 */
export async function createAppServices(options: AppServicesOptions) {
  // Before anything reads or writes the folder: a second writer would lose the first one's rooms.
  const dataLock = acquireDataFolderLock(options.dataDir);
  try {
    return await composeServices(options, dataLock.release);
  } catch (error) {
    dataLock.release();
    throw error;
  }
}

async function composeServices(options: AppServicesOptions, releaseDataFolder: () => void) {
  const now = options.now ?? Date.now;
  const clients: ClientPool = createClientPool(options.secrets);
  const sandbox = options.sandbox;

  const profiles: ProfileService = createProfileService({
    store: options.profileStore,
    vault: options.vault,
    sandbox: () => (sandbox ? { baseUrl: sandbox.baseUrl, ...sandbox.demoApp } : null),
    testConnection: async (profile) => {
      await createGatewayClient(profile).fetchAccessToken();
    },
    now,
  });

  // The history loads in the background: the window does not wait for it (bridge calls do).
  const history: HistoryService = createHistoryService({
    dir: options.dataDir,
    now,
    onStateChange: (state) => {
      options.emit('historyState', state);
      if (state.saveProblem) options.logger.warn('room history: a change was not saved', { error: state.saveProblem.error.message });
    },
  });
  void history.ready.then(() => {
    const report = history.startupReport;
    if (report?.problem)
      options.logger.warn('room history could not be used as it was', { outcome: report.outcome, movedTo: report.movedTo });
    else if (report?.outcome === 'migrated')
      options.logger.info('room history migrated', { from: report.migratedFrom, backup: report.backupPath });
  });

  const activity = historyActivityRecorder(history, (error) => options.logger.warn('room history: a change was not saved', { error }));
  // Every room call tells the monitor whether the gateway answered; while it does not, the
  // monitor probes the active profile's gateway in the background and announces the way back.
  const network = createConnectivityMonitor({
    probe: createGatewayProbe({
      baseUrl: async () => (await profiles.resolveGatewayProfile((await profiles.getActive()).id)).baseUrl,
    }),
    onChange: (state) => options.emit('networkState', state),
    now,
    ...(options.networkBackoff ? { backoff: options.networkBackoff } : {}),
  });
  const rooms: RoomService = observeCalls(
    createRoomService({ profiles, clients, activity, roomOwner: (roomCode) => history.ownerOf(roomCode), now }),
    network,
  );

  // Room pages get the microphone only after the agent said yes for that room (asked once per room).
  const microphone = createMicrophoneConsent({
    emit: (request) => options.emit('microphoneRequest', request),
    currentRoom: () => {
      const state = viewer.state();
      return state.phase === 'closed' || state.phase === 'idle' ? null : state.roomCode;
    },
  });
  const viewer = createViewerController({
    rooms,
    createHost: options.viewerHost ?? missingViewerHost,
    emit: (state) => {
      microphone.viewing(state.phase === 'closed' ? null : state.roomCode);
      options.emit('viewerState', state);
    },
    openExternal: options.openExternal ?? (async () => false),
    now,
  });
  const live = createLiveChannels({
    hostTicketLink: (roomCode, force) => rooms.hostTicketLink(roomCode, force),
    roomDetails: (roomCode) => rooms.getRoomDetails(roomCode),
    log: (message, fields) => options.logger.warn(message, fields),
    socketFactory: options.liveSocketFactory ?? wsSocketFactory,
    emit: (presence) => {
      options.emit('livePresence', presence);
      tour.presence(presence);
    },
    onEvent: (roomCode, event, envelope) => {
      guestWork.receive(roomCode, event);
      guestVoice.receive(roomCode, event);
      voiceSignals.receive(roomCode, event, envelope);
      tour.receive(roomCode, event, envelope);
    },
    now,
  });
  // The guest page has no App Secret: the agent's app hands each joining guest the room's VR Work.
  const guestWork = createGuestWorkSender({
    workFor: async (roomCode) => {
      const vrCode = await vrCodeOf(roomCode);
      if (vrCode === null) return null;
      const { work, resourceOrigins } = await rooms.vrWork(vrCode);
      return { work, resourceOrigins };
    },
    send: (roomCode, eventId, data, toUserIds) => {
      const channel = live.channel(roomCode);
      if (!channel) throw new Error('The live channel is not connected.');
      channel.sendCustomEvent(eventId, data, toUserIds);
    },
    log: (message, fields) => options.logger.warn(message, fields),
  });

  // …and in TRTC and Chime rooms its own voice signature, fetched in the guest's name.
  const guestVoiceHints = createVoiceHintsResolver({
    activeProfile: () => profiles.getActive(),
    rtcInfoFor: (roomCode) => live.presence(roomCode)?.voice ?? null,
    roomVoiceConfigFor: createRoomVoiceConfigSource({ profiles, clients }),
  });
  const guestVoice = createGuestVoiceSender({
    planVoice: (roomCode) => planVoiceRoom({ rooms, resolveHints: guestVoiceHints }, roomCode),
    sign: (roomCode, voiceId, guest) => rooms.voiceSignature(roomCode, voiceId, guest),
    send: (roomCode, eventId, data, toUserIds) => {
      const channel = live.channel(roomCode);
      if (!channel) throw new Error('The live channel is not connected.');
      channel.sendCustomEvent(eventId, data, toUserIds);
    },
    log: (message, fields) => options.logger.warn(message, fields),
  });

  const voiceSignals = createVoiceSignalRelay({
    send: (roomCode, eventId, data, toUserIds) => {
      const channel = live.channel(roomCode);
      if (!channel) throw new Error('The live channel is not connected.');
      channel.sendCustomEvent(eventId, data, toUserIds);
    },
    setMicrophone: (roomCode, open, userId) => {
      const channel = live.channel(roomCode);
      if (!channel) throw new Error('The live channel is not connected.');
      channel.setMicrophone(open, userId);
    },
    emit: (event) => options.emit('voiceSignal', event),
    log: (message, fields) => options.logger.warn(message, fields),
  });

  // The agent's tour: the room's VR in a page of its own, guided over this room's channel.
  let tourServer: Promise<TourServer> | null = null;
  const tour = createTourController({
    vrCodeFor: vrCodeOf,
    vrWork: (vrCode) => rooms.vrWork(vrCode),
    hostRole: async () => (await profiles.getActive()).roles.host,
    live,
    server: () => (tourServer ??= startTourServer({ folder: options.tourPageDir ?? 'out/guest' })),
    createHost: options.tourHost ?? missingTourHost,
    emit: (state) => options.emit('tourState', state),
    log: (message, fields) => options.logger.warn(message, fields),
    now,
  });

  /** The VR code stored with the room; a listing may name its VR by a link instead, which cannot be fetched. */
  async function vrCodeOf(roomCode: string): Promise<string | null> {
    if (!(await history.has(roomCode))) return null;
    const vrCode = (await history.get(roomCode)).listing.vr?.trim();
    return vrCode && VR_CODE_PATTERN.test(vrCode) ? vrCode : null;
  }

  async function exportHistory(exportOptions: HistoryExportOptions) {
    const { text, rooms } = await history.exportRooms(exportOptions);
    const stamp = new Date(now()).toISOString().slice(0, 10);
    const path = await options.chooseExportPath(`roomdesk-history-${stamp}.${exportOptions.format}`);
    if (!path) return { saved: false, path: null, rooms };
    await writeFileAtomic(path, text);
    return { saved: true, path, rooms };
  }

  return {
    profiles,
    rooms,
    history,
    activity,
    clients,
    network,
    exportHistory,
    viewer,
    microphone,
    live,
    voiceSignals,
    tour,
    /** Every call of the tour page goes through this (the Electron glue or the harness says whether its sender is the open page). */
    tourPage: createTourPageDispatcher(tour.pageHandlers, (message, fields) => options.logger.warn(message, fields)),
    appInfo: () => ({
      name: 'Roomdesk',
      version: options.appVersion,
      platform: options.platform,
      sandboxBaseUrl: sandbox?.baseUrl ?? null,
    }),
    /** Every step runs even when an earlier one fails; failures are logged by name. */
    async dispose() {
      await runEveryStep(
        [
          { name: 'viewer', run: () => viewer.dispose() },
          {
            name: 'tour',
            run: async () => {
              tour.dispose();
              await (await tourServer)?.dispose();
            },
          },
          { name: 'live channels', run: () => live.dispose() },
          { name: 'network monitor', run: () => network.dispose() },
          { name: 'room history', run: () => history.close() },
          { name: 'data folder lock', run: () => releaseDataFolder() },
        ],
        (name, error) => options.logger.warn(`shutdown: ${name} did not close cleanly`, { error }),
      );
    },
  };
}

export type AppServices = Awaited<ReturnType<typeof composeServices>>;

/** Where no tour host was given (plain Node): the page never loads, and says so. */
const missingTourHost: TourHostFactory = (listener) => ({
  load: () => queueMicrotask(() => listener.loadFailed('no tour view in this process')),
  setBounds: () => undefined,
  setVisible: () => undefined,
  send: () => undefined,
  close: () => undefined,
});

/** Where no viewer host was given (plain Node): every page load fails with a clear reason. */
const missingViewerHost: ViewerHostFactory = (listener) => ({
  load: () => queueMicrotask(() => listener.loadFailed({ errorCode: -1, description: 'no viewer in this process' })),
  setBounds: () => undefined,
  setVisible: () => undefined,
  probe: async () => null,
  close: () => undefined,
});
