import type { AppError } from '../../../../common/errors';
import { useCallback, useEffect, useRef, useState } from 'react';
import { toVoiceFailure } from './media-errors';
import { probeMicrophone } from './microphone';
import type { VoiceIssue } from './use-voice-session';
import type { VoiceBridge } from './voice-bridge';

export interface PreflightState {
  running: boolean;
  level: number;
  microphone: { ok: true; peak: number } | { ok: false; issue: VoiceIssue } | null;
  gateway: { ok: true } | { ok: false; error: AppError } | null;
}

const initial: PreflightState = { running: false, level: 0, microphone: null, gateway: null };

/**
 * The check an agent runs before a tour: opens the microphone briefly to see that it is allowed
 * and hears something, and asks the gateway for the room to see that it answers. Nothing joins.
 */
export function usePreflight({
  roomCode,
  bridge,
  onDevices,
}: {
  roomCode: string;
  bridge: VoiceBridge;
  onDevices(devices: MediaDeviceInfo[]): void;
}) {
  const [state, setState] = useState<PreflightState>(initial);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (deviceId?: string) => {
      setState({ ...initial, running: true });
      const update = (patch: Partial<PreflightState>) => {
        if (mounted.current) setState((current) => ({ ...current, ...patch }));
      };
      const onLateDevices = (devices: MediaDeviceInfo[]) => {
        if (mounted.current) onDevices(devices);
      };
      const microphone = probeMicrophone({ ...(deviceId ? { deviceId } : {}), onLevel: (level) => update({ level }), onLateDevices }).then(
        ({ peak, devices }) => {
          onDevices(devices);
          update({ microphone: { ok: true, peak } });
        },
        (error: unknown) => {
          const failure = toVoiceFailure(error, 'microphone-busy');
          update({ microphone: { ok: false, issue: { problem: failure.kind, ...(failure.detail ? { detail: failure.detail } : {}) } } });
        },
      );
      const gateway = bridge.getRoomDetails({ roomCode }).then(
        (answer) =>
          update({
            gateway: answer.ok ? { ok: true } : { ok: false, error: answer.error },
          }),
        (error: unknown) =>
          update({ gateway: { ok: false, error: { kind: 'internal', message: error instanceof Error ? error.message : String(error) } } }),
      );
      await Promise.all([microphone, gateway]);
      update({ running: false, level: 0 });
    },
    [bridge, onDevices, roomCode],
  );

  return { state, run };
}
