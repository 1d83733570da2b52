import { bridge, type BridgeMethods } from '../../lib/bridge';

export type ProfilesBridge = BridgeMethods<'testProfileConnection' | 'saveProfile' | 'activateProfile' | 'deleteProfile'>;

/** The bridge methods this feature uses. */
export function profilesBridge(): ProfilesBridge {
  return bridge();
}
